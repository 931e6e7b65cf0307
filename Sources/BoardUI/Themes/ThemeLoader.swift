import Foundation
import TOMLKit

/// Reads a theme from TOML text. The format (each file in Themes/ repeats it at the top):
///
/// ```toml
/// name = "standaard"
/// description = "Rustig en leesbaar"
///
/// [palette]                # optional: your own colour names
/// blauw = "#1f6feb"
///
/// [roles.normal]           # one table per Role.rawValue
/// fg = "default"           # "default", an ANSI name (black, red, green, yellow, blue, magenta,
/// bg = "default"           # cyan, white, bright-black ... bright-white), "#rrggbb", or a palette name
/// modifiers = ["bold"]     # bold, dim, reverse, underline, italic
/// ```
///
/// Every key is optional. A role that is not in the file takes the style of
/// `Theme.builtInMonochrome` for that role. Unknown roles, colours, modifiers or keys are
/// errors, so that a typo does not silently fall back.
public enum ThemeLoader {
    /// Reads the file at `url`; errors name the file.
    public static func load(contentsOf url: URL) throws -> ThemeDocument {
        let fileName = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ThemeError("Thema \(fileName): kan het bestand niet lezen (\(url.path)).")
        }
        return try parseDocument(text, fileName: fileName)
    }

    /// The theme in `text`; `fileName` is only used in messages and for the default name.
    public static func parse(_ text: String, fileName: String) throws -> Theme {
        try parseDocument(text, fileName: fileName).theme
    }

    public static func parseDocument(_ text: String, fileName: String) throws -> ThemeDocument {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = error.source.begin
            throw ThemeError("Thema \(fileName): ongeldige TOML op regel \(position.line), kolom \(position.column): \(error.description)")
        } catch {
            throw ThemeError("Thema \(fileName): ongeldige TOML (\(error)).")
        }
        var reader = Reader(fileName: fileName, lines: text.components(separatedBy: "\n"))
        return try reader.read(table)
    }

    /// `#rrggbb` or `#rgb` as a colour; nil when it is not a hex colour.
    public static func parseHex(_ text: String) -> ThemeColor? {
        guard text.hasPrefix("#") else { return nil }
        var digits = String(text.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, digits.allSatisfy(\.isHexDigit), let value = UInt32(digits, radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    /// The ANSI colour names, in index order (0...15).
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// A colour written as "default", an ANSI name, "#rrggbb", or a name from `palette`
    /// (palette names win over ANSI names). Case-insensitive; nil when unknown.
    public static func parseColour(_ text: String, palette: [String: ThemeColor] = [:]) -> ThemeColor? {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let colour = palette[name] { return colour }
        return parseBaseColour(name)
    }

    static func parseBaseColour(_ text: String) -> ThemeColor? {
        let name = text.trimmingCharacters(in: .whitespaces).lowercased()
        if name == "default" { return .terminalDefault }
        if let index = ansiNames.firstIndex(of: name.replacingOccurrences(of: "_", with: "-")) { return .ansi(index) }
        return parseHex(name)
    }

    static let modifierNames = ["bold", "dim", "reverse", "underline", "italic"]

    /// Walks the parsed table and keeps track of where in the text things are, for messages.
    private struct Reader {
        let fileName: String
        let lines: [String]
        var palette: [String: ThemeColor] = [:]

        init(fileName: String, lines: [String]) {
            self.fileName = fileName
            self.lines = lines
        }

        mutating func read(_ table: TOMLTable) throws -> ThemeDocument {
            for key in table.keys where !["name", "description", "palette", "ageing", "roles"].contains(key) {
                throw fail("onbekende sleutel '\(key)' (verwacht name, description, [palette], [ageing] en [roles.…])", near: key)
            }
            let stem = (fileName as NSString).deletingPathExtension
            let name = try string(table["name"], key: "name") ?? stem
            let description = try string(table["description"], key: "description") ?? ""

            if let value = table["palette"] {
                guard let paletteTable = value.table else { throw fail("[palette] moet een tabel zijn", near: "palette") }
                for (key, entry) in paletteTable {
                    guard let text = entry.string else {
                        throw fail("kleur '\(key)' in [palette] moet tekst zijn, zoals \"#1f6feb\"", near: key)
                    }
                    guard let colour = ThemeLoader.parseBaseColour(text) else {
                        throw fail("ongeldige kleur '\(text)' in [palette] bij '\(key)'; gebruik \"#rrggbb\" of een ANSI-naam", near: text)
                    }
                    palette[key.lowercased()] = colour
                }
            }

            var styles = Theme.builtInMonochrome.styles
            var defined = Set<Role>()
            if let value = table["roles"] {
                guard let rolesTable = value.table else { throw fail("'roles' moet een tabel zijn, zoals [roles.normal]", near: "roles") }
                for (key, entry) in rolesTable {
                    guard let role = Role(rawValue: key) else {
                        let known = Role.allCases.map(\.rawValue).joined(separator: ", ")
                        throw fail("onbekende rol '\(key)'", near: "roles.\(key)", hint: "Bekende rollen: \(known).")
                    }
                    guard let roleTable = entry.table else {
                        throw fail("rol \(key) moet een tabel zijn, zoals [roles.\(key)]", near: "roles.\(key)")
                    }
                    styles[role] = try style(roleTable, role: role)
                    defined.insert(role)
                }
            }
            let ageing = try self.ageing(table["ageing"])
            return ThemeDocument(theme: Theme(name: name, styles: styles, ageing: ageing), description: description, definedRoles: defined)
        }

        /// `[ageing]` with `ageing_days` and `old_days`: whole numbers of days, the first below the second.
        func ageing(_ value: TOMLValueConvertible?) throws -> CardAgeing {
            guard let value else { return .standard }
            guard let table = value.table else { throw fail("[ageing] moet een tabel zijn", near: "ageing") }
            var ageing = CardAgeing.standard
            for (key, entry) in table {
                guard key == "ageing_days" || key == "old_days" else {
                    throw fail("onbekende sleutel '\(key)' in [ageing] (verwacht ageing_days en old_days)", near: key)
                }
                guard let days = entry.int, days >= 1, days <= 3650 else {
                    throw fail("\(key) in [ageing] moet een heel aantal dagen zijn (1 tot 3650)", near: key)
                }
                if key == "ageing_days" { ageing.ageingDays = days } else { ageing.oldDays = days }
            }
            guard ageing.ageingDays < ageing.oldDays else {
                throw fail("in [ageing] moet ageing_days (\(ageing.ageingDays)) kleiner zijn dan old_days (\(ageing.oldDays))", near: "ageing")
            }
            return ageing
        }

        func style(_ table: TOMLTable, role: Role) throws -> Style {
            let roleName = role.rawValue
            var style = Style()
            for key in table.keys where !["fg", "bg", "modifiers"].contains(key) {
                throw fail("onbekende sleutel '\(key)' bij rol \(roleName) (verwacht fg, bg, modifiers)", near: key, inRole: roleName)
            }
            style.foreground = try colour(table["fg"], key: "fg", role: roleName)
            style.background = try colour(table["bg"], key: "bg", role: roleName)

            var modifiers: [String] = []
            if let value = table["modifiers"] {
                if let single = value.string {
                    modifiers = [single]
                } else if let array = value.array {
                    for element in array {
                        guard let text = element.string else {
                            throw fail("'modifiers' bij rol \(roleName) moet een lijst met tekst zijn, zoals [\"bold\"]", near: "modifiers", inRole: roleName)
                        }
                        modifiers.append(text)
                    }
                } else {
                    throw fail("'modifiers' bij rol \(roleName) moet een lijst zijn, zoals [\"bold\"]", near: "modifiers", inRole: roleName)
                }
            }
            for modifier in modifiers {
                switch modifier.lowercased() {
                case "bold": style.bold = true
                case "dim": style.dim = true
                case "reverse": style.reverse = true
                case "underline": style.underline = true
                case "italic": style.italic = true
                default:
                    let known = ThemeLoader.modifierNames.joined(separator: ", ")
                    throw fail("onbekende opmaak '\(modifier)' bij rol \(roleName) (kies uit \(known))", near: modifier, inRole: roleName)
                }
            }
            return style
        }

        func colour(_ value: TOMLValueConvertible?, key: String, role: String) throws -> ThemeColor {
            guard let value else { return .terminalDefault }
            guard let text = value.string else {
                throw fail("'\(key)' bij rol \(role) moet tekst zijn, zoals \"default\" of \"#1f6feb\"", near: key, inRole: role)
            }
            guard let colour = ThemeLoader.parseColour(text, palette: palette) else {
                throw fail("onbekende kleur '\(text)' bij rol \(role)", near: text, inRole: role,
                           hint: "Gebruik \"default\", een ANSI-naam (zoals red of bright-blue), \"#rrggbb\" of een naam uit [palette].")
            }
            return colour
        }

        func string(_ value: TOMLValueConvertible?, key: String) throws -> String? {
            guard let value else { return nil }
            guard let text = value.string else { throw fail("'\(key)' moet tekst zijn", near: key) }
            return text
        }

        /// An error naming the file, with the line number when the text can be found.
        func fail(_ message: String, near needle: String, inRole role: String? = nil, hint: String? = nil) -> ThemeError {
            var text = "Thema \(fileName): \(message)"
            if let line = lineNumber(of: needle, inRole: role) { text += " (regel \(line))" }
            text += "."
            if let hint { text += " \(hint)" }
            return ThemeError(text)
        }

        /// The first line that mentions `needle`, searching from the role's own table when there
        /// is one. TOMLKit does not give positions for values, so this is a best effort.
        func lineNumber(of needle: String, inRole role: String?) -> Int? {
            var start = 0
            if let role, let header = lines.firstIndex(where: { $0.contains("roles.\(role)") || $0.contains("roles.\"\(role)\"") }) {
                start = header
            }
            guard start < lines.count else { return nil }
            for index in start..<lines.count {
                let line = lines[index].split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
                if line.contains(needle) || (needle.hasPrefix("#") && lines[index].contains(needle)) { return index + 1 }
            }
            return nil
        }
    }
}

/// A theme as read from a file, with what the file says about itself.
public struct ThemeDocument: Equatable, Sendable {
    public var theme: Theme
    public var description: String
    /// The roles the file defines itself; the others came from `Theme.builtInMonochrome`.
    public var definedRoles: Set<Role>
}

/// A theme that cannot be found or read; `message` is Dutch and meant for the user.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible, LocalizedError {
    public let message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
    public var errorDescription: String? { message }
}
