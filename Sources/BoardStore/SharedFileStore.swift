import Foundation

/// A file store that the staff of one operating system group share (`init --shared GROEP`), made
/// as `git init --shared=group` makes a repository: the directory belongs to the group with the
/// setgid bit (so every file made in it, SQLite's `-wal` and `-shm` too, belongs to the group),
/// and the store is readable and writable by the group (0660). SQLite gives the `-wal` and `-shm`
/// the store file's mode whenever it creates them, whatever the process's umask, so every
/// member's first write leaves them writable for the others.
///
/// The roles stay the program's: every member can write the file, and so can step around them
/// with `sqlite3`; `check` finds such a change in the log, nothing prevents it.
public enum SharedFileStore {
    public enum Outcome {
        /// A new store, shared with the group, with its maker as first teamleider.
        case created(Store)
        /// The store was already shared with this group; it is brought up to date, nothing else.
        case alreadyShared(Store)
    }

    /// The group `path` is shared with: the store file is writable by its group, and that group
    /// is the one its directory gives every new file (setgid). Nil for anything else.
    public static func group(ofStore path: String) -> OSGroup? {
        let store = StoreFile.resolved(path)
        var file = stat()
        var directory = stat()
        guard stat(store, &file) == 0, stat(directoryPath(of: store), &directory) == 0,
              directory.st_mode & S_ISGID != 0, file.st_gid == directory.st_gid, file.st_mode & S_IWGRP != 0 else { return nil }
        return OSGroup.numbered(file.st_gid)
    }

    /// Makes a new store at `path` shared with the group `groupName`. Refuses, touching nothing,
    /// when the group does not exist, this process does not hold it (root may use any group), the
    /// path holds anything but a store already shared with the group, or the directory is someone
    /// else's or holds files while not set up for the group. A directory this call made is removed
    /// again when the store cannot be made; an empty one of the user's gets its mode back.
    public static func initialize(path: String, groupName: String, user: String = Clock.currentUser()) throws -> Outcome {
        guard let group = OSGroup.named(groupName) else {
            throw StoreError.refused("De groep ‘\(groupName)’ bestaat niet op deze machine. Er is niets gemaakt; "
                                     + "laat je beheerder de groep maken (groupadd \(groupName)) of kies een bestaande groep.")
        }
        if getuid() != 0 && !group.isHeldByThisProcess {
            if group.listsThisUser {
                throw StoreError.refused("Je bent lid van de groep \(group.name), maar deze sessie nog niet. Er is niets gemaakt; "
                                         + "meld je opnieuw aan (of start een shell met: newgrp \(group.name)) en probeer het dan opnieuw.")
            }
            throw StoreError.refused("Je bent geen lid van de groep \(group.name), dus je kunt er geen opslag mee delen. Er is niets gemaakt; "
                                     + "vraag je beheerder je toe te voegen (usermod -aG \(group.name) \(user)).")
        }
        var existing = stat()
        if lstat(path, &existing) == 0 {
            guard Self.group(ofStore: path) == group else {
                throw StoreError.refused("\(path) bestaat al en is niet gedeeld met de groep \(group.name). init --gedeeld maakt alleen een nieuwe opslag; "
                                         + "er is niets gewijzigd. Kies een nieuw pad, of laat de eigenaar het bestand en zijn map aan de groep geven: "
                                         + "chgrp \(group.name) MAP MAP/\((path as NSString).lastPathComponent)*; chmod 2770 MAP; chmod 660 MAP/\((path as NSString).lastPathComponent)*")
            }
            return .alreadyShared(try Store(path: path, user: user))
        }
        let directory = directoryPath(of: path)
        let preparation = try prepareDirectory(directory, for: group)
        do {
            return .created(try Store(path: path, user: user, access: .group(group)))
        } catch {
            preparation.undo(directory)
            throw error
        }
    }

    /// What `prepareDirectory` did, so that a failure after it can take it back.
    enum DirectoryPreparation {
        case ready
        case made
        case changed(group: gid_t, mode: mode_t)

        func undo(_ directory: String) {
            switch self {
            case .ready: break
            // Only ever an empty directory: rmdir removes nothing else.
            case .made: rmdir(directory)
            case .changed(let group, let mode):
                chown(directory, uid_t.max, group)
                chmod(directory, mode)
            }
        }
    }

    /// Makes `directory` the group's (group, setgid, 2770): a new one, or an empty one of this
    /// user's; one already set up for the group is left as it is, anything else refused.
    static func prepareDirectory(_ directory: String, for group: OSGroup) throws -> DirectoryPreparation {
        var info = stat()
        if stat(directory, &info) != 0 {
            let parent = directoryPath(of: directory)
            var parentInfo = stat()
            guard errno == ENOENT, stat(parent, &parentInfo) == 0, (parentInfo.st_mode & S_IFMT) == S_IFDIR else {
                throw StoreError.refused("De map \(parent) bestaat niet of is niet te lezen. Er is niets gemaakt; "
                                         + "init --gedeeld maakt alleen de laatste map van het pad (zodat de groep erbij kan), niet de mappen erboven.")
            }
            guard mkdir(directory, 0o700) == 0 else {
                throw StoreError.refused("De map \(directory) kan niet worden gemaakt (\(StoreFile.describe(errno: errno))). Er is niets gemaakt.")
            }
            do {
                try share(directory, with: group)
            } catch {
                rmdir(directory)
                throw error
            }
            return .made
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            throw StoreError.refused("\(directory) is geen map. Er is niets gemaakt.")
        }
        if isShared(info, with: group) { return .ready }
        guard info.st_uid == getuid(), isEmpty(directory) else {
            throw StoreError.refused("De map \(directory) is niet voor de groep \(group.name) ingericht (groep \(group.name), setgid, schrijfbaar voor de groep) "
                                     + "en is niet leeg of niet van jou. Er is niets gewijzigd. Kies een nieuwe of lege map van jezelf, "
                                     + "of laat de eigenaar uitvoeren: chgrp \(group.name) \(directory) && chmod 2770 \(directory)")
        }
        let before = DirectoryPreparation.changed(group: info.st_gid, mode: info.st_mode & 0o7777)
        do {
            try share(directory, with: group)
        } catch {
            before.undo(directory)
            throw error
        }
        return before
    }

    /// Gives `directory` to the group with the setgid bit: 2770.
    static func share(_ directory: String, with group: OSGroup) throws {
        guard chown(directory, uid_t.max, group.id) == 0, chmod(directory, 0o2770) == 0 else {
            throw StoreError.refused("De map \(directory) kan niet aan de groep \(group.name) worden gegeven (\(StoreFile.describe(errno: errno))). Er is niets gemaakt.")
        }
    }

    /// Set up for the group: its group, setgid, and the group may read, write and enter it.
    static func isShared(_ info: stat, with group: OSGroup) -> Bool {
        info.st_gid == group.id && info.st_mode & S_ISGID != 0 && info.st_mode & 0o070 == 0o070
    }

    static func isEmpty(_ directory: String) -> Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: directory).isEmpty) == true
    }

    static func directoryPath(of path: String) -> String {
        let directory = (path as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }
}
