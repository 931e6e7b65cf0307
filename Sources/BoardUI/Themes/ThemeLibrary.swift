import Foundation

/// Finds theme files by name. Searched in order, the first match wins:
/// 1. `$BESCHERMBORD_THEMES`
/// 2. `$XDG_CONFIG_HOME/beschermbord/themes` (or `~/.config/beschermbord/themes`)
/// 3. the repository's `Themes/` directory, located at compile time.
public struct ThemeLibrary: Sendable {
    public var searchDirectories: [URL]

    public init(searchDirectories: [URL]) {
        self.searchDirectories = searchDirectories
    }

    /// The standard search order for an environment (the process's own by default).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        var directories: [URL] = []
        if let dir = environment["BESCHERMBORD_THEMES"], !dir.isEmpty {
            directories.append(URL(fileURLWithPath: dir, isDirectory: true))
        }
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            directories.append(URL(fileURLWithPath: config, isDirectory: true).appendingPathComponent("beschermbord/themes", isDirectory: true))
        } else if let home = environment["HOME"], !home.isEmpty {
            directories.append(URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".config/beschermbord/themes", isDirectory: true))
        }
        directories.append(Self.bundledThemesDirectory)
        self.init(searchDirectories: directories)
    }

    /// `Themes/` next to `Sources/` in the repository this was built from.
    public static var bundledThemesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent() // Themes
            .deletingLastPathComponent() // BoardUI
            .deletingLastPathComponent() // Sources
            .deletingLastPathComponent() // repository
            .appendingPathComponent("Themes", isDirectory: true)
    }

    /// The file for a theme name (with or without `.toml`), or nil.
    public func url(forName name: String) -> URL? {
        let stem = name.hasSuffix(".toml") ? String(name.dropLast(5)) : name
        guard Self.isPlainName(stem) else { return nil }
        for directory in searchDirectories {
            let url = directory.appendingPathComponent(stem + ".toml")
            if FileManager.default.isReadableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// Loads a theme by name. A name containing `/` is read as a path to a theme file.
    public func load(name: String) throws -> Theme {
        try loadDocument(name: name).theme
    }

    public func loadDocument(name: String) throws -> ThemeDocument {
        if name.contains("/") {
            let url = URL(fileURLWithPath: name)
            guard FileManager.default.isReadableFile(atPath: url.path) else {
                throw ThemeError("Themabestand \(name) niet gevonden.")
            }
            return try ThemeLoader.load(contentsOf: url)
        }
        guard let url = url(forName: name) else {
            let names = availableNames()
            let list = names.isEmpty ? "geen" : names.joined(separator: ", ")
            let searched = searchDirectories.map(\.path).joined(separator: ", ")
            throw ThemeError("Thema '\(name)' niet gevonden. Beschikbare thema's: \(list). Gezocht in: \(searched).")
        }
        return try ThemeLoader.load(contentsOf: url)
    }

    /// Every theme name in the search directories, sorted, without duplicates.
    public func availableNames() -> [String] {
        var names = Set<String>()
        for directory in searchDirectories {
            guard let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { continue }
            for file in files where file.hasSuffix(".toml") && !file.hasPrefix(".") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }

    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\\")
    }
}
