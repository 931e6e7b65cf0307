import Foundation

/// Who a new store file is made for: its owner alone (0600), or also the staff of one group
/// (0660, the group's; SharedFileStore.swift).
public enum StoreAccess: Equatable, Sendable {
    case owner
    case group(OSGroup)

    var fileMode: mode_t {
        switch self {
        case .owner: return 0o600
        case .group: return 0o660
        }
    }

    /// Gives the store file and its `-wal` and `-shm` this access (the process's umask has left
    /// them the owner's alone).
    func apply(toStore path: String) {
        for file in [path] + StoreFile.companionSuffixes.map({ path + $0 }) {
            if case .group(let group) = self { chown(file, uid_t.max, group.id) }
            chmod(file, fileMode)
        }
    }
}
