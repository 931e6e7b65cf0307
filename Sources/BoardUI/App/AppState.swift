import BoardCore

/// What the app asks the outside world to do. The loop performs it against the store and feeds
/// the result back as an `AppEvent`, so `update` stays pure and testable.
public enum Effect: Equatable, Sendable {
    case reload
    case addReport(NewReport)
    case move(MoveRequest)
    /// Opens the family screen of a case; the store logs the opening of the dossier.
    case openFamily(CaseID, section: String)
    /// Reloads the family screen already open, after a change (not a new opening).
    case refreshFamily(CaseID)
    /// Shows another (earlier) case of the same family; logged as an opening.
    case viewCase(CaseID)
    case apply(DossierChange)
    /// Opens the plan screen of a case; the store logs the opening.
    case openPlan(CaseID)
    /// Reloads the plan screen already open, after a change.
    case refreshPlan(CaseID)
    case applyPlan(PlanChange)
    /// Looks up known families by name, for linking a new report.
    case findFamilies(String)
    /// Asks the store about earlier meetings, to open or refresh the agenda.
    case loadMeeting
    /// Loads the figures of the report screen (only reads).
    case loadReport(ReportPeriod, source: Source?)
    /// Reads the log for the log view: the newest entries whose kenmerk or user contains
    /// `filter`, within what the user may read. Reading the log is not itself logged.
    case loadAuditLog(filter: String)
    /// Reads what `/` finds of the board's families besides their cards (children, address, BSN):
    /// asked when a filter is first typed after a load, not with every load.
    case loadFamilySearch
    /// Asks the store what `U` would undo of the case (or why nothing), to ask the user first.
    case proposeUndo(CaseID)
    /// Undoes the change the user confirmed, by a new, logged correction event.
    case undo(UndoRequest)
}

public enum AppEvent: Equatable, Sendable {
    case key(Key)
    /// Ctrl-C, which reaches the program as SIGINT rather than as a key.
    case interrupt
    /// A click, double click or wheel turn (MouseUpdate.swift).
    case mouse(Mouse)
    case resize(width: Int, height: Int)
    /// The staff list, loaded with the board: who a login is, and who may be a case's medewerker.
    case staffLoaded([StaffMember])
    /// The board's data, freshly loaded (after start, a change, or `r`).
    case loaded(cases: [CaseSummary], norms: Norms, suggestedKenmerk: String)
    /// The board's families as `/` searches them (`Effect.loadFamilySearch`).
    case familySearchLoaded([FamilyID: FamilySearch])
    /// The first frame's worth of the board, before the whole of it is `loaded` (see `BoardPreview`).
    case previewLoaded(BoardPreview, norms: Norms, suggestedKenmerk: String)
    case dossierLoaded(Dossier)
    /// The joint plans of a case, oldest first.
    case planLoaded(caseID: CaseID, [JointPlan])
    /// Known families whose name starts with `query`.
    case familyMatches(query: String, [FamilyMatch])
    /// The last meeting and today's decisions, for the agenda.
    case meetingLoaded(MeetingRecord)
    /// The report screen's figures: the cohort report and the cumulative flow of its period.
    case reportLoaded(CohortReport, CumulativeFlow)
    /// The log for the log view.
    case auditLoaded(AuditPage)
    /// What `U` would undo, to ask before it is done.
    case undoProposed(UndoProposal)
    /// A save went through; `select` is the case to put the selection on.
    case saved(message: String, select: CaseID?)
    /// A save or load failed; the message is Dutch and shown where the user is.
    case failed(String)
    /// The server store's connection was lost (`true`) or is back (`false`). What is on screen and
    /// in the forms stays; the session connects again by itself.
    case connectionLost(Bool)
    /// A save was refused because someone changed the case since the form was opened
    /// (`StoreError.changedMeanwhile`); the message says who. The form offers to load the case as
    /// it is now (ConflictReload.swift).
    case changedMeanwhile(String)
    /// A reload brought changes that others made, newest first (ColleagueNotice.swift).
    case colleaguesChanged([ColleagueChange])
    /// The time, in seconds on a monotonic clock: the session sends it before every key and
    /// whenever it wakes, so the idle lock (IdleLock.swift) needs no clock of its own.
    case tick(now: Double)
    /// How many seconds without a key lock the screen (the store's setting, or the option).
    case idleLimit(seconds: Double)
    /// The local day is another than `today` (midnight passed): what is overdue, how long a card
    /// has been in its column and the date on every page follow it.
    case dayChanged(Day)
}

extension Effect {
    /// The effect closes a case: a move into Veiligheid gewaarborgd, the table's vrijwillig, the Raad's outcome.
    var closesCase: Bool {
        switch self {
        case .move(let request): return request.closesCase
        case .apply(let change): return change.closesCase
        default: return false
        }
    }
}

/// The dialog for `>` and `<`: the form the rules ask for, and the case it is about.
public struct MoveDialog: Equatable, Sendable {
    public var summary: CaseSummary
    public var cameFrom: Stage?
    public var targets: [Stage]
    public var form: Form
}

public struct StatusMessage: Equatable, Sendable {
    public var text: String
    public var isError: Bool
}

/// The whole state of the running program: one value, changed only by `update`.
public struct AppState: Equatable, Sendable {
    public internal(set) var today: Day
    /// The user's own zone (TZ): recorded moments are stored in UTC and shown in it.
    public let localTime: LocalTime
    public var storeName: String
    /// The group a shared file store is shared with: the title says the roles are not enforced there.
    public var sharedGroup: String?
    public var user: String
    public var isDemo: Bool
    public var width: Int
    public var height: Int

    public var norms = Norms.standard
    public var cases: [CaseSummary] = []
    public var suggestedKenmerk = ""
    public private(set) var columns = BoardColumns(cases: [], today: Day(ordinal: 0), closedWindowDays: nil)
    public var showAllClosed = false {
        didSet { if showAllClosed != oldValue { arrange() } }
    }
    public var filter = "" {
        didSet { if filter != oldValue { columns = arranged.filtered(by: filter) } }
    }
    /// The columns before the filter: typing a filter only selects from these (ArrangedColumns.swift).
    private var arranged = ArrangedColumns.empty
    /// What `/` finds of the loaded cards' families besides the cards; nil until a filter asks
    /// for it after a load.
    var familySearch: [FamilyID: FamilySearch]?
    public var isEditingFilter = false
    /// Shows only cases past their norm (`o` on the board).
    public var showsOnlyOverdue = false {
        didSet { if showsOnlyOverdue != oldValue { arrange() } }
    }
    /// Shows only cases with an active joint plan (`J` on the board).
    public var showsOnlyPlans = false {
        didSet { if showsOnlyPlans != oldValue { arrange() } }
    }

    /// Shows only the cases of the user at the keyboard (`m` on the board).
    public var showsOnlyMine = false {
        didSet { if showsOnlyMine != oldValue { arrange() } }
    }
    /// The staff list: screens show a login by its display name, forms choose a medewerker from it.
    public var staff = StaffDirectory() {
        didSet { if staff != oldValue && showsOnlyMine { arrange() } }
    }

    /// Medewerker, wijk and source chosen with `f`.
    public var facets = BoardFacets() {
        didSet { if facets != oldValue { arrange() } }
    }
    /// Open cases per column before any filter: what the WIP limits are compared with.
    public internal(set) var columnLoad: [Stage: Int] = [:]
    /// When a card's days in its column show as ageing (from the theme).
    public var ageing = CardAgeing.standard

    /// Meeting mode: every screen shows initials instead of names (NameMask.swift).
    public var isMeeting = false
    /// The idle privacy screen (no lock, IdleLock.swift): while it is up, nothing of the state below is drawn.
    public var lock = IdleLock()

    public var focusedStage: Stage = .aangemeld
    /// The selected card per column, by case id so that it survives reloads.
    public var selection: [Stage: CaseID] = [:]
    /// The first visible card per column.
    public var scroll: [Stage: Int] = [:]
    /// Where each column's selected card was last found, tried first: with 25,000 cards on the
    /// board, searching each column for it at every key and every frame was a key's largest cost.
    var selectionHints = SelectionHints()

    /// The case to select once the next load arrives (the one just added or moved).
    public var pendingSelection: CaseID?
    /// The column a case was just moved into: the next load says whether it is now over its WIP limit.
    var movedInto: Stage?

    /// The pages above the board, the last in front (the agenda, a family screen on it, its plan).
    public var pages: [Page] = []
    /// At most one dialog, above the page in front.
    public var dialog: Dialog?
    /// Help, above everything.
    public var help: HelpOverlay?
    /// Known families matching the name typed in the new-report form.
    public var familyMatches: [FamilyMatch] = []
    public var message: StatusMessage?
    /// Whether a server store is out of reach now: the message line says so until it is back.
    public internal(set) var serverUnreachable = false
    /// The undo asked on the message line (`U`), waiting for j or n (UndoQuestion.swift).
    public internal(set) var undoQuestion: UndoProposal?
    public var hasLoaded = false
    /// Between `previewLoaded` and `loaded`: how many cards each column holds, while `cases` has
    /// only the first ones of each.
    public internal(set) var previewCounts: [Stage: Int]?
    public internal(set) var wantsQuit = false

    public init(today: Day, storeName: String, sharedGroup: String? = nil, user: String, isDemo: Bool = false, width: Int = 80, height: Int = 24,
                isMeeting: Bool = false, ageing: CardAgeing = .standard, localTime: LocalTime = .user) {
        self.today = today
        self.localTime = localTime
        self.storeName = storeName
        self.sharedGroup = sharedGroup
        self.user = user
        self.isDemo = isDemo
        self.width = width
        self.height = height
        self.isMeeting = isMeeting
        self.ageing = ageing
    }

    /// The smallest terminal the board draws in; below it a message asks for a larger window.
    public static let minimumWidth = 60
    public static let minimumHeight = 16

    public var isTooSmall: Bool { width < Self.minimumWidth || height < Self.minimumHeight }

    /// Recomputes the columns after the cases, filter or window changed.
    mutating func arrange() {
        var load: [Stage: Int] = [:]
        for summary in cases where summary.closedDay == nil { load[summary.stage, default: 0] += 1 }
        columnLoad = load
        var shown = showsOnlyOverdue ? cases.filter { norms.isOverdue($0, today: today) } : cases
        if showsOnlyPlans { shown = shown.filter(\.hasActivePlan) }
        if showsOnlyMine {
            let mine: Set<String> = [user, userName]
            shown = shown.filter { mine.contains($0.medewerker) }
        }
        if !facets.isEmpty { shown = shown.filter(facets.matches) }
        arranged = ArrangedColumns(cases: shown, today: today, closedWindowDays: showAllClosed ? nil : norms.closedWindowDays,
                                   families: familySearch ?? [:])
        columns = arranged.filtered(by: filter)
    }

    /// Changes the cards as arranged, without arranging again (meeting mode masks them).
    mutating func mapCards(_ transform: (CaseSummary) -> CaseSummary) {
        for (stage, cards) in columns.columns { columns.columns[stage] = cards.map(transform) }
    }

    public func cards(in stage: Stage) -> [CaseSummary] { columns[stage] }

    /// How many cards a column holds (more than `cards(in:)` while only a preview has loaded).
    public func cardCount(in stage: Stage) -> Int { previewCounts?[stage] ?? columns[stage].count }

    /// How many cards the board holds.
    public var cardTotal: Int { Stage.allCases.reduce(0) { $0 + cardCount(in: $1) } }

    /// Index of the selected card in a column (0 when none is selected or it disappeared).
    public func selectedIndex(in stage: Stage) -> Int? {
        let cards = columns[stage]
        guard !cards.isEmpty else { return nil }
        if let id = selection[stage], let hint = selectionHints.index[stage], hint < cards.count, cards[hint].id == id { return hint }
        if let id = selection[stage], let index = cards.firstIndex(where: { $0.id == id }) { return index }
        return 0
    }

    public var selectedCase: CaseSummary? {
        selectedIndex(in: focusedStage).map { columns[focusedStage][$0] }
    }

    public func isOverdue(_ summary: CaseSummary) -> Bool {
        norms.isOverdue(summary, today: today)
    }

    /// Whether any filter narrows the board (one Esc clears them all).
    public var isFiltered: Bool { !filter.isEmpty || showsOnlyOverdue || showsOnlyPlans || showsOnlyMine || !facets.isEmpty }

    /// The user at the keyboard as people know them: the display name on the staff list, or the
    /// login. A card names its medewerker so (the store shows a stored login by its display name).
    public var userName: String { staff.displayName(of: user) }

    /// Nothing above the board: no page, dialog or help.
    public var isOnBoard: Bool { pages.isEmpty && dialog == nil && help == nil }

    /// Rows above the key bar: what pages, dialogs and help draw in.
    public var pageHeight: Int { max(0, height - 1) }

    /// What a page's view may show besides the page itself.
    var pageContext: PageContext {
        PageContext(today: today, localTime: localTime, norms: norms, message: message, isMeeting: isMeeting, staff: staff)
    }

    /// The keys of whatever is in front: for help and the key bar.
    public var activeKeys: [KeyHelp] {
        switch lock.phase {
        case .locked: return []
        case .confirming: return IdleLock.bindings.help()
        case .open: break
        }
        if undoQuestion != nil { return UndoAnswer.bindings.help() }
        if help != nil { return HelpOverlay.bindings.help() }
        if let dialog { return FormAction.bindings(for: dialog.form).help() }
        return pageKeys
    }
}

/// What every page's view may show besides its own state: the day, the status message, and
/// whether names are masked (meeting mode).
struct PageContext {
    var today: Day
    /// The user's zone, in which every recorded moment is shown.
    var localTime: LocalTime
    var norms: Norms
    var message: StatusMessage?
    var isMeeting: Bool
    /// To show a login (the log's user, a note's author) by its display name.
    var staff = StaffDirectory()

    func isOverdue(_ summary: CaseSummary) -> Bool { norms.isOverdue(summary, today: today) }
}

/// Positions of the selected cards: a cache, not part of what the state is (always equal).
struct SelectionHints: Equatable, Sendable {
    var index: [Stage: Int] = [:]
    static func == (lhs: SelectionHints, rhs: SelectionHints) -> Bool { true }
}
