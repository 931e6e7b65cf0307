import Foundation
import Testing
@testable import BoardStore

/// A file store shared with the process's own primary group: what `init --shared` makes, when a
/// store counts as shared (the title's notice), and that a failure takes back only its own steps.
@Suite struct SharedFileStoreTests {
    static var ownGroup: OSGroup { OSGroup.numbered(getgid()) }

    static func mode(_ path: String) -> (mode: mode_t, group: gid_t)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, info.st_gid)
    }

    @Test func theGroupByNameAndByNumber() throws {
        let group = Self.ownGroup
        #expect(OSGroup.named(group.name) == group)
        #expect(group.isHeldByThisProcess)
        #expect(OSGroup.named("geen-groep-\(getpid())") == nil && OSGroup.named("") == nil)
    }

    @Test func aNewSharedStoreIsTheGroupsAndSaysSo() throws {
        let scratch = try ScratchDirectory()
        let store = scratch.file("team/bord.sqlite")
        guard case .created(let opened) = try SharedFileStore.initialize(path: store, groupName: Self.ownGroup.name, user: "anouk") else {
            Issue.record("not created"); return
        }
        #expect(opened.sharedGroup == Self.ownGroup.name)
        #expect(try opened.currentStaff()?.role == .teamleider)
        let directory = try #require(Self.mode(scratch.file("team")))
        #expect(directory.mode == 0o2770 && directory.group == getgid())
        for file in [store, store + "-wal", store + "-shm"] {
            let state = try #require(Self.mode(file), "\(file)")
            #expect(state.mode == 0o660 && state.group == getgid(), "\(file)")
        }
        #expect(try Store(path: store, user: "anouk").sharedGroup == Self.ownGroup.name, "a later opening sees it too")
    }

    @Test func onlyAGroupWritableFileInItsGroupsSetgidDirectoryCountsAsShared() throws {
        let scratch = try ScratchDirectory()
        let store = scratch.file("bord.sqlite")
        #expect(try Store(path: store, user: "anouk").sharedGroup == nil, "an owner's own file")
        chmod(store, 0o660)
        #expect(SharedFileStore.group(ofStore: store) == nil, "group-writable, but the directory passes on no group")
        chmod(scratch.path, 0o2770)
        #expect(SharedFileStore.group(ofStore: store) == Self.ownGroup)
        chmod(store, 0o640)
        #expect(SharedFileStore.group(ofStore: store) == nil, "the group cannot write it")
    }

    @Test func aFailedCreationRemovesOnlyTheDirectoryItMade() throws {
        let scratch = try ScratchDirectory()
        // Nobody can say who an unnamed user is: no store is made, and the directory made for it goes.
        let made = scratch.file("nieuw")
        let refused = storeError { _ = try SharedFileStore.initialize(path: made + "/bord.sqlite", groupName: Self.ownGroup.name, user: "uid-4242") }
        #expect(refused == .unnamedUser(user: "uid-4242"))
        #expect(!FileManager.default.fileExists(atPath: made))

        // A directory that holds a file stays: the same failure leaves it and its file as they were.
        let kept = scratch.file("bestaand")
        try FileManager.default.createDirectory(atPath: kept, withIntermediateDirectories: false)
        chmod(kept, 0o2770)
        try Data("x".utf8).write(to: URL(fileURLWithPath: kept + "/notities.txt"))
        #expect(storeError { _ = try SharedFileStore.initialize(path: kept + "/bord.sqlite", groupName: Self.ownGroup.name, user: "uid-4242") } != nil)
        #expect(bytes(kept + "/notities.txt") == Data("x".utf8) && Self.mode(kept)?.mode == 0o2770)

        // An empty directory of the user's is set up, and given back its mode when the store fails.
        let own = scratch.file("eigen")
        try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o750])
        #expect(storeError { _ = try SharedFileStore.initialize(path: own + "/bord.sqlite", groupName: Self.ownGroup.name, user: "uid-4242") } != nil)
        #expect(Self.mode(own)?.mode == 0o750 && FileManager.default.fileExists(atPath: own))
    }

    @Test func anUnknownGroupIsRefusedBeforeAnythingIsMade() throws {
        let scratch = try ScratchDirectory()
        let error = storeError { _ = try SharedFileStore.initialize(path: scratch.file("team/bord.sqlite"), groupName: "geen-groep-\(getpid())") }
        #expect(error?.description.hasPrefix("De groep ‘geen-groep-\(getpid())’ bestaat niet op deze machine. Er is niets gemaakt;") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("team")))
    }
}
