import Testing
@testable import BoardCore

private func day(_ year: Int, _ month: Int, _ dayOfMonth: Int) -> Day {
    Day(year: year, month: month, day: dayOfMonth)!
}

private func refusal<T>(_ result: Result<T, MoveRefusal>) -> String? {
    if case .failure(let refusal) = result { return refusal.message }
    return nil
}

@Suite("Transitions: which moves the flow allows")
struct TransitionsTests {
    @Test func forwardTargetsPerStage() throws {
        #expect(try Transitions.targets(from: .aangemeld, direction: .forward).get() == [.onderzoek])
        #expect(try Transitions.targets(from: .onderzoek, direction: .forward).get() == [.veiligheidGewaarborgd, .beschermtafel])
        #expect(try Transitions.targets(from: .beschermtafel, direction: .forward).get() == [.veiligheidGewaarborgd, .rvkOnderzoek])
        for end in [Stage.veiligheidGewaarborgd, .rvkOnderzoek] {
            let message = refusal(Transitions.targets(from: end, direction: .forward))
            #expect(message?.contains("eindkolom") == true)
            #expect(message?.contains(end.title) == true)
        }
    }

    @Test func backTargetsPerStage() throws {
        #expect(refusal(Transitions.targets(from: .aangemeld, direction: .back))?.contains("eerste kolom") == true)
        #expect(try Transitions.targets(from: .onderzoek, direction: .back).get() == [.aangemeld])
        #expect(try Transitions.targets(from: .beschermtafel, direction: .back).get() == [.onderzoek])
        #expect(try Transitions.targets(from: .rvkOnderzoek, direction: .back).get() == [.beschermtafel])
        // Veiligheid gewaarborgd goes back to where the case came from.
        #expect(try Transitions.targets(from: .veiligheidGewaarborgd, direction: .back, cameFrom: .onderzoek).get() == [.onderzoek])
        #expect(try Transitions.targets(from: .veiligheidGewaarborgd, direction: .back, cameFrom: .beschermtafel).get() == [.beschermtafel])
        #expect(try Transitions.targets(from: .veiligheidGewaarborgd, direction: .back).get() == [.onderzoek],
                "without history the usual route is assumed")
    }

    /// Every pair of stages, with the expected outcome.
    static let allowed: [(Stage, Stage, Stage?, MoveDirection)] = [
        (.aangemeld, .onderzoek, nil, .forward),
        (.onderzoek, .veiligheidGewaarborgd, nil, .forward),
        (.onderzoek, .beschermtafel, nil, .forward),
        (.beschermtafel, .veiligheidGewaarborgd, nil, .forward),
        (.beschermtafel, .rvkOnderzoek, nil, .forward),
        (.onderzoek, .aangemeld, nil, .back),
        (.beschermtafel, .onderzoek, nil, .back),
        (.rvkOnderzoek, .beschermtafel, nil, .back),
        (.veiligheidGewaarborgd, .onderzoek, .onderzoek, .back),
        (.veiligheidGewaarborgd, .beschermtafel, .beschermtafel, .back),
    ]

    @Test func everyAllowedMove() throws {
        for (from, to, cameFrom, direction) in Self.allowed {
            let rule = try Transitions.rule(from: from, to: to, cameFrom: cameFrom).get()
            #expect(rule.from == from && rule.to == to)
            #expect(rule.direction == direction, "\(from) -> \(to)")
            #expect(!rule.dateLabel.isEmpty)
            if direction == .back {
                #expect(rule.textLabel == "Reden van correctie")
                #expect(!rule.needsRequester)
            }
        }
    }

    @Test func forwardRulesAskTheRightThings() throws {
        let toOnderzoek = try Transitions.rule(from: .aangemeld, to: .onderzoek).get()
        #expect(toOnderzoek.textLabel == nil && !toOnderzoek.needsRequester && toOnderzoek.dateLabel == "Start onderzoek")
        let toTable = try Transitions.rule(from: .onderzoek, to: .beschermtafel).get()
        #expect(toTable.needsRequester && toTable.textLabel == nil && toTable.dateLabel == "Datum aanvraag")
        let safe = try Transitions.rule(from: .onderzoek, to: .veiligheidGewaarborgd).get()
        #expect(safe.textLabel == "Conclusie" && !safe.needsRequester)
        let safeAfterTable = try Transitions.rule(from: .beschermtafel, to: .veiligheidGewaarborgd).get()
        #expect(safeAfterTable.textLabel == "Conclusie")
        let raad = try Transitions.rule(from: .beschermtafel, to: .rvkOnderzoek).get()
        #expect(raad.textLabel == "Advies tafel" && raad.dateLabel == "Datum tafel")
    }

    /// The flow as DOMAIN.md draws it, written out independently of `Transitions`.
    static func expectedAllowed(from: Stage, to: Stage, cameFrom: Stage?) -> Bool {
        switch (from, to) {
        case (.aangemeld, .onderzoek), (.onderzoek, .veiligheidGewaarborgd), (.onderzoek, .beschermtafel),
             (.beschermtafel, .veiligheidGewaarborgd), (.beschermtafel, .rvkOnderzoek):
            return true
        case (.onderzoek, .aangemeld), (.beschermtafel, .onderzoek), (.rvkOnderzoek, .beschermtafel):
            return true
        case (.veiligheidGewaarborgd, .onderzoek):
            return cameFrom != .beschermtafel
        case (.veiligheidGewaarborgd, .beschermtafel):
            return cameFrom == .beschermtafel
        default:
            return false
        }
    }

    @Test func everyOtherMoveIsRefusedInDutch() {
        let histories: [Stage?] = [nil, .onderzoek, .beschermtafel]
        for from in Stage.allCases {
            for to in Stage.allCases {
                for cameFrom in histories {
                    let isAllowed = Self.expectedAllowed(from: from, to: to, cameFrom: cameFrom)
                    let result = Transitions.rule(from: from, to: to, cameFrom: cameFrom)
                    if isAllowed {
                        #expect(throws: Never.self, "\(from) -> \(to) after \(String(describing: cameFrom))") { try result.get() }
                    } else {
                        let message = refusal(result)
                        #expect(message != nil, "\(from) -> \(to) after \(String(describing: cameFrom)) must be refused")
                        #expect(message?.isEmpty == false)
                        // Dutch: names the stage in its Dutch title, never the stored name.
                        #expect(message?.contains(from.title) == true || message?.contains(to.title) == true)
                        #expect(message?.contains("_") == false)
                    }
                }
            }
        }
    }

    @Test func specificRefusalMessages() {
        #expect(refusal(Transitions.rule(from: .onderzoek, to: .onderzoek)) == "De zaak staat al in Onderzoek.")
        #expect(refusal(Transitions.rule(from: .onderzoek, to: .rvkOnderzoek))
                == "Van Onderzoek kan een zaak alleen naar Veiligheid gewaarborgd of Beschermtafel (of één stap terug).")
        #expect(refusal(Transitions.rule(from: .aangemeld, to: .beschermtafel)) == "Van Aangemeld kan een zaak alleen naar Onderzoek.",
                "Aangemeld has no step back, so the message must not offer one")
        let fromEnd = refusal(Transitions.rule(from: .rvkOnderzoek, to: .veiligheidGewaarborgd))
        #expect(fromEnd?.contains("alleen één stap terug") == true)
        let wrongWayBack = refusal(Transitions.rule(from: .veiligheidGewaarborgd, to: .onderzoek, cameFrom: .beschermtafel))
        #expect(wrongWayBack?.contains("eindkolom") == true)
    }

    @Test func moveDetailLine() {
        let plain = MoveRequest(caseID: 1, expectedVersion: 1, from: .onderzoek, to: .veiligheidGewaarborgd, day: day(2025, 1, 1),
                                text: "  Ouders werken mee ")
        #expect(plain.detail == "Ouders werken mee")
        let table = MoveRequest(caseID: 1, expectedVersion: 1, from: .onderzoek, to: .beschermtafel, day: day(2025, 1, 1),
                                text: "zorgen blijven", requester: .veiligThuis)
        #expect(table.detail == "ingebracht door Veilig Thuis; zorgen blijven")
        let bare = MoveRequest(caseID: 1, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: day(2025, 1, 1))
        #expect(bare.detail == "")
    }
}

@Suite("Transitions.validate: a complete move")
struct TransitionsValidateTests {
    let today = Day(year: 2025, month: 6, day: 15)!
    let since = Day(year: 2025, month: 5, day: 1)!

    func problems(_ request: MoveRequest, cameFrom: Stage? = nil) -> [FieldProblem] {
        switch Transitions.validate(request, stageSince: since, cameFrom: cameFrom, today: today) {
        case .success: return []
        case .failure(let found): return found.problems
        }
    }

    @Test func completeMovesPass() throws {
        let toOnderzoek = MoveRequest(caseID: 7, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: today)
        #expect(try Transitions.validate(toOnderzoek, stageSince: since, cameFrom: nil, today: today).get().direction == .forward)
        let sameDay = MoveRequest(caseID: 7, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: since)
        #expect(problems(sameDay).isEmpty, "a move on the day the case entered the column is allowed")
        let table = MoveRequest(caseID: 7, expectedVersion: 1, from: .onderzoek, to: .beschermtafel, day: today, requester: .jeugdteam)
        #expect(problems(table).isEmpty)
        let back = MoveRequest(caseID: 7, expectedVersion: 1, from: .veiligheidGewaarborgd, to: .beschermtafel, day: today,
                               text: "verkeerde kolom gekozen")
        #expect(try Transitions.validate(back, stageSince: since, cameFrom: .beschermtafel, today: today).get().direction == .back)
    }

    @Test func requiredText() {
        for (from, to) in [(Stage.onderzoek, Stage.veiligheidGewaarborgd), (.beschermtafel, .veiligheidGewaarborgd), (.beschermtafel, .rvkOnderzoek)] {
            let found = problems(MoveRequest(caseID: 1, expectedVersion: 1, from: from, to: to, day: today, text: "  \n "))
            #expect(found.count == 1)
            #expect(found.first?.field == .text)
            #expect(found.first?.message.hasSuffix("is verplicht") == true)
        }
        let back = problems(MoveRequest(caseID: 1, expectedVersion: 1, from: .onderzoek, to: .aangemeld, day: today))
        #expect(back == [FieldProblem(field: .text, message: "Reden van correctie is verplicht")])
    }

    @Test func requesterForTheTable() {
        let found = problems(MoveRequest(caseID: 1, expectedVersion: 1, from: .onderzoek, to: .beschermtafel, day: today))
        #expect(found == [FieldProblem(field: .requester, message: "Kies wie de zaak inbrengt")])
    }

    @Test func dateInTheFuture() {
        let tomorrow = today.adding(days: 1)
        let found = problems(MoveRequest(caseID: 1, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: tomorrow))
        #expect(found == [FieldProblem(field: .date, message: "16-06-2025 ligt in de toekomst")])
    }

    @Test func dateBeforeTheCaseEnteredItsColumn() {
        let found = problems(MoveRequest(caseID: 1, expectedVersion: 1, from: .aangemeld, to: .onderzoek, day: since.adding(days: -1)))
        #expect(found.count == 1)
        #expect(found.first?.field == .date)
        #expect(found.first?.message == "mag niet vóór de datum waarop de zaak in Aangemeld kwam (01-05-2025) liggen")
    }

    @Test func allProblemsAtOnce() {
        let found = problems(MoveRequest(caseID: 1, expectedVersion: 1, from: .onderzoek, to: .beschermtafel, day: today.adding(days: 3)))
        #expect(found.map(\.field) == [.date, .requester])
        let conclusion = problems(MoveRequest(caseID: 1, expectedVersion: 1, from: .onderzoek, to: .veiligheidGewaarborgd,
                                              day: since.adding(days: -10)))
        #expect(conclusion.map(\.field) == [.date, .text])
    }

    @Test func refusedMoveGivesOneDutchProblem() {
        let found = problems(MoveRequest(caseID: 1, expectedVersion: 1, from: .aangemeld, to: .rvkOnderzoek, day: today, text: "x"))
        #expect(found.count == 1)
        #expect(found.first?.message.hasPrefix("Van Aangemeld kan een zaak alleen naar Onderzoek") == true)
        let wrongBack = problems(MoveRequest(caseID: 1, expectedVersion: 1, from: .veiligheidGewaarborgd, to: .onderzoek, day: today,
                                             text: "reden"), cameFrom: .beschermtafel)
        #expect(wrongBack.count == 1)
    }
}

@Suite("Stage and Source names")
struct StageNameTests {
    @Test func stageNames() {
        for stage in Stage.allCases {
            #expect(Stage(name: stage.rawValue) == stage)
            #expect(Stage(name: stage.title) == stage)
            #expect(Stage(name: stage.title.uppercased()) == stage)
        }
        #expect(Stage(name: "rvk-onderzoek") == .rvkOnderzoek)
        #expect(Stage(name: " veiligheid-gewaarborgd ") == .veiligheidGewaarborgd)
        #expect(Stage(name: "afgesloten") == nil)
        #expect(Stage.allCases.filter(\.isEnd) == [.veiligheidGewaarborgd, .rvkOnderzoek])
    }

    @Test func sourceNames() {
        #expect(Source(name: "veilig-thuis") == .veiligThuis)
        #expect(Source(name: "VEILIG THUIS") == .veiligThuis)
        #expect(Source(name: "jeugdteam") == .jeugdteam)
        #expect(Source(name: "politie") == nil)
        #expect(Source.allCases.map(\.short) == ["VT", "JB", "JT", "OV"])
    }
}
