import Foundation
import Testing

/// ArgumentParser's help and usage errors reach the user in Dutch, and a word that is no command
/// is named as such, with the list of commands.
@Suite("Help and usage errors in Dutch")
struct CommandHelpEndToEndTests {
    /// ArgumentParser's English that must not get through.
    static let english = ["OVERVIEW", "USAGE", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "Show help information", "Error:",
                          "Missing expected argument", "Unexpected argument", "Unknown option", "(default", "(values:",
                          "for more information", "for detailed help", "<subcommand>"]

    static func expectDutch(_ output: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for phrase in english {
            #expect(!output.contains(phrase), "‘\(phrase)’ in:\n\(output)", sourceLocation: sourceLocation)
        }
    }

    @Test func helpIsDutch() throws {
        let root = try Binary.run(["--help"])
        #expect(root.status == 0)
        for heading in ["OVERZICHT: Beschermbord", "GEBRUIK: beschermbord", "OPTIES:", "OPDRACHTEN:", "Toon deze uitleg."] {
            #expect(root.output.contains(heading), "\(heading) in:\n\(root.output)")
        }
        Self.expectDutch(root.output)
        for command in ["export", "report", "demo", "import", "help export"] {
            let help = try Binary.run(command.split(separator: " ").map(String.init) + (command.hasPrefix("help") ? [] : ["--help"]))
            #expect(help.status == 0, "\(command): \(help.output)")
            #expect(help.output.contains("OPTIES:"), "\(command): \(help.output)")
            Self.expectDutch(help.output)
        }
    }

    @Test func usageErrorsAreDutch() throws {
        let missing = try Binary.run(["import"])
        #expect(missing.status == 64)
        #expect(missing.output.contains("Fout: Het argument ‘<bestand>’ ontbreekt"), "\(missing.output)")
        #expect(missing.output.contains("Gebruik: beschermbord import"), "\(missing.output)")
        Self.expectDutch(missing.output)

        let value = try Binary.run(["report", "--format", "pdf"])
        #expect(value.status == 64)
        #expect(value.output.contains("De waarde ‘pdf’ is ongeldig voor ‘--format <formaat>’"), "\(value.output)")
        Self.expectDutch(value.output)

        let option = try Binary.run(["export", "--formaat", "csv"])
        #expect(option.status == 64)
        #expect(option.output.contains("Onbekende optie ‘--formaat’"), "\(option.output)")
        Self.expectDutch(option.output)
    }

    @Test func anUnknownCommandIsNamedWithTheCommands() throws {
        let result = try Binary.run(["frobnicate"])
        #expect(result.status == 64)
        #expect(result.output.contains("onbekende opdracht ‘frobnicate’"), "\(result.output)")
        for command in ["open", "import", "export", "report", "audit", "retention"] {
            #expect(result.output.contains(command), "\(command) in:\n\(result.output)")
        }
        #expect(!result.output.contains("--theme"), "not the usage of open")
        Self.expectDutch(result.output)
    }

    /// The completion scripts and the help dump that the man page plugin reads come out of the same
    /// place as help and errors; they must pass it untranslated and whole.
    @Test func completionScriptsAndTheHelpDumpPassUnchanged() throws {
        for (shell, start) in [("bash", "#!/bin/bash"), ("zsh", "#compdef beschermbord"), ("fish", "function __beschermbord")] {
            let script = try Binary.run(["--generate-completion-script", shell])
            #expect(script.status == 0, "\(shell): \(script.output)")
            #expect(script.output.hasPrefix(start), "\(shell)")
            for word in ["export", "report", "families", "format"] {
                #expect(script.output.contains(word), "\(shell) mist \(word)")
            }
        }
        let dump = try Binary.run(["--experimental-dump-help"])
        #expect(dump.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(dump.output.utf8)) as? [String: Any])
        let command = try #require(object["command"] as? [String: Any])
        #expect(command["commandName"] as? String == "beschermbord")
        #expect((command["subcommands"] as? [[String: Any]])?.contains { $0["commandName"] as? String == "report" } == true)
    }
}
