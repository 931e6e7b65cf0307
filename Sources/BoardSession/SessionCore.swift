import BoardCore
import BoardStore
import BoardUI
import ReportPage

/// The running program without a terminal: one `AppState`, the store, and the effects that
/// `AppState.update` asks for, performed against the store with their results dispatched back.
/// Only `update` changes the state: what the session learns (data, the time, a new day) goes in
/// as an event. `SessionLoop` puts a terminal around it; `beschermbord bench` drives the very
/// same code with scripted keys and an in-memory screen.
public final class SessionCore {
    public let store: AccessControlledStore
    public private(set) var state: AppState
    /// The store's change token at the last load: a different one means someone wrote since.
    public private(set) var lastChangeToken: Int64 = -1
    /// The newest event at the last load, after which the next load reads what changed and names
    /// colleagues' changes (on a server the change token counts announcements, not events).
    private var lastSeenEvent: Int64 = -1
    /// The day and the window of closed cases of the last load: the cards it read hold for them
    /// alone, so another day or window reads the whole board again. Nil before the first load,
    /// and after a lost connection.
    private var loadedFor: (day: Day, closedWindowDays: Int?)?
    /// A server store's connection is lost: said once, and asked again at every tick.
    public private(set) var isDisconnected = false
    /// `--lock-after`: minutes without a key before the screen locks, if sooner than the store's setting.
    public let lockAfterMinutes: Double?
    private let clock: any SessionClock
    /// Where `w` on the report screen writes the page: the user's home (ReportPageFile.swift).
    private let pageDirectory: String?

    public init(store: AccessControlledStore, width: Int, height: Int, meeting: Bool = false, lockAfterMinutes: Double? = nil,
                ageing: CardAgeing = .standard, clock: any SessionClock = SystemClock(), pageDirectory: String? = ReportPageFile.homeDirectory()) {
        self.store = store
        self.lockAfterMinutes = lockAfterMinutes
        self.clock = clock
        self.pageDirectory = pageDirectory
        state = AppState(today: clock.today(), storeName: store.name, sharedGroup: store.sharedGroup, user: store.user,
                         isDemo: (try? store.isDemo()) ?? false, width: width, height: height, isMeeting: meeting, ageing: ageing, localTime: clock.localTime)
    }

    /// Loads the board for the first time. With `firstFrame`, that frame is drawn from the first
    /// cards of each column before the whole board is read (at 100,000 families most of a start);
    /// keys wait until the whole board is there, as they wait for any load.
    public func start(firstFrame: ((Frame) -> Void)? = nil) {
        if let firstFrame, let preview = try? loadPreview() {
            dispatch(preview)
            firstFrame(render())
        }
        perform(.reload)
    }

    /// The first frame's data; nil (the whole board follows anyway) when it cannot be read.
    private func loadPreview() throws -> AppEvent {
        let norms = try store.norms()
        catchUpWithTheDay()
        let today = state.today
        // Every card takes more than one line, so a column shows fewer cards than the screen has rows.
        let preview = try store.boardPreview(today: today, closedWindowDays: norms.closedWindowDays, perColumn: max(1, state.height))
        return .previewLoaded(preview, norms: norms, suggestedKenmerk: try store.suggestKenmerk(year: today.year))
    }

    /// Reads every card of the board again, whatever changed (`beschermbord bench` times it).
    public func reloadWhole() { reload(whole: true) }

    /// Brings the board up to date: by the cards of the families changed since the last load,
    /// where the store's log names them (`boardChanges`), otherwise by reading every card: at the
    /// first load, on a new day or another window of closed cases, after a lost connection, and
    /// after many changes at once (an import).
    private func reload(whole: Bool) {
        do {
            let token = try store.boardChangeToken()
            let norms = try store.norms()
            catchUpWithTheDay()
            let today = state.today
            let window = state.showAllClosed ? nil : norms.closedWindowDays
            let cases: [CaseSummary]
            let seenEvent: Int64
            if !whole, let loaded = loadedFor, loaded.day == today, loaded.closedWindowDays == window,
               let changes = try store.boardChanges(after: lastSeenEvent, today: today, closedWindowDays: window) {
                cases = changes.applied(to: state.cases)
                seenEvent = changes.lastEvent
            } else {
                // Read before the cards: a change committed in between is read again next time, never missed.
                seenEvent = try store.changeToken()
                cases = try store.boardCases(today: today, closedWindowDays: window)
            }
            let kenmerk = try store.suggestKenmerk(year: today.year)
            // The staff list changes the board too (a name on a card, who may be a medewerker).
            let staff = try store.staff()
            let earlier = lastSeenEvent
            lastChangeToken = token
            lastSeenEvent = seenEvent
            loadedFor = (today, window)
            dispatch(.staffLoaded(staff))
            dispatch(.loaded(cases: cases, norms: norms, suggestedKenmerk: kenmerk))
            updateIdleLimit()
            noteColleagueChanges(after: earlier, upTo: seenEvent)
        } catch {
            dispatch(.failed("Het bord kan niet worden geladen: \(error)"))
        }
    }

    /// Tells the state what time it is (the idle lock counts from the last key).
    public func tick() { dispatch(.tick(now: clock.monotonicSeconds())) }

    /// Tells the state when the local day is no longer the one it shows (midnight passed).
    private func catchUpWithTheDay() {
        let today = clock.today()
        if today != state.today { dispatch(.dayChanged(today)) }
    }

    /// The team's setting, read at every load so a teamleider's change reaches running boards;
    /// the option can only make the lock come sooner, so no user can lengthen the team's setting.
    private func updateIdleLimit() {
        let setting = Double((try? store.idleLockMinutes()) ?? Store.defaultIdleLockMinutes)
        let minutes = min(setting, lockAfterMinutes ?? setting)
        if state.lock.limit != minutes * 60 { dispatch(.idleLimit(seconds: minutes * 60)) }
    }

    /// The frame for the current state.
    public func render() -> Frame { AppView.render(state) }

    public func dispatch(_ event: AppEvent) {
        for effect in state.update(event) { perform(effect) }
    }

    /// Reloads when anyone (this user or a colleague) wrote to the store since the last load, or
    /// when a new day began (what is overdue changes with it).
    public func reloadIfChanged() {
        let token: Int64
        do {
            token = try store.boardChangeToken()
        } catch let error as StoreError where error.isLostServer {
            if !isDisconnected { dispatch(.connectionLost(true)) }
            isDisconnected = true
            loadedFor = nil
            return
        } catch {
            return
        }
        if isDisconnected {
            isDisconnected = false
            dispatch(.connectionLost(false))
        }
        guard token != lastChangeToken || clock.today() != state.today else { return }
        perform(.reload)
        if let screen = state.openFamily { perform(.refreshFamily(screen.dossier.viewed.summary.id)) }
        if let audit = state.openAudit { perform(.loadAuditLog(filter: audit.page.filter)) }
    }

    public func perform(_ effect: Effect) {
        switch effect {
        case .reload:
            reload(whole: false)
        case .addReport(let report):
            do {
                let id = try store.addReport(report)
                dispatch(.saved(message: "Aanmelding \(report.kenmerk) (\(report.familyName)) opgeslagen in Aangemeld.", select: id))
            } catch {
                dispatch(.failed("\(error)"))
            }
        case .move(let request):
            do {
                try store.move(request, today: clock.today())
                dispatch(.saved(message: "Zaak verplaatst naar \(request.to.title).", select: request.caseID))
            } catch {
                refused(error)
            }
        case .openFamily(let id, let section):
            loadDossier(id, openedSection: section)
        case .viewCase(let id):
            loadDossier(id, openedSection: "Zaak (eerdere zaak)")
        case .refreshFamily(let id):
            loadDossier(id, openedSection: nil)
        case .apply(let change):
            do {
                let confirmation = try store.apply(change, today: clock.today())
                dispatch(.saved(message: confirmation, select: change.caseID))
            } catch {
                refused(error)
            }
        case .openPlan(let id):
            loadPlans(id, logOpening: true)
        case .refreshPlan(let id):
            loadPlans(id, logOpening: false)
        case .applyPlan(let change):
            do {
                let confirmation = try store.apply(change, today: clock.today())
                dispatch(.saved(message: confirmation, select: change.caseID))
            } catch {
                refused(error)
            }
        case .loadMeeting:
            do {
                dispatch(.meetingLoaded(try store.meetingRecord(today: clock.today())))
            } catch {
                dispatch(.failed("De agenda kan niet worden geladen: \(error)"))
            }
        case .findFamilies(let name):
            let matches = (try? store.familiesMatching(name, limit: 6)) ?? []
            dispatch(.familyMatches(query: name, matches))
        case .loadReport(let period, let source):
            do {
                let report = try store.cohortReport(in: period, source: source)
                let flow = CumulativeFlow(cases: try store.activeCases(in: period, source: source), period: period, today: state.today)
                dispatch(.reportLoaded(report, flow))
            } catch {
                dispatch(.failed("De cijfers kunnen niet worden geladen: \(error)"))
            }
        case .writeReportPage(let period, let source, let anonymous):
            do {
                guard let pageDirectory else { throw ReportPageFile.Problem.noHome }
                let context = try ReportPage.Context(store: store, today: state.today, head: store.chainHead(), anonymous: anonymous)
                let html = ReportPage.html(try store.cohortReport(in: period, source: source), context: context)
                let path = try ReportPageFile.write(html, period: period, source: source, in: pageDirectory)
                dispatch(.written(message: "Pagina geschreven: \(path)" + (anonymous ? " (zonder namen)." : ".")))
            } catch {
                dispatch(.failed("De pagina is niet geschreven: \(error)"))
            }
        case .proposeUndo(let id):
            do {
                dispatch(.undoProposed(try store.undoProposal(caseID: id)))
            } catch {
                dispatch(.failed("\(error)"))
            }
        case .undo(let request):
            do {
                let confirmation = try store.undo(request, today: clock.today())
                dispatch(.saved(message: confirmation, select: request.caseID))
            } catch {
                refused(error)
            }
        case .loadAuditLog(let filter):
            loadAudit(filter: filter)
        case .loadFamilySearch:
            do {
                let found = try store.familySearch(today: state.today, closedWindowDays: state.showAllClosed ? nil : state.norms.closedWindowDays)
                dispatch(.familySearchLoaded(found))
            } catch {
                dispatch(.failed("Kinderen en adressen voor het filter kunnen niet worden gelezen: \(error)"))
            }
        }
    }

    /// After a reload that was not the first: what others changed since the last one, so the
    /// user sees why the board or the screen changed.
    private func noteColleagueChanges(after earlier: Int64, upTo token: Int64) {
        guard earlier >= 0, token != earlier, let log = store as? ColleagueChangeLog,
              let changes = try? log.colleagueChanges(after: earlier, limit: 100), !changes.isEmpty else { return }
        dispatch(.colleaguesChanged(changes))
    }

    /// A save's refusal, said where the user is; a colleague's change of the case gets its own
    /// event, so the form can offer to load the case as it is now.
    private func refused(_ error: Error) {
        if case .changedMeanwhile? = error as? StoreError {
            dispatch(.changedMeanwhile("\(error)"))
        } else {
            dispatch(.failed("\(error)"))
        }
    }

    /// The store decides whose entries the user may read; times become local here, where the
    /// time zone is known.
    private func loadAudit(filter: String) {
        do {
            let log = try store.auditLog(filter: AuditFilter(limit: AuditScreen.limit, text: filter))
            // Newest first by moment: the log's order is the order of recording, which only a
            // demo or an import (written with past moments) makes differ from it.
            let entries = log.entries.sorted { ($0.recordedAt, $0.id) > ($1.recordedAt, $1.id) }
            let lines = entries.map { AuditLine(entry: $0, moment: state.localTime.text($0.recordedAt)) }
            dispatch(.auditLoaded(AuditPage(lines: lines, onlyOwnEntries: log.onlyOwnEntries, filter: filter)))
        } catch {
            dispatch(.failed("Het logboek kan niet worden gelezen: \(error)"))
        }
    }

    private func loadPlans(_ id: CaseID, logOpening: Bool) {
        do {
            dispatch(.planLoaded(caseID: id, try store.jointPlans(caseID: id, logOpening: logOpening)))
        } catch {
            dispatch(.failed("\(error)"))
        }
    }

    private func loadDossier(_ id: CaseID, openedSection: String?) {
        do {
            dispatch(.dossierLoaded(try store.dossier(caseID: id, openedSection: openedSection)))
        } catch {
            dispatch(.failed("\(error)"))
        }
    }
}
