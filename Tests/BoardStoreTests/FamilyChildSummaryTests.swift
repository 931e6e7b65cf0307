import BoardCore
import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import BoardStore

/// `family_children` (BoardIndexes.swift) is kept by triggers; a child must cost the same however
/// large its family, or one report of 100,000 children holds the store for minutes (issue 14).
@Suite("Family child summary")
struct FamilyChildSummaryTests {
    /// The SQLite instructions that adding or removing one child runs, in a family of 10 children and
    /// in one of 3,000: the same, where recounting the family made them grow with its size.
    @Test func aChildCostsTheSameInASmallAndALargeFamily() throws {
        let scratch = try ScratchDirectory()
        let store = try Store(path: scratch.file("bord.sqlite"), user: "anouk")
        let born = (0..<3000).map { Child(firstName: "Kind \($0)", birthDate: day(2000, 1, 1).adding(days: $0)) }
        _ = try store.addReport(report("2026-0001", children: Array(born.prefix(10))))
        _ = try store.addReport(report("2026-0002", children: born))
        // A child of each family to change and remove, looked up by id so that only the triggers depend on the family.
        let (small, large) = try store.pool.read { db -> ((FamilyID, Int64), (FamilyID, Int64)) in
            let sql = "SELECT c.family_id, MIN(k.id) FROM \"case\" c JOIN child k ON k.family_id = c.family_id WHERE c.kenmerk = ?"
            let first = try Row.fetchOne(db, sql: sql, arguments: ["2026-0001"])!
            let second = try Row.fetchOne(db, sql: sql, arguments: ["2026-0002"])!
            return ((first[0], first[1]), (second[0], second[1]))
        }
        func steps(_ sql: String, _ argument: Int64) throws -> Int {
            try store.pool.write { db in
                let counter = UnsafeMutablePointer<Int>.allocate(capacity: 1)
                defer { counter.deallocate() }
                counter.pointee = 0
                sqlite3_progress_handler(db.sqliteConnection, 1, { context in
                    context!.assumingMemoryBound(to: Int.self).pointee += 1
                    return 0
                }, counter)
                defer { sqlite3_progress_handler(db.sqliteConnection, 0, nil, nil) }
                try db.execute(sql: sql, arguments: [argument])
                return counter.pointee
            }
        }
        // The statement and what it is given: the family for an insert, the child otherwise.
        let operations: [(sql: String, byFamily: Bool)] = [
            ("INSERT INTO child (family_id, first_name, birth_date) VALUES (?, 'Nieuw', '2024-05-05')", true),
            ("UPDATE child SET birth_date = '2010-01-01' WHERE id = ?", false),
            ("DELETE FROM child WHERE id = ?", false),
        ]
        for (sql, byFamily) in operations {
            let inSmall = try steps(sql, byFamily ? small.0 : small.1)
            let inLarge = try steps(sql, byFamily ? large.0 : large.1)
            #expect(inLarge < inSmall + 50, "\(sql): \(inSmall) instructions in a family of 10, \(inLarge) in one of 3000")
        }
        // And the summary is still exactly what counting gives.
        let (kept, counted) = try store.pool.read { db in
            (try String.fetchAll(db, sql: "SELECT id || ' ' || child_count || ' ' || youngest_birth_date FROM family_children ORDER BY id"),
             try String.fetchAll(db, sql: """
                SELECT family_id || ' ' || COUNT(*) || ' ' || MAX(birth_date) FROM child GROUP BY family_id ORDER BY family_id
                """))
        }
        #expect(kept == counted)
        #expect(counted == ["\(small.0) 10 2024-05-05", "\(large.0) 3000 2024-05-05"], "one added, one removed")
    }

    /// What the triggers keep is what counting gives, after a child is added, born again (its date
    /// corrected), removed, and after the youngest is removed: on the file and on the server, which
    /// keeps `family_children` with triggers of its own (ServerSchema.swift).
    @Test(arguments: StoreKind.all) func theSummaryIsWhatCountingGives(_ kind: StoreKind) throws {
        let scratch = try ScratchDirectory()
        let place = try TestStore(kind, in: scratch)
        let store = try place.open(as: "anouk")
        _ = try store.addReport(report("2026-0001"))
        _ = try store.addReport(report("2026-0002", family: "Jansen", children: [
            Child(firstName: "Sem", birthDate: day(2012, 3, 1)), Child(firstName: "Mila", birthDate: day(2015, 7, 9)),
            Child(firstName: "Noor", birthDate: day(2018, 2, 2))]))
        func summary() throws -> (kept: [String], counted: [String]) {
            try store.read { db in
                func lines(_ sql: String) throws -> [String] {
                    try db.rows(sql: sql).map { row in row.values.map { String(sqlValue: $0) ?? "-" }.joined(separator: " ") }
                }
                return (try lines("SELECT id, child_count, youngest_birth_date FROM family_children ORDER BY id"),
                        try lines("SELECT family_id, COUNT(*), MAX(birth_date) FROM child GROUP BY family_id ORDER BY family_id"))
            }
        }
        #expect(try summary().kept == summary().counted)
        let families = Dictionary(uniqueKeysWithValues: try store.boardCases(today: day(2026, 6, 1), closedWindowDays: nil).map { ($0.kenmerk, $0.familyID) })
        let (deVries, jansen) = (try #require(families["2026-0001"]), try #require(families["2026-0002"]))
        for sql in ["INSERT INTO child (family_id, first_name, birth_date) VALUES (\(jansen), 'Nieuw', '2024-05-05')",
                    "UPDATE child SET birth_date = '2010-01-01' WHERE first_name = 'Sem'",
                    "DELETE FROM child WHERE first_name = 'Mila'",
                    "DELETE FROM child WHERE first_name = 'Nieuw'",
                    "UPDATE child SET birth_date = '2019-12-31' WHERE first_name = 'Zoë'"] {
            try place.tamper(sql)
            let (kept, counted) = try summary()
            #expect(kept == counted, "\(sql)")
        }
        #expect(try summary().kept == ["\(deVries) 2 2019-12-31", "\(jansen) 2 2018-02-02"])
    }
}
