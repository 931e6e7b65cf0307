/// The head of the log's hash chain: the newest event's id and hash. Written down outside the
/// store (the meeting's minutes, under every report), it is the anchor a file store lacks: whoever
/// can write the file can rewrite the log and recompute every hash after it, but cannot make an
/// earlier head reappear. `beschermbord check --kop ID:HASH` says whether it is still in the chain.
public struct ChainHead: Equatable, Sendable {
    public var id: Int64
    /// The hash in lowercase hex: all 64 digits when read from the store; as many as were written
    /// down (at least `minimumDigits`) when typed.
    public var hash: String

    /// Digits shown on the agenda and accepted by `check --kop`: 64 bits, too many to find a
    /// rewritten chain with the same short head by trying salts.
    public static let minimumDigits = 16

    public init(id: Int64, hash: String) {
        self.id = id
        self.hash = hash
    }

    /// `12345 · 9f3a1b2c4d5e6f70`: short enough for a title line, long enough to be an anchor.
    public var short: String { "\(id) · \(hash.prefix(Self.minimumDigits))" }

    /// `12345:9f3a…` (all digits), the form `check --kop` takes.
    public var argument: String { "\(id):\(hash)" }

    /// Whether `stored` (the full hash of event `id` in the store) is the hash written down here.
    public func matches(storedHash stored: String) -> Bool {
        stored.hasPrefix(hash)
    }

    /// Reads `ID:HASH` (also `ID HASH`, `ID · HASH`), as printed by `check`, `report` or the agenda.
    public static func parse(_ text: String) -> Result<ChainHead, ChainHeadProblem> {
        let parts = text.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "·" }).map(String.init)
        guard parts.count == 2, let id = Int64(parts[0]), id > 0 else { return .failure(.form(text)) }
        let hash = parts[1].lowercased()
        guard hash.count <= 64, hash.allSatisfy(\.isHexDigit) else { return .failure(.form(text)) }
        guard hash.count >= minimumDigits else { return .failure(.tooShort(hash.count)) }
        return .success(ChainHead(id: id, hash: hash))
    }
}

public enum ChainHeadProblem: Error, Equatable, Sendable {
    case form(String)
    case tooShort(Int)

    public var message: String {
        switch self {
        case .form(let text):
            return "‘\(text.prefix(80))’ is geen ketenkop; schrijf GEBEURTENIS:HASH, bijvoorbeeld 12345:9f3a1b2c4d5e6f70 "
                + "(zoals `check`, `report` en de agenda hem tonen)"
        case .tooShort(let digits):
            return "de hash van de ketenkop heeft \(digits) tekens; neem er minstens \(ChainHead.minimumDigits) over"
        }
    }
}
