import BoardCore
import Foundation

/// Where `w` on the report screen puts the year's page: a new file in the user's home, named
/// after the period (`beschermbord-cijfers-2026-01-01-tm-2026-12-05.html`). An existing file is
/// never replaced: the next free name gets `-2`, `-3`, … The file is the user's alone (0600).
public enum ReportPageFile {
    public enum Problem: Error, CustomStringConvertible {
        case noHome
        case cannotCreate(path: String, reason: String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .noHome: return "het systeem kent geen thuismap voor deze gebruiker"
            case .cannotCreate(let path, let reason): return "\(path) kan niet worden gemaakt (\(reason))"
            case .cannotWrite(let path, let reason): return "\(path) kan niet worden geschreven (\(reason))"
            }
        }
    }

    /// The home directory the system's user database gives this process's user (not `$HOME`).
    public static func homeDirectory() -> String? {
        guard let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir else { return nil }
        let path = String(cString: directory)
        return path.isEmpty ? nil : path
    }

    /// Why a file could not be made, in Dutch for the errors a user can do something about.
    static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: return "de map bestaat niet"
        case EACCES, EPERM: return "geen schrijfrechten in de map"
        case ENOSPC, EDQUOT: return "de schijf is vol"
        case EROFS: return "de schijf is alleen-lezen"
        default: return String(cString: strerror(code))
        }
    }

    static func baseName(period: ReportPeriod, source: Source?) -> String {
        var name = "beschermbord-cijfers-\(period.from.iso)-tm-\(period.to.iso)"
        if let source { name += "-" + source.rawValue.lowercased().replacingOccurrences(of: " ", with: "-") }
        return name
    }

    /// Writes `html` to the first free name in `directory`; returns the file's path.
    public static func write(_ html: String, period: ReportPeriod, source: Source?, in directory: String) throws -> String {
        let base = (directory as NSString).appendingPathComponent(baseName(period: period, source: source))
        for attempt in 1...100 {
            let path = attempt == 1 ? base + ".html" : base + "-\(attempt).html"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw Problem.cannotCreate(path: path, reason: reason(errno))
            }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            do {
                try handle.write(contentsOf: Data(html.utf8))
                try handle.close()
            } catch {
                // The file is this call's own: a half-written page does not stay behind.
                unlink(path)
                throw Problem.cannotWrite(path: path, reason: "\(error)")
            }
            return path
        }
        throw Problem.cannotCreate(path: base + ".html", reason: "er staan al 100 pagina's met deze naam")
    }
}
