import BoardCore
import GRDB

/// The access log of a demo case. Every opening of a dossier is logged (who, when, which family),
/// so a case that has run for weeks has been opened many times: by its medewerker, by colleagues
/// and by the team lead. With the report and its moves, a demo case has 10 to 30 events, which
/// gives a large demo store as many events as a real one of that size.
///
/// Each case's openings come from their own random stream (the seed and the case's number), so
/// the families, kenmerken and moves of a seed are the same as without the access log.
enum DemoAccessLog {
    struct Opening: Equatable, Sendable {
        var day: Day
        var recordedAt: String
        var user: String
        var detail: String
    }

    /// Events per case in all: the report, its moves and the openings.
    static let eventsPerCase = 10...30

    /// The openings of the `number`th planned case (0-based), in the order they happened.
    static func openings(for plan: DemoCasePlan, number: Int, seed: UInt64, today: Day) -> [Opening] {
        var rng = SplitMix64(seed: (seed ^ 0x5EED_AC55_0F0F_1234) &+ UInt64(number) &* 0x9E37_79B9_7F4A_7C15)
        let count = max(0, rng.int(eventsPerCase) - 1 - plan.moves.count)
        let start = plan.report.reportedOn
        // A closed case is still looked up for a couple of weeks (evaluation, a colleague's question);
        // one at the Raad until its outcome can come (60 days on at the earliest, DemoDossier), so
        // that the outcomes of earlier years fall in those years.
        let end: Day
        if plan.finalStage == .veiligheidGewaarborgd, let closed = plan.moves.last?.day {
            end = min(today, closed.adding(days: 14))
        } else if plan.finalStage == .rvkOnderzoek, let started = plan.moves.last?.day {
            end = min(today, started.adding(days: 60))
        } else {
            end = today
        }
        let span = max(0, start.days(until: end))
        let owner = loginByName[plan.report.medewerker] ?? login(plan.report.medewerker)
        let reportMinute = minuteOfDay(plan.recordedAt)
        var result: [Opening] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            let day = start.adding(days: rng.int(0...span))
            // On the day of the report, only after the report was recorded.
            let earliest = day == start ? min(reportMinute + 1, 17 * 60) : 7 * 60
            let minute = rng.int(earliest...(17 * 60 + 29))
            let second = rng.int(0...59)
            let colleague = rng.pick(logins)
            let who = rng.int(0...99)
            let user = who < 65 ? owner : who < 90 ? colleague : teamLead
            var pick = rng.int(0...(detailWeightTotal - 1))
            var detail = details[details.count - 1].text
            for candidate in details {
                if pick < candidate.weight { detail = candidate.text; break }
                pick -= candidate.weight
            }
            result.append(Opening(day: day, recordedAt: timestamp(day, minute: minute, second: second), user: user, detail: detail))
        }
        result.sort { $0.recordedAt < $1.recordedAt }
        return result
    }

    /// Which screen was opened, and how often.
    static let details: [(text: String, weight: Int)] = [("zaakoverzicht", 40), ("scherm Gezin", 30), ("scherm Zaak", 15),
                                                         ("scherm Journaal", 10), ("scherm Veiligheid", 5)]
    static let detailWeightTotal = details.reduce(0) { $0 + $1.weight }

    /// `2026-03-16T09:41:07.000Z`, written byte by byte: a large demo has millions of these.
    static func timestamp(_ day: Day, minute: Int, second: Int) -> String {
        var bytes = [UInt8](repeating: UInt8(ascii: "0"), count: 24)
        func put(_ value: Int, at end: Int, digits: Int) {
            var value = value
            for index in stride(from: end, to: end - digits, by: -1) {
                bytes[index] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            }
        }
        put(day.year, at: 3, digits: 4)
        bytes[4] = UInt8(ascii: "-")
        put(day.month, at: 6, digits: 2)
        bytes[7] = UInt8(ascii: "-")
        put(day.day, at: 9, digits: 2)
        bytes[10] = UInt8(ascii: "T")
        put(minute / 60, at: 12, digits: 2)
        bytes[13] = UInt8(ascii: ":")
        put(minute % 60, at: 15, digits: 2)
        bytes[16] = UInt8(ascii: ":")
        put(second, at: 18, digits: 2)
        bytes[19] = UInt8(ascii: ".")
        bytes[23] = UInt8(ascii: "Z")
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The login names the demo's medewerkers work under (what `user` in the log holds).
    static let logins = DemoNames.medewerkers.map(login)
    static let loginByName = Dictionary(uniqueKeysWithValues: zip(DemoNames.medewerkers, logins))
    static let teamLead = "teamleider"

    /// `Anouk de Wit` → `adewit`: the initial and the surname, lowercase, without spaces or accents.
    static func login(_ name: String) -> String {
        let words = name.split(separator: " ")
        guard let first = words.first?.first else { return "medewerker" }
        let letters = (String(first) + words.dropFirst().joined()).lowercased()
            .replacingOccurrences(of: "ı", with: "i")
        return String(letters.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic) }.map(Character.init))
    }

    /// `2026-03-16T09:41:07.000Z` → 581.
    static func minuteOfDay(_ timestamp: String) -> Int {
        let utf8 = Array(timestamp.utf8)
        guard utf8.count >= 16 else { return 0 }
        func digit(_ index: Int) -> Int { Int(utf8[index]) - 48 }
        return (digit(11) * 10 + digit(12)) * 60 + digit(14) * 10 + digit(15)
    }
}

extension Store {
    /// Writes a demo case's openings into the log, interleaved with its moves by moment of recording.
    /// A moment after `now` is written as `now`; capping keeps the order of the case's events.
    func writeDemoCase(_ db: any StoreDatabase, _ plan: DemoCasePlan, openings: [DemoAccessLog.Opening], notAfter now: String) throws {
        let (caseID, familyID) = try insertReport(db, plan.report, recordedAt: min(plan.recordedAt, now))
        var next = openings.startIndex
        func logOpenings(before moment: String?) throws {
            while next < openings.endIndex, moment.map({ openings[next].recordedAt < $0 }) ?? true {
                let opening = openings[next]
                try appendEvent(db, caseID: caseID, familyID: familyID, kind: .geopend, from: nil, to: nil, day: opening.day,
                                detail: opening.detail, recordedAt: min(opening.recordedAt, now), user: opening.user)
                next += 1
            }
        }
        for move in plan.moves {
            try logOpenings(before: move.recordedAt)
            try recordTransition(db, caseID: caseID, familyID: familyID, request: move.request,
                                 direction: .forward, recordedAt: min(move.recordedAt, now))
        }
        try logOpenings(before: nil)
    }
}
