import BoardCore

/// A rendered frame: the screen, and where the text cursor stands (nil hides it).
public struct Frame: Equatable, Sendable {
    public var screen: Screen
    public var cursor: (x: Int, y: Int)?

    public static func == (lhs: Frame, rhs: Frame) -> Bool {
        lhs.screen == rhs.screen && lhs.cursor?.x == rhs.cursor?.x && lhs.cursor?.y == rhs.cursor?.y
    }
}

/// Draws the whole program for a state: the board, then whatever is on top of it.
public enum AppView {
    public static func render(_ state: AppState) -> Frame {
        // Locked: the lock panel alone, drawn before anything of the state below can be.
        if state.lock.isLocked {
            var screen = Screen(width: state.width, height: state.height)
            LockView.draw(state, into: &screen)
            KeyBar.draw(state.activeBindings, into: &screen)
            return Frame(screen: screen, cursor: nil)
        }
        // Meeting mode: draw a copy with names masked, so no view has to know about it.
        let state = state.isMeeting ? NameMask.state(state) : state
        var screen = Screen(width: state.width, height: state.height)
        if state.isTooSmall {
            drawTooSmall(state, into: &screen)
            return Frame(screen: screen, cursor: nil)
        }
        var cursor: (x: Int, y: Int)?
        let page = state.overlays.last(where: {
            switch $0 { case .family, .plan, .agenda, .caseload, .report, .audit: return true; default: return false }
        })
        if case .audit(let audit)? = page {
            cursor = AuditView.draw(audit, state: state, into: &screen)
        } else if case .agenda(let agenda)? = page {
            AgendaView.draw(agenda, state: state, into: &screen)
        } else if case .caseload(let caseload)? = page {
            CaseloadView.draw(caseload, state: state, into: &screen)
        } else if case .report(let report)? = page {
            ReportView.draw(report, state: state, into: &screen)
        } else if case .plan(let plan)? = page {
            PlanView.draw(plan, state: state, into: &screen)
        } else if case .family(let family)? = page {
            FamilyView.draw(family, state: state, into: &screen)
        } else {
            cursor = BoardView.draw(state, into: &screen)
        }
        switch state.overlays.last {
        case .help(let title, let bindings, let scroll)?:
            HelpView.draw(title: title, bindings: bindings, scroll: scroll, into: &screen)
            cursor = nil
        case .newReport(let form)?, .filterForm(let form)?:
            cursor = FormView.draw(form, into: &screen)
        case .move(let dialog)?:
            cursor = FormView.draw(dialog.form, subtitle: MoveForm.subtitle(dialog), into: &screen)
        case .dossierForm(let dossierForm)?:
            cursor = FormView.draw(dossierForm.form, subtitle: "Gezin \(dossierForm.caseSummary.familyName) · zaak \(dossierForm.caseSummary.kenmerk)", into: &screen)
        case .planForm(let planForm)?:
            cursor = FormView.draw(planForm.form, subtitle: PlanForms.subtitle(planForm), into: &screen)
        case .reportForm(let form)?:
            cursor = FormView.draw(form, subtitle: ReportPeriodForm.subtitle, into: &screen)
        case .family?, .plan?, .agenda?, .caseload?, .report?, .audit?, nil:
            break
        }
        KeyBar.draw(state.activeBindings, into: &screen)
        if state.isMeeting { drawMeetingBadge(into: &screen) }
        return Frame(screen: screen, cursor: cursor)
    }

    /// On the title row of every screen, left of the date: masking is on.
    static func drawMeetingBadge(into screen: inout Screen) {
        let width = DisplayWidth.of(NameMask.badge)
        let dateWidth = 12
        guard screen.width >= width + dateWidth + 10 else {
            screen.put(" VERGADERMODUS ", x: max(0, screen.width - 15 - dateWidth), y: 0, role: .maskedName)
            return
        }
        screen.put(NameMask.badge, x: screen.width - width - dateWidth, y: 0, role: .maskedName)
    }

    static func drawTooSmall(_ state: AppState, into screen: inout Screen) {
        let lines = ["Venster te klein",
                     "Beschermbord heeft minstens \(AppState.minimumWidth)×\(AppState.minimumHeight) nodig,",
                     "nu \(state.width)×\(state.height). Maak het venster groter."]
        let top = max(0, (state.height - lines.count) / 2)
        for (offset, line) in lines.enumerated() {
            let x = max(0, (state.width - DisplayWidth.of(line)) / 2)
            screen.put(line, x: x, y: top + offset, role: offset == 0 ? .warning : .normal)
        }
    }
}

/// The bottom row: the keys that matter on the screen in front. When they do not all fit, the
/// key for help keeps its place at the end, so the way to every other key is always shown.
enum KeyBar {
    static func draw(_ bindings: [Binding], into screen: inout Screen) {
        let y = screen.height - 1
        screen.fill(Rect(x: 0, y: y, width: screen.width, height: 1), role: .normal)
        let items = bindings.compactMap { binding in binding.bar.map { (key: binding.keys[0].label, word: $0, isHelp: binding.action == .help) } }
        let width = { (item: (key: String, word: String, isHelp: Bool)) in DisplayWidth.of(item.key) + DisplayWidth.of(item.word) + 3 }
        let fitsAll = 1 + items.map(width).reduce(0, +) <= screen.width
        let help = fitsAll ? nil : items.first(where: \.isHelp)
        let room = screen.width - (help.map(width) ?? 0)
        var x = 1
        for item in items where help == nil || !item.isHelp {
            guard x + width(item) - 2 < room else { break }
            x += screen.put(item.key, x: x, y: y, role: .keyHint)
            x += screen.put(" \(item.word)  ", x: x, y: y, role: .dim)
        }
        if let help {
            x += screen.put(help.key, x: x, y: y, role: .keyHint)
            screen.put(" \(help.word)", x: x, y: y, role: .dim)
        }
    }
}
