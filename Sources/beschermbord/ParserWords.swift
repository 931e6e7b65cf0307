import Foundation

/// ArgumentParser's own words in Dutch: the headings of its help, its fixed phrases and its usage
/// errors. ArgumentParser has no translations, so the text it makes is put into Dutch on its way
/// out, in the one place where the command line's messages are said (CommandFailure). The phrases
/// are those of ArgumentParser 1.8; a new one in a later version stays English until it is added
/// here (CommandHelpEndToEndTests looks for English in the help and the errors).
enum ParserWords {
    /// `text` with every known phrase replaced.
    static func dutch(_ text: String) -> String {
        var lines: [String] = []
        var inUsage = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            // The usage hangs under its heading: continuation lines move along with the longer word.
            if inUsage, line.hasPrefix(usageIndent) {
                lines.append("  " + line)
                continue
            }
            inUsage = false
            var translated = line
            for (english, dutch) in headings where translated.hasPrefix(english) {
                translated = dutch + translated.dropFirst(english.count)
                inUsage = english.lowercased() == "usage: "
                break
            }
            lines.append(phrases(translated))
        }
        return lines.joined(separator: "\n")
    }

    /// The indent of a usage's continuation lines (the width of `USAGE: `).
    static let usageIndent = String(repeating: " ", count: 7)

    static let headings: [(String, String)] = [
        ("OVERVIEW: ", "OVERZICHT: "), ("USAGE: ", "GEBRUIK: "), ("ARGUMENTS:", "ARGUMENTEN:"), ("OPTIONS:", "OPTIES:"),
        ("SUBCOMMANDS:", "OPDRACHTEN:"), ("Usage: ", "Gebruik: "), ("Error: ", "Fout: "), ("Help:  ", "Uitleg: "),
    ]

    /// Patterns with their Dutch templates, most specific first; `$1` is the quoted part.
    static let patterns: [(NSRegularExpression, String)] = [
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "Onbekende optie ‘$1’. Bedoel je ‘$2’?"),
        (#"Unknown option '([^']*)'"#, "Onbekende optie ‘$1’"),
        (#"Invalid option: (\S+)"#, "Ongeldige optie: $1"),
        (#"Missing expected argument '([^']*)'"#, "Het argument ‘$1’ ontbreekt"),
        (#"Missing one of: (.*)"#, "Een van deze ontbreekt: $1"),
        (#"Missing value for '([^']*)'"#, "De waarde voor ‘$1’ ontbreekt"),
        (#"Unexpected argument '([^']*)'"#, "Onverwacht argument ‘$1’"),
        (#"(\d+) unexpected arguments: (.*)"#, "$1 onverwachte argumenten: $2"),
        (#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#, "De optie ‘$1’ neemt geen waarde, maar ‘$2’ is gegeven."),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "De waarde ‘$1’ is ongeldig voor ‘$2’"),
        (#"The value '([^']*)' is invalid\."#, "De waarde ‘$1’ is ongeldig."),
        (#"\. Please provide one of (.*) or (.*)\.$"#, ". Kies $1 of $2."),
        (#"\. Please provide one of the following:"#, ". Kies een van deze:"),
        (#"Missing required subcommand\."#, "Er ontbreekt een opdracht."),
        (#"See '([^']*) <subcommand>' for detailed help\."#, "Zie ‘$1 <opdracht>’ voor de uitleg van een opdracht."),
        (#"See '([^']*)' for more information\."#, "Zie ‘$1’ voor meer uitleg."),
        (#"Show help information\."#, "Toon deze uitleg."),
        // Followed by a space or, where the help wraps its line there, by the line's end.
        (#"\(default as flag:(?=\s|$)"#, "(standaard als vlag:"),
        (#"\(default:(?=\s|$)"#, "(standaard:"),
        (#"; default:(?=\s|$)"#, "; standaard:"),
        (#"\(values:(?=\s|$)"#, "(waarden:"),
        // The default command, `open (default)`: a word as long, so the columns stay aligned.
        (#"\(default\)"#, "(vanzelf)"),
        (#"<subcommand>"#, "<opdracht>"),
        (#"<options>"#, "<opties>"),
    ].map { pattern, template in
        // The patterns are fixed text: one that does not compile is a programming error.
        (try! NSRegularExpression(pattern: pattern), template)
    }

    static func phrases(_ line: String) -> String {
        var text = line
        for (pattern, template) in patterns {
            let range = NSRange(text.startIndex..., in: text)
            text = pattern.stringByReplacingMatches(in: text, range: range, withTemplate: template)
        }
        return text
    }
}
