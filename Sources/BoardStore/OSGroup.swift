import Foundation

/// An operating system group, as the kernel and the group database know it: the group that staff
/// share a file store with (`init --shared`, SharedFileStore.swift).
public struct OSGroup: Equatable, Sendable {
    public let name: String
    public let id: gid_t

    /// The group called `name` in the system's group database; nil when there is none.
    public static func named(_ name: String) -> OSGroup? {
        guard !name.isEmpty else { return nil }
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrnam_r(name, &entry, &buffer, buffer.count, &result) == 0, let found = result else { return nil }
        return OSGroup(name: String(cString: found.pointee.gr_name), id: found.pointee.gr_gid)
    }

    /// The group with number `id`; its number as its name when the group database has no entry.
    public static func numbered(_ id: gid_t) -> OSGroup {
        var entry = group()
        var result: UnsafeMutablePointer<group>?
        var buffer = [CChar](repeating: 0, count: 16_384)
        guard getgrgid_r(id, &entry, &buffer, buffer.count, &result) == 0, let found = result else { return OSGroup(name: "\(id)", id: id) }
        return OSGroup(name: String(cString: found.pointee.gr_name), id: id)
    }

    /// Whether this process holds the group now (its primary or one of its supplementary groups):
    /// what the kernel checks before it lets the process give a file to the group.
    public var isHeldByThisProcess: Bool {
        if getegid() == id || getgid() == id { return true }
        let count = getgroups(0, nil)
        guard count > 0 else { return false }
        var groups = [gid_t](repeating: 0, count: Int(count))
        let filled = getgroups(count, &groups)
        return filled > 0 && groups.prefix(Int(filled)).contains(id)
    }

    /// Whether the group database makes the process's user a member (as of the next login).
    public var listsThisUser: Bool {
        guard let entry = getpwuid(getuid()) else { return false }
        let primary = entry.pointee.pw_gid
        var count: Int32 = 64
        var groups = [gid_t](repeating: 0, count: Int(count))
        while getgrouplist(entry.pointee.pw_name, primary, &groups, &count) < 0 {
            groups = [gid_t](repeating: 0, count: Int(count) * 2)
            count = Int32(groups.count)
        }
        return groups.prefix(Int(count)).contains(id)
    }
}
