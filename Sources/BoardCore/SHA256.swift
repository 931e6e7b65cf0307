/// SHA-256 (FIPS 180-4), self-contained.
///
/// Why not swift-crypto: the event log needs exactly one hash function, and swift-crypto brings
/// BoringSSL, which roughly doubles a clean build on a small CI machine. This is the textbook
/// algorithm (rounds unrolled by eight, the message schedule expanded per block), checked
/// against the NIST test vectors (empty, one block, two blocks, a million bytes, the padding's
/// edge cases, and input fed in uneven pieces) in `SHA256Tests`. It serves tamper evidence, not
/// secrecy, so constant-time behaviour is not needed.
public struct SHA256: Sendable {
    private var h0: UInt32 = 0x6a09_e667, h1: UInt32 = 0xbb67_ae85, h2: UInt32 = 0x3c6e_f372, h3: UInt32 = 0xa54f_f53a
    private var h4: UInt32 = 0x510e_527f, h5: UInt32 = 0x9b05_688c, h6: UInt32 = 0x1f83_d9ab, h7: UInt32 = 0x5be0_cd19
    /// One block, held inline (no allocation per hasher); the first `filled` bytes wait for the rest.
    private var block: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var filled = 0
    /// Bytes already compressed (whole blocks).
    private var compressed: UInt64 = 0

    public init() {}

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Lowercase hexadecimal, two digits per byte.
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// The UTF-8 bytes of `text`, without copying them.
    public mutating func update(utf8 text: String) {
        var text = text
        text.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var source = bytes.baseAddress, !bytes.isEmpty else { return }
        var remaining = bytes.count
        if filled > 0 {
            let take = min(64 - filled, remaining)
            let at = filled
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.advanced(by: at).copyMemory(from: source, byteCount: take) }
            filled += take
            source += take
            remaining -= take
            if filled < 64 { return }
            compressBlock()
        }
        while remaining >= 64 {
            compress(source)
            source += 64
            remaining -= 64
        }
        if remaining > 0 {
            let count = remaining
            withUnsafeMutableBytes(of: &block) { $0.baseAddress!.copyMemory(from: source, byteCount: count) }
            filled = remaining
        }
    }

    /// Pads the message and returns the digest. The hasher is spent afterwards.
    public mutating func finalize() -> [UInt8] {
        let bitLength = (compressed &+ UInt64(filled)) &* 8
        let at = filled
        let needsExtraBlock = at >= 56
        withUnsafeMutableBytes(of: &block) { bytes in
            bytes[at] = 0x80
            for index in (at + 1)..<64 { bytes[index] = 0 }
        }
        if needsExtraBlock {
            compressBlock()
            block = (0, 0, 0, 0, 0, 0, 0, 0)
        }
        withUnsafeMutableBytes(of: &block) { bytes in
            for index in 0..<8 { bytes[56 + index] = UInt8(truncatingIfNeeded: bitLength >> UInt64(56 - index * 8)) }
        }
        compressBlock()
        let words = (h0, h1, h2, h3, h4, h5, h6, h7)
        return [UInt8](unsafeUninitializedCapacity: 32) { out, count in
            withUnsafeBytes(of: words) { raw in
                let word = raw.bindMemory(to: UInt32.self)
                for index in 0..<8 {
                    out[index * 4] = UInt8(truncatingIfNeeded: word[index] >> 24)
                    out[index * 4 + 1] = UInt8(truncatingIfNeeded: word[index] >> 16)
                    out[index * 4 + 2] = UInt8(truncatingIfNeeded: word[index] >> 8)
                    out[index * 4 + 3] = UInt8(truncatingIfNeeded: word[index])
                }
            }
            count = 32
        }
    }

    /// Compresses the inline block (copied first: `compress` changes the state beside it).
    private mutating func compressBlock() {
        var copy = block
        withUnsafeBytes(of: &copy) { compress($0.baseAddress!) }
        filled = 0
    }

    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Compresses the 64 bytes at `raw` into the state. The whole message schedule is expanded
    /// first, so that the rounds index it without wrapping around a ring.
    private mutating func compress(_ raw: UnsafeRawPointer) {
        compressed &+= 64
        var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
        SHA256.k.withUnsafeBufferPointer { kp in
            let k = kp.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                let w = schedule.baseAddress!
                for i in 0..<16 { w[i] = UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: i * 4, as: UInt32.self)) }
                for i in 16..<64 {
                    let w15 = w[i - 15], w2 = w[i - 2]
                    let s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 &>> 3)
                    let s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 &>> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var i = 0
                while i < 64 {
                    round(a, b, c, &d, e, f, g, &h, k[i] &+ w[i])
                    round(h, a, b, &c, d, e, f, &g, k[i + 1] &+ w[i + 1])
                    round(g, h, a, &b, c, d, e, &f, k[i + 2] &+ w[i + 2])
                    round(f, g, h, &a, b, c, d, &e, k[i + 3] &+ w[i + 3])
                    round(e, f, g, &h, a, b, c, &d, k[i + 4] &+ w[i + 4])
                    round(d, e, f, &g, h, a, b, &c, k[i + 5] &+ w[i + 5])
                    round(c, d, e, &f, g, h, a, &b, k[i + 6] &+ w[i + 6])
                    round(b, c, d, &e, f, g, h, &a, k[i + 7] &+ w[i + 7])
                    i += 8
                }
            }
        }
        h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
    }
}

/// One round: `d` and `h` are updated in place; the caller rotates the roles of the eight words.
@inline(__always)
private func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                   _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32) {
    let t1 = h &+ (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) &+ ((e & f) ^ (~e & g)) &+ kw
    d = d &+ t1
    h = t1 &+ (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) &+ ((a & b) ^ (a & c) ^ (b & c))
}

@inline(__always)
/// Masking shifts: the amounts are constants below 32, so no check for larger ones is needed.
private func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x &>> n) | (x &<< (32 &- n)) }
