import BoardSession
import BoardUI
import Foundation
import Terminal

/// A terminal in memory that plays a script: the inputs a user (and the passing of time) would
/// give, and checks of the screen as it stands at that point. When the script is done it says
/// that input is gone (`.signal(SIGHUP)`, as the real terminal does), which ends the loop.
final class ScriptedTerminal: SessionTerminal {
    enum Step {
        case input(TerminalInput)
        /// Looks at the frame drawn last, between two inputs.
        case check((Screen) -> Void)

        /// What happens between two inputs without the user: a colleague writes, midnight passes.
        static func meanwhile(_ action: @escaping () -> Void) -> Step { .check { _ in action() } }

        static func key(_ key: Key) -> Step { .input(.key(key)) }
        static func character(_ character: Character) -> Step { .input(.key(.character(character))) }
        /// The loop's wait for a key ran out: the moment it looks at the store.
        static var timeout: Step { .input(.timeout) }
        static func typed(_ text: String) -> [Step] { text.map { character($0) } }
    }

    let width: Int
    let height: Int
    private var steps: [Step]
    private(set) var screen: Screen
    /// Whether the loop asked for more input than the script had.
    private(set) var ranOut = false
    var unreadSteps: Int { steps.count }

    init(width: Int = 120, height: Int = 36, _ steps: [Step]) {
        self.width = width
        self.height = height
        self.steps = steps
        screen = Screen(width: width, height: height)
    }

    var text: String { screen.text }

    func size() -> (width: Int, height: Int) { (width, height) }

    func draw(_ screen: Screen, cursor: (x: Int, y: Int)?) { self.screen = screen }

    func read(timeoutMilliseconds: Int32) -> TerminalInput {
        while !steps.isEmpty {
            switch steps.removeFirst() {
            case .input(let input): return input
            case .check(let check): check(screen)
            }
        }
        ranOut = true
        return .signal(SIGHUP)
    }
}
