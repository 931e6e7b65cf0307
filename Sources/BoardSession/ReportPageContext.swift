import BoardCore
import BoardStore
import ReportPage

extension ReportPage.Context {
    /// The page's context for `store`, as `report --format html` and `w` on the report screen make
    /// it: the store's location and the maker's display name (the staff list's, else the login),
    /// or neither when the page is to name no one.
    public init(store: any AccessControlledStore, today: Day, head: ChainHead?, anonymous: Bool, explanation: [String] = []) throws {
        self.init(today: today, head: head, explanation: explanation)
        if !anonymous {
            origin = store.location
            author = try store.currentStaff()?.displayName ?? store.user
        }
    }
}
