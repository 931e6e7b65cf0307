import Foundation

/// Where the store lives: `--store`, then `BESCHERMBORD_STORE`, then the XDG data directory.
public enum StoreLocation {
    public static func resolve(explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["BESCHERMBORD_STORE"], !fromEnvironment.isEmpty { return fromEnvironment }
        return defaultPath(environment: environment)
    }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return dataHome + "/beschermbord/bord.sqlite"
    }
}
