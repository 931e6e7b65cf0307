import BoardCore

/// The family screen: a title, the section tabs, the section's text, and the key bar.
enum FamilyView {
    typealias Line = (text: String, role: Role)

    /// Draws the screen; returns the cursor while a search is typed.
    static func draw(_ screen: FamilyScreen, context: PageContext, into target: inout Screen) -> (x: Int, y: Int)? {
        let dossier = screen.dossier
        let summary = dossier.viewed.summary
        let title = screen.isReadOnly
            ? " Gezin \(dossier.family.name) · eerdere zaak \(summary.kenmerk), alleen lezen · \(summary.stage.title)"
            : " Gezin \(dossier.family.name) · zaak \(summary.kenmerk) · \(summary.stage.title)"
        PageFrame.drawTitle(title, context: context, into: &target)

        var x = 1
        for section in FamilySection.allCases {
            let tab = " \(section.rawValue) \(section.title) "
            guard x + DisplayWidth.of(tab) < target.width else { break }
            x += target.put(tab, x: x, y: 1, role: section == screen.section ? .cardSelected : .dim) + 1
        }

        // In the Journaal the selected note stays in view; during a search, the match in front.
        let (body, selectedLine) = lines(screen, context: context, width: PageFrame.textWidth(screenWidth: target.width))
        let texts = body.map(\.text)
        let matches = screen.find?.matches(in: texts) ?? []
        let match = screen.find?.current(of: matches.count).map { matches[$0] }
        let box = Rect(x: 0, y: 2, width: target.width, height: target.height - 3)
        PageFrame.drawBox(box, title: screen.section.title, lines: body, scroll: screen.scroll, selectedLine: match ?? selectedLine,
                          context: context, into: &target)
        guard let find = screen.find else { return nil }
        let inner = box.inset(by: 1)
        let first = PageFrame.firstLine(scroll: screen.scroll, selectedLine: match ?? selectedLine, count: body.count, height: inner.height)
        for line in matches where line >= first && line < first + inner.height {
            find.mark(texts[line], x: inner.x + 1, y: inner.y + line - first, width: max(1, inner.width - 2), isCurrent: line == match, into: &target)
        }
        guard context.message == nil else { return nil }
        return find.drawStatus(matchCount: matches.count, isMeeting: context.isMeeting, y: target.height - 1, into: &target)
    }

    /// Rows of the section's text inside its box.
    static func bodyHeight(pageHeight: Int) -> Int { max(0, pageHeight - 5) }

    /// The line of the match in front, during a search that finds something.
    static func currentMatch(_ screen: FamilyScreen, in texts: [String]) -> Int? {
        guard let find = screen.find else { return nil }
        let matches = find.matches(in: texts)
        return find.current(of: matches.count).map { matches[$0] }
    }

    /// The section's text as searched, and in the Journaal the line where each note starts.
    static func searchedLines(_ screen: FamilyScreen, context: PageContext, screenWidth: Int) -> (lines: [String], noteStarts: [Int]) {
        let width = PageFrame.textWidth(screenWidth: screenWidth)
        if screen.section == .journaal {
            let layout = journaalLayout(screen, context: context, width: width)
            return (layout.lines.map(\.text), layout.starts)
        }
        return (lines(screen, context: context, width: width).0.map(\.text), [])
    }

    /// The section's lines, and for the Journaal the line where the selected note starts.
    static func lines(_ screen: FamilyScreen, context: PageContext, width: Int) -> ([Line], Int?) {
        switch screen.section {
        case .gezin: return gezin(screen, context: context)
        case .zaak: return (zaak(screen, context: context, width: width), nil)
        case .veiligheid: return (veiligheid(screen, staff: context.staff, width: width), nil)
        case .journaal: return journaal(screen, context: context, width: width)
        case .beschermtafel: return (beschermtafel(screen, context: context, width: width), nil)
        case .rvk: return (rvk(screen), nil)
        }
    }

    /// `Terugkoppeling  15-11-2026`: the values line up after the longest label and a space.
    static func field(_ label: String, _ value: String, width: Int = 16) -> String {
        DisplayWidth.pad(label, to: width) + value
    }

    static func wrapped(_ text: String, indent: String, width: Int, role: Role = .normal) -> [Line] {
        TextLayout.wrapped(text, width: max(1, width - DisplayWidth.of(indent))).map { (indent + $0, role) }
    }

    /// The family, its children, parents and network; the chosen person (for `Enter` and `x`)
    /// marked and kept in view.
    static func gezin(_ screen: FamilyScreen, context: PageContext) -> ([Line], Int?) {
        let dossier = screen.dossier
        var person = 0
        var selectedLine: Int?
        var lines: [Line] = []
        // A person's line: `▶` and selected when chosen.
        func personLine(_ text: String) -> Line {
            defer { person += 1 }
            guard person == screen.selectedPerson, !screen.isReadOnly else { return ("  " + text, .normal) }
            selectedLine = lines.count
            return ("▶ " + text, .cardSelected)
        }
        lines = [
            (field("Gezin", dossier.family.name), .title),
            (field("Adres", dossier.family.address.isEmpty ? "—" : dossier.family.address), .normal),
            (field("Wijk", dossier.family.wijk.isEmpty ? "—" : dossier.family.wijk), .normal),
            ("", .normal),
            // The key bar has no room for these in the Gezin section: the header says them.
            (screen.isReadOnly ? "Kinderen" : "Kinderen  (↑/↓ kiest een persoon, Enter corrigeert, x verwijdert)", .columnHeader),
        ]
        if dossier.children.isEmpty { lines.append(("  geen kinderen vastgelegd (c voegt toe)", .dim)) }
        for child in dossier.children {
            var name = child.firstName
            if !child.surname.isEmpty && child.surname != dossier.family.name { name += " \(child.surname)" }
            // In meeting mode the age only: a birth date identifies a child.
            let born = child.birthDate.map { context.isMeeting ? $0.ageText(on: context.today) : "geboren \($0.dutch)  \($0.ageText(on: context.today))" }
            var text = DisplayWidth.pad(name, to: 22) + (born ?? "geboren " + Day.unknownText)
            if !child.bsn.isEmpty { text += "  BSN \(screen.showsBSN ? child.bsn : BSN.masked(child.bsn))" }
            lines.append(personLine(text))
        }
        lines.append(("", .normal))
        lines.append(("Ouders en verzorgers", .columnHeader))
        if dossier.caregivers.isEmpty { lines.append(("  nog niemand vastgelegd (o voegt toe)", .dim)) }
        for caregiver in dossier.caregivers {
            lines.append(personLine([caregiver.name, caregiver.relation, caregiver.phone].filter { !$0.isEmpty }.joined(separator: " · ")))
        }
        lines.append(("", .normal))
        lines.append(("Netwerk", .columnHeader))
        if dossier.network.isEmpty { lines.append(("  nog niemand vastgelegd (w voegt toe)", .dim)) }
        for member in dossier.network {
            lines.append(personLine([member.name, member.role, member.organisation, member.phone].filter { !$0.isEmpty }.joined(separator: " · ")))
        }
        return (lines, selectedLine)
    }

    static func zaak(_ screen: FamilyScreen, context: PageContext, width: Int) -> [Line] {
        let dossier = screen.dossier
        let summary = dossier.viewed.summary
        var stageLine = "\(summary.stage.title), sinds \(summary.stageSince.dutch) (\(summary.daysInStage(today: context.today)) dagen)"
        let overdue = context.isOverdue(summary)
        if overdue { stageLine += "  ! over de norm" }
        if let closed = summary.closedDay { stageLine += "  · afgesloten \(closed.dutch)" }
        var lines: [Line] = []
        if screen.isReadOnly { lines.append(("Eerdere zaak: alleen lezen. ] gaat terug naar de huidige zaak.", .warning)) }
        lines += [
            (field("Kenmerk", summary.kenmerk), .title),
            (field("Melding", "\(summary.source.rawValue), \(summary.reportedOn.dutch)"), .normal),
            (field("Medewerker", summary.medewerker.isEmpty ? "—" : summary.medewerker), .normal),
            (field("Kolom", stageLine), overdue ? .overdue : .normal),
            ("", .normal),
            ("Tijdlijn (nieuwste eerst)", .columnHeader),
        ]
        // Newest first by the day the event took effect, then by the order of recording; an undo
        // (whose day is the one the case returned to) stands right above the change it undid.
        let history = CaseHistory(events: dossier.viewed.events)
        let undone = history.undoneEventIDs
        let place = { (event: CaseEvent) in (history.undoneHeads[event.id]?.day ?? event.day, event.id) }
        let events = dossier.viewed.events.sorted { place($0) > place($1) }
        for event in events where event.kind != .geopend {
            var what = event.kind.title
            if let to = event.toStage, event.kind != .aangemeld { what += " → \(to.title)" }
            if undone.contains(event.id) { what += " (ongedaan gemaakt)" }
            lines.append(("  \(event.day.dutch)  \(what) · \(context.staff.displayName(of: event.user)) · vastgelegd \(context.localTime.text(event.recordedAt))", .normal))
            if !event.detail.isEmpty { lines += wrapped(event.detail, indent: "      ", width: width, role: .dim) }
        }
        let openings = events.filter { $0.kind == .geopend }
        if !openings.isEmpty {
            lines.append(("", .normal))
            lines.append(("Inzage in dit dossier (\(openings.count)×, nieuwste eerst)", .columnHeader))
            for event in openings {
                lines.append(("  \(context.localTime.text(event.recordedAt))  \(context.staff.displayName(of: event.user))  \(event.detail)", .dim))
            }
        }
        if dossier.cases.count > 1 {
            lines.append(("", .normal))
            lines.append(("Alle zaken van dit gezin ([ en ] bladeren)", .columnHeader))
            for other in dossier.cases {
                let marker = other.id == summary.id ? "▶ " : "  "
                let closed = other.closedDay.map { ", afgesloten \($0.dutch)" } ?? ", open"
                lines.append(("\(marker)\(other.kenmerk)  aangemeld \(other.reportedOn.dutch)  \(other.stage.title)\(closed)", .normal))
            }
        }
        return lines
    }

    /// A bar of ten cells for a 0–10 score.
    static func bar(_ score: Int) -> String {
        String(repeating: "█", count: score) + String(repeating: "░", count: max(0, 10 - score))
    }

    static func sparkline(_ scores: [Int]) -> String {
        let ticks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(scores.map { ticks[min(7, $0 * 7 / 10)] })
    }

    static func veiligheid(_ screen: FamilyScreen, staff: StaffDirectory, width: Int) -> [Line] {
        let dossier = screen.dossier
        guard let latest = dossier.assessments.last else {
            var lines: [Line] = [("Nog geen veiligheidsbeoordeling bij deze zaak. n legt er een vast.", .dim)]
            lines += risks(dossier)
            return lines
        }
        var lines: [Line] = [
            ("Laatste beoordeling \(latest.day.dutch) · score \(latest.score) van 10\(about(latest, dossier)) · gegeven door \(latest.givenBy.rawValue) · vastgelegd door \(staff.displayName(of: latest.recordedBy))", .title),
        ]
        if let lowest = SafetyAssessment.lowestLatestScore(dossier.assessments), Set(dossier.assessments.map(\.childID)).count > 1 {
            lines.append(("Laagste laatste score (per kind en gezin): \(lowest) van 10, zoals de kaart toont", .normal))
        }
        lines += [
            ("", .normal),
            ("Zorgen", .columnHeader),
        ]
        lines += wrapped(latest.concerns.isEmpty ? "—" : latest.concerns, indent: "  ", width: width)
        lines.append(("Wat gaat goed", .columnHeader))
        lines += wrapped(latest.strengths.isEmpty ? "—" : latest.strengths, indent: "  ", width: width)
        lines.append(("Wat moet er gebeuren", .columnHeader))
        lines += wrapped(latest.needs.isEmpty ? "—" : latest.needs, indent: "  ", width: width)
        lines.append(("", .normal))
        lines.append(("Verloop veiligheidsschaal  \(sparkline(dossier.assessments.map(\.score)))", .columnHeader))
        for assessment in dossier.assessments {
            lines.append(("  \(assessment.day.dutch)  \(bar(assessment.score)) \(assessment.score < 10 ? " " : "")\(assessment.score)  \(assessment.givenBy.rawValue)\(about(assessment, dossier))", .normal))
        }
        lines += risks(dossier)
        return lines
    }

    /// Whom a score is about, once the case has a score about one child: ` · hele gezin`,
    /// ` · kind Daan`; empty while every score is about the whole family.
    static func about(_ assessment: SafetyAssessment, _ dossier: Dossier) -> String {
        guard dossier.assessments.contains(where: { $0.childID != nil }) else { return "" }
        guard let childID = assessment.childID else { return " · hele gezin" }
        return " · kind " + childName(childID, dossier)
    }

    /// A child's first name by id; a child no longer on the family's list by their number.
    static func childName(_ id: Int64, _ dossier: Dossier) -> String {
        dossier.children.first { $0.id == id }?.firstName ?? "#\(id)"
    }

    static func risks(_ dossier: Dossier) -> [Line] {
        var lines: [Line] = [("", .normal), ("Risico-instrumenten (i legt vast)", .columnHeader)]
        if dossier.risks.isEmpty { lines.append(("  geen vastgelegd", .dim)) }
        for risk in dossier.risks {
            var text = "  \(risk.day.dutch)  \(risk.instrument): \(risk.outcome)"
            if !risk.note.isEmpty { text += " · \(risk.note)" }
            lines.append((text, .normal))
        }
        return lines
    }

    static func journaal(_ screen: FamilyScreen, context: PageContext, width: Int) -> ([Line], Int?) {
        let layout = journaalLayout(screen, context: context, width: width)
        return (layout.lines, layout.starts.indices.contains(screen.selectedNote) ? layout.starts[screen.selectedNote] : nil)
    }

    /// The Journaal's lines, and the line where each note starts.
    static func journaalLayout(_ screen: FamilyScreen, context: PageContext, width: Int) -> (lines: [Line], starts: [Int]) {
        let notes = screen.dossier.notes
        guard !notes.isEmpty else { return ([("Nog geen notities. n schrijft er een.", .dim)], []) }
        var lines: [Line] = []
        var starts: [Int] = []
        for (index, note) in notes.enumerated() {
            let selected = index == screen.selectedNote
            starts.append(lines.count)
            var header = "\(selected ? "▶" : " ") notitie \(note.id) · \(context.localTime.text(note.recordedAt)) · \(context.staff.displayName(of: note.author))"
            if let refersTo = note.refersTo { header += " · correctie op notitie \(refersTo)" }
            lines.append((header, selected ? .cardSelected : .title))
            lines += wrapped(note.text, indent: "  ", width: width)
            lines.append(("", .normal))
        }
        return (lines, starts)
    }

    static func beschermtafel(_ screen: FamilyScreen, context: PageContext, width: Int) -> [Line] {
        let records = screen.dossier.tableRecords
        guard !records.isEmpty else { return [("Deze zaak is niet aan de Beschermtafel geweest. > brengt haar in.", .dim)] }
        var lines = tableSummary(screen)
        for (index, record) in records.enumerated() {
            let heading: String
            switch record.undo {
            case .withdrawn?: heading = (record.outcome == nil ? "Aanvraag" : "Besluit") + " ingetrokken (ongedaan gemaakt; zie de tijdlijn)"
            case .restored?: heading = "Hersteld na het intrekken van een besluit"
            case nil: heading = index == 0 ? "Aanvraag" : "Opnieuw aan tafel"
            }
            lines.append((heading, record.undo == .withdrawn ? .dim : .columnHeader))
            lines.append((field("Ingebracht", "door \(record.requester.rawValue), aanvraag \(record.requestDate.dutch)"), .normal))
            guard let meeting = record.meetingDate else {
                lines.append((field("Tafel", record.undo == .withdrawn ? "niet besproken" : "nog niet besproken (u legt het besluit vast)"), .dim))
                continue
            }
            lines.append((field("Tafel", meeting.dutch), .normal))
            if !record.attendees.isEmpty {
                lines.append((field("Aanwezigen", ""), .normal))
                lines += wrapped(record.attendees, indent: "  ", width: width)
            }
            lines.append((field("Advies", ""), .normal))
            lines += wrapped(record.advice.isEmpty ? "—" : record.advice, indent: "  ", width: width)
            lines.append((field("Uitkomst", record.outcome?.title ?? "—"), .title))
            if let back = record.reportBackOn {
                let late = back < context.today && index == records.count - 1 && screen.dossier.viewed.summary.stage == .beschermtafel
                lines.append((field("Terugkoppeling", back.dutch + (late ? "  ! verstreken" : "")), late ? .overdue : .normal))
            }
            if !record.goals.isEmpty {
                lines.append((field("Doelen", ""), .normal))
                lines += wrapped(record.goals, indent: "  ", width: width)
            }
            lines.append(("", .normal))
        }
        return lines
    }

    /// The table's latest decision and where the case is now: a case moved on with `>` after drang
    /// keeps drang as the table's last word, so the section says both.
    static func tableSummary(_ screen: FamilyScreen) -> [Line] {
        let summary = screen.dossier.viewed.summary
        let decided = screen.dossier.tableRecords.last { $0.outcome != nil && $0.undo != .withdrawn }
        let decision = decided.map { record in record.outcome!.title + (record.meetingDate.map { ", tafel \($0.dutch)" } ?? "") }
        var now = "\(summary.stage.title) sinds \(summary.stageSince.dutch)"
        if let closed = summary.closedDay, closed != summary.stageSince { now += ", afgesloten \(closed.dutch)" }
        return [(field("Laatste besluit", decision ?? "nog geen besluit van de tafel"), .title), (field("Zaak nu", now), .title), ("", .normal)]
    }

    static func rvk(_ screen: FamilyScreen) -> [Line] {
        guard let rvk = screen.dossier.rvk else { return [("Geen RvK-onderzoek bij deze zaak.", .dim)] }
        var lines: [Line] = [(field("Start", rvk.startDate.dutch), .normal)]
        if let outcome = rvk.outcome, let day = rvk.outcomeDate {
            lines.append((field("Uitkomst", "\(outcome.rawValue), \(day.dutch)"), .title))
            if rvk.children.isEmpty {
                lines.append(("  per zaak vastgelegd (vóór de uitkomst per kind)", .dim))
            }
            for child in rvk.children {
                lines.append(("  \(childName(child.childID, screen.dossier)): \(child.outcome.rawValue)", .normal))
            }
            let concerned = Set(rvk.children.map(\.childID))
            let left = screen.dossier.children.filter { !concerned.contains($0.id) }
            if !rvk.children.isEmpty && !left.isEmpty {
                lines.append(("  niet betrokken: \(left.map(\.firstName).joined(separator: ", "))", .dim))
            }
            lines.append(("De zaak is met deze uitkomst afgesloten.", .dim))
        } else {
            lines.append((field("Uitkomst", "lopend (u legt de uitkomst vast)"), .warning))
        }
        return lines
    }
}
