import BoardCore

/// The left part of the board's title row: program, store, user, cards. On a shared file store it
/// says that the roles are kept by the program, not enforced (every member of the group can write
/// the file); that notice outranks the program's name, so a narrow window shortens it step by
/// step and then leaves out "Beschermbord" rather than cut the notice off.
enum BoardTitle {
    static func text(_ state: AppState, room: Int) -> String {
        let store = state.storeName
        let tail = "\(state.userName) · \(Counted.text(state.cardTotal, "zaak", "zaken"))" + (state.isDemo ? " · DEMO: fictieve gezinnen" : "")
        guard let group = state.sharedGroup else { return " Beschermbord · \(store) · \(tail)" }
        let notices = ["gedeeld met groep \(group) · rollen door het programma, niet afgedwongen",
                       "gedeeld met groep \(group) · rollen niet afgedwongen",
                       "groep \(group): rollen niet afgedwongen",
                       "gedeeld: rollen niet afgedwongen",
                       "rollen niet afgedwongen"]
        let heads = [" Beschermbord · \(store)", " \(store)"]
        let candidates = notices.flatMap { notice in heads.map { head in "\(head) · \(notice) · \(tail)" } }
        return candidates.first { DisplayWidth.of($0) <= room } ?? candidates.last!
    }
}
