/// The identity of a scenario file: the 64-bit FNV-1a hash of its exact bytes, as 16 lowercase
/// hex digits.
///
/// Any byte change, whitespace included, changes the hash, so equal hashes mean equal files up to
/// FNV's collisions. It names an input; it is not a security check.
public enum ScenarioHash {
    /// The name of the algorithm, as reports state it.
    public static let algorithm = "fnv1a64"

    /// Returns the hash of `bytes` as 16 hex digits, such as `cbf29ce484222325` for no bytes.
    public static func hex(of bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
