import BoardCore
import Foundation
import Testing
@testable import BoardStore

@Suite("A new store filled under a hidden name")
struct StoreDraftTests {
    let today = day(2025, 6, 30)

    func entries(_ scratch: ScratchDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted()
    }

    func kenmerken(_ store: Store) throws -> [String] {
        try store.boardCases(today: today, closedWindowDays: nil).map(\.kenmerk).sorted()
    }

    @Test func aPlacedDraftIsTheWholeStore() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let draft = try #require(try StoreDraft.begin(path: path, user: "anouk"))
        try draft.store.addReport(report("2025-0001"))
        #expect(!FileManager.default.fileExists(atPath: path), "nothing is at the path while the draft is filled")
        #expect(try draft.place())
        draft.discard()
        #expect(try entries(scratch) == ["bord.sqlite"], "the store alone: its WAL was folded in, the hidden name is gone")
        #expect(permissions(path) == 0o600)
        let store = try Store(path: path, user: "anouk")
        #expect(try kenmerken(store) == ["2025-0001"])
        #expect(try store.currentStaff()?.role == .teamleider, "the draft's creator is the first teamleider")
        #expect(try IntegrityCheck.run(path: path).isHealthy)
    }

    @Test func aDiscardedDraftLeavesNothing() throws {
        let scratch = try ScratchDirectory()
        let draft = try #require(try StoreDraft.begin(path: scratch.file("bord.sqlite"), user: "anouk"))
        try draft.store.addReport(report("2025-0001"))
        draft.discard()
        #expect(try entries(scratch).isEmpty)
    }

    /// A colleague creates the store and writes to it while the draft is being filled: the draft
    /// is not placed, and their store is left exactly as they wrote it.
    @Test func aStoreMadeMeanwhileIsNeverReplacedNorRemoved() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        let draft = try #require(try StoreDraft.begin(path: path, user: "anouk"))
        try draft.store.addReport(report("2025-0001"))
        let colleague = try Store(path: path, user: "bram")
        try colleague.addReport(report("2025-0100"))
        #expect(try !draft.place())
        draft.discard()
        #expect(try kenmerken(colleague) == ["2025-0100"])
        try colleague.addReport(report("2025-0101"))
        #expect(try kenmerken(Store(path: path, user: "bram")) == ["2025-0100", "2025-0101"])
        let left = try entries(scratch)
        #expect(left.allSatisfy { $0.hasPrefix("bord.sqlite") }, "no hidden copy left: \(left)")
        #expect(try IntegrityCheck.run(path: path).isHealthy)
    }

    @Test func noDraftWhereSomethingIsAlready() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.file("bord.sqlite")
        _ = try Store(path: path, user: "anouk")
        #expect(try StoreDraft.begin(path: path, user: "anouk") == nil)
        #expect(storeError { _ = try StoreDraft.begin(path: scratch.path, user: "anouk") } != nil, "a directory is refused")
    }
}
