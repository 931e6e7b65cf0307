import Crypto

/// SHA-256 from swift-crypto (BoringSSL underneath on Linux), in the shape the log uses: bytes
/// in, 32 bytes out, fed in pieces. Security code is not written here by hand; `SHA256Tests`
/// runs the NIST vectors through this type.
public struct SHA256Hasher {
    private var hasher = SHA256()

    public init() {}

    /// The 32-byte digest of `bytes`.
    public static func hash(_ bytes: [UInt8]) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The 32-byte digest of the bytes in `bytes`.
    public static func hash(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The same digest held inline (`RecordDigest.Digest`), without allocating an array.
    public static func digest(_ bytes: UnsafeRawBufferPointer) -> SIMD4<UInt64> {
        var hasher = SHA256()
        hasher.update(bufferPointer: bytes)
        return hasher.finalize().withUnsafeBytes { $0.loadUnaligned(as: SIMD4<UInt64>.self) }
    }

    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }

    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
    }

    /// The digest; the hasher is spent afterwards.
    public func finalize() -> [UInt8] {
        hasher.finalize().withUnsafeBytes { [UInt8]($0) }
    }
}

/// Lowercase hexadecimal, two digits per byte: how hashes are shown and written down.
public enum Hex {
    public static func string(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
