import BoardCore

/// What the program needs of a store; `Store` implements it over a file or a server (StoreBackend.swift).
public protocol CaseStore: AnyObject {
    /// The file's path or the server's description, for messages.
    var location: String { get }
    /// The store in a few words for the title bar: the file's name, or the database and its server.
    var name: String { get }
    /// The OS group a shared file store is shared with (`init --shared`): there the roles are kept
    /// by the program, not enforced. Nil for an owner's own file and for a server.
    var sharedGroup: String? { get }
    /// The operating system user that every change is recorded under.
    var user: String { get }

    /// Open cases, plus the end columns' cases of the last `closedWindowDays` days (all when nil).
    func boardCases(today: Day, closedWindowDays: Int?) throws -> [CaseSummary]
    /// What `/` finds of the board's families besides their cards: address, children, BSNs.
    func familySearch(today: Day, closedWindowDays: Int?) throws -> [FamilyID: FamilySearch]
    /// The first cards of every column and every column's count, for a first frame before the
    /// whole board has loaded (see `BoardPreview`).
    func boardPreview(today: Day, closedWindowDays: Int, perColumn: Int) throws -> BoardPreview
    /// What changed on the board after event `eventID` (a `changeToken`), for a board that
    /// loaded then: the changed families' cards now, or nil when only reading the whole board
    /// again will do (Store+BoardChanges.swift).
    func boardChanges(after eventID: Int64, today: Day, closedWindowDays: Int?) throws -> BoardChanges?
    /// Changes whenever anyone writes to the store.
    func changeToken() throws -> Int64
    /// Changes whenever anyone changes what the board shows, so a running board knows when to
    /// reload: like `changeToken`, but openings of a dossier (logged, not changes) do not count.
    func boardChangeToken() throws -> Int64
    func norms() throws -> Norms
    /// Whether this is a demo store with fictitious families (the title bar says so).
    func isDemo() throws -> Bool
    /// A free kenmerk for a new report in `year`, such as `2026-0042`.
    func suggestKenmerk(year: Int) throws -> String

    /// Records a new report: family, children, case and its first event, in one transaction.
    @discardableResult
    func addReport(_ report: NewReport) throws -> CaseID
    /// Moves a case after checking the rules and that nobody changed it in the meantime.
    func move(_ request: MoveRequest, today: Day) throws
    /// Everything about one case; `logOpening` records that the dossier was opened (and by whom).
    func details(of caseID: CaseID, logOpening: Bool) throws -> CaseDetails
    /// The family's whole dossier with `caseID` in view; `openedSection` logs the opening of that screen.
    func dossier(caseID: CaseID, openedSection: String?) throws -> Dossier
    /// Known families whose name starts with `prefix`.
    func familiesMatching(_ prefix: String, limit: Int) throws -> [FamilyMatch]
    /// One change from the family screen, in one transaction with its event; returns a Dutch confirmation.
    @discardableResult
    func apply(_ change: DossierChange, today: Day) throws -> String
    /// The case's joint plans, oldest first (the last is the current one); `logOpening` logs the opening of the plan screen.
    func jointPlans(caseID: CaseID, logOpening: Bool) throws -> [JointPlan]
    /// One change from the plan screen, in one transaction with its event; returns a Dutch confirmation.
    @discardableResult
    func apply(_ change: PlanChange, today: Day) throws -> String
    /// The user's own latest change of the case as an undo would take it back (CaseUndo.swift), or
    /// `StoreError.refused` with the reason there is none.
    func undoProposal(caseID: CaseID) throws -> UndoProposal
    /// Undoes the change the request names by a new, logged correction event; returns a Dutch confirmation.
    @discardableResult
    func undo(_ request: UndoRequest, today: Day) throws -> String
    /// When the last weekly meeting was, and which cases were decided on today (for the agenda).
    func meetingRecord(today: Day) throws -> MeetingRecord
    /// The team lead's figures for a period: the cases reported in it (only reads).
    func cohortReport(in period: ReportPeriod, source: Source?) throws -> CohortReport
    /// The head of the log's hash chain (nil for an empty log), for what a report or the minutes anchor.
    func chainHead() throws -> ChainHead?
    /// The cases on the board at some time in the period, for the cumulative flow (only reads).
    func activeCases(in period: ReportPeriod, source: Source?) throws -> [CohortCase]
}
