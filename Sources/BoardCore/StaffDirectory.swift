/// The staff list as screens and checks use it. What identifies a person is their login (the log's
/// `user`, the login a case stores as its medewerker); what people read is the display name. Cases
/// from before the list decided (the demo's, older imports) may hold a display name instead:
/// both name the same member.
public struct StaffDirectory: Equatable, Sendable {
    public private(set) var members: [StaffMember]

    public init(_ members: [StaffMember] = []) {
        self.members = members
    }

    public var isEmpty: Bool { members.isEmpty }

    /// The member a stored login or name means: the login first, then the display name.
    public func member(named stored: String) -> StaffMember? {
        members.first { $0.name == stored } ?? members.first { $0.displayName == stored }
    }

    /// What a screen shows for a stored login or name: the display name, or the text itself when
    /// no one on the list has it (a colleague removed from the list, a name from before it).
    public func displayName(of stored: String) -> String {
        member(named: stored)?.displayName ?? stored
    }

    /// The display names that start with what was typed, ignoring case and accents (`fat` and
    /// `FATMA` find Fatma Arslan); a login typed whole finds its member too.
    public func completions(of typed: String) -> [String] {
        let needle = BoardColumns.searchForm(typed.trimmingWhitespace())
        return members.filter { BoardColumns.searchForm($0.displayName).hasPrefix(needle) || $0.name == typed.trimmingWhitespace() }
            .map(\.displayName)
    }

    /// A medewerker as typed (in a form, a row of an import): the member it names, nil when left
    /// empty (a case without a medewerker), or what is wrong, naming the closest names on the list.
    public func resolve(_ typed: String) -> Result<StaffMember?, UnknownStaffName> {
        let text = typed.trimmingWhitespace()
        if text.isEmpty { return .success(nil) }
        if let member = members.first(where: { $0.name == text }) { return .success(member) }
        let folded = BoardColumns.searchForm(text)
        let same = members.filter { BoardColumns.searchForm($0.displayName) == folded || BoardColumns.searchForm($0.name) == folded }
        if same.count == 1 { return .success(same[0]) }
        return .failure(UnknownStaffName(typed: text, closest: closest(to: folded)))
    }

    /// Up to three display names within a few typing slips of `folded` (a swapped or missed
    /// letter), or containing it (a surname alone), closest first.
    func closest(to folded: String) -> [String] {
        var best: [String: Int] = [:]
        for member in members {
            let name = BoardColumns.searchForm(member.displayName)
            let distance = min(Self.slips(folded, name), Self.slips(folded, BoardColumns.searchForm(member.name)))
            let score: Int?
            if distance <= max(1, folded.count / 4) {
                score = distance
            } else if folded.count >= 3 && (name.contains(folded) || folded.contains(name)) {
                score = folded.count
            } else {
                score = nil
            }
            if let score { best[member.displayName] = min(score, best[member.displayName] ?? score) }
        }
        return Array(best.sorted { ($0.value, $0.key) < ($1.value, $1.key) }.map(\.key).prefix(3))
    }

    /// Typing slips between two texts: insertions, deletions, substitutions and swaps of two
    /// neighbouring letters (the optimal string alignment distance).
    static func slips(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}

/// A medewerker typed who is not on the staff list, and the names on it that come closest.
public struct UnknownStaffName: Error, Equatable, Sendable {
    public var typed: String
    public var closest: [String]

    /// `‘Fatma Arsaln’ staat niet in de lijst van medewerkers; bedoel je Fatma Arslan?`
    public var message: String {
        let start = "\(InputText.quoted(typed)) staat niet in de lijst van medewerkers"
        switch closest.count {
        case 0: return start
        case 1: return "\(start); bedoel je \(closest[0])?"
        default: return "\(start); bedoel je \(closest.dropLast().joined(separator: ", ")) of \(closest.last!)?"
        }
    }

    /// The message as a sentence of its own, for a refusal that goes on.
    public var sentence: String { closest.isEmpty ? message + "." : message }
}
