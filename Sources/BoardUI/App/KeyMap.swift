/// Everything a key can do. Each screen has its own bindings; help and the key bar are generated
/// from them, so they never drift from what the keys really do.
public enum Action: Equatable, Sendable {
    case left, right, up, down, first, last, pageUp, pageDown
    case open, forward, back, newReport, filter, clearFilter, reload, toggleClosed, toggleOverdue
    case help, close, quit
    /// Meeting mode: initials instead of names (NameMask.swift).
    case toggleMeeting
    /// The log view (AuditScreen.swift).
    case openAuditLog
    // The family screen.
    case section(Int), nextSection, previousSection, browseCases
    case editFamily, addChild, addCaregiver, addNetworkMember, toggleBSN
    case addAssessment, addRiskInstrument, addNote, correctNote, recordTableDecision, recordRvkOutcome
    // The joint plan (PlanScreen.swift).
    case openPlan, planGoal, planAgreement, planStatus, planHours, planIntensity, planEvaluation, planStart, toggleOnlyPlans
    // The weekly meeting (AgendaScreen.swift), caseload and choice filters.
    case agenda, nextAgendaItem, previousAgendaItem, recordMeetingDecision, caseload, chooseFilters
    // The report screen (ReportScreen.swift).
    case openReport, reportPreviousYear, reportNextYear, reportPeriod
}

public struct Binding: Equatable, Sendable {
    public var keys: [Key]
    public var action: Action
    public var description: String
    /// A short word for the key bar at the bottom (the keys that matter most); nil keeps the
    /// binding out of the bar. Every binding is in help.
    public var bar: String?

    public init(_ keys: [Key], _ action: Action, _ description: String, bar: String? = nil) {
        self.keys = keys
        self.action = action
        self.description = description
        self.bar = bar
    }

    /// `↑/k`: how help and the bar write the keys.
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

public enum KeyMap {
    public static let board: [Binding] = [
        Binding([.left, .character("h")], .left, "vorige kolom"),
        Binding([.right, .character("l")], .right, "volgende kolom"),
        Binding([.up, .character("k")], .up, "vorige kaart"),
        Binding([.down, .character("j")], .down, "volgende kaart"),
        Binding([.character("g"), .home], .first, "eerste kaart"),
        Binding([.character("G"), .end], .last, "laatste kaart"),
        Binding([.pageUp], .pageUp, "bladzijde omhoog"),
        Binding([.pageDown], .pageDown, "bladzijde omlaag"),
        Binding([.enter], .open, "zaak openen", bar: "open"),
        Binding([.character(">")], .forward, "zaak naar volgende kolom", bar: "verder"),
        Binding([.character("<")], .back, "zaak één kolom terug (correctie)", bar: "terug"),
        Binding([.character("a")], .newReport, "nieuwe aanmelding", bar: "nieuw"),
        Binding([.character("/")], .filter, "filteren (gezin, kenmerk, medewerker)", bar: "filter"),
        Binding([.character("f")], .chooseFilters, "filteren op medewerker, wijk of bron"),
        Binding([.escape], .clearFilter, "alle filters wissen"),
        Binding([.character("c")], .toggleClosed, "afgesloten: laatste 30 dagen / alles"),
        Binding([.character("o")], .toggleOverdue, "alleen zaken over de norm / alle zaken", bar: "over norm"),
        Binding([.character("J")], .toggleOnlyPlans, "alleen zaken met een lopend plan JB in de wijk / alle zaken"),
        Binding([.character("w")], .caseload, "werkvoorraad: open zaken per medewerker"),
        Binding([.character("A")], .agenda, "agenda van het teamoverleg (n/p: volgende/vorige zaak, B: besluit)"),
        Binding([.character("r")], .reload, "opnieuw laden"),
        Binding([.character("M")], .toggleMeeting, "vergadermodus: initialen in plaats van namen / namen tonen"),
        Binding([.character("R")], .openReport, "cijfers: aanmeldingen en doorstroom van een periode"),
        Binding([.character("L")], .openAuditLog, "logboek: wie opende of wijzigde wat (een teamleider ziet iedereen, anderen hun eigen regels)"),
        Binding([.character("?")], .help, "hulp", bar: "hulp"),
        Binding([.character("q")], .quit, "stoppen", bar: "stop"),
    ]

    public static let help: [Binding] = [
        Binding([.up, .character("k")], .up, "omhoog scrollen"),
        Binding([.down, .character("j")], .down, "omlaag scrollen"),
        Binding([.escape, .character("?"), .character("q")], .close, "hulp sluiten", bar: "sluiten"),
    ]

    /// Form keys are handled by the form itself; this list documents them for help and the bar.
    public static let form: [Binding] = [
        Binding([.tab, .down], .down, "volgend veld", bar: "veld"),
        Binding([.backTab, .up], .up, "vorig veld"),
        Binding([.left, .right, .home, .end], .left, "cursor verplaatsen; bij een keuze: andere keuze"),
        Binding([.character(" ")], .right, "bij een keuze: volgende keuze"),
        Binding([.backspace, .delete], .left, "teken wissen"),
        Binding([.control("u")], .left, "veld leegmaken"),
        Binding([.control("s")], .open, "opslaan", bar: "opslaan"),
        Binding([.enter], .open, "volgend veld; op het laatste veld: opslaan", bar: "verder"),
        Binding([.escape], .close, "annuleren", bar: "annuleren"),
        Binding([.function(1)], .help, "hulp", bar: "hulp"),
    ]

    public static let filter: [Binding] = [
        Binding([.enter], .close, "filter vasthouden", bar: "klaar"),
        Binding([.escape], .clearFilter, "filter wissen", bar: "wissen"),
        Binding([.backspace], .left, "teken wissen"),
    ]

    /// The locked screen after its first key (IdleLock.swift); any other key is ignored.
    public static let unlock: [Binding] = [
        Binding([.enter], .open, "ontgrendelen", bar: "ontgrendelen"),
        Binding([.escape], .close, "vergrendeld blijven", bar: "vergrendeld blijven"),
    ]

    public static func action(for key: Key, in bindings: [Binding]) -> Action? {
        bindings.first(where: { $0.keys.contains(key) })?.action
    }
}
