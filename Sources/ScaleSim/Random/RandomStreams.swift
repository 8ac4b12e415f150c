/// The source of every named random stream of a run, split from one seed.
///
/// A stream's seed depends on the run's seed and the stream's name alone, never on the order in
/// which streams are created or on which other streams exist. So adding a replica or a cache to an
/// architecture leaves the workload's draws, and every other part's, exactly as they were: the
/// common random numbers that make two architectures comparable.
public struct RandomStreams: Sendable {
    public let seed: UInt64

    public init(seed: UInt64) {
        self.seed = seed
    }

    /// The generator for `name`, for example `"workload.arrivals"` or `"db.primary.service"`.
    ///
    /// The name is hashed with 64-bit FNV-1a (fixed across processes, unlike `Hasher`), mixed
    /// with the seed, and passed through SplitMix64 to seed xoshiro256**.
    public func stream(_ name: String) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: RandomStreams.mix(seed, RandomStreams.fnv1a(name)))
    }

    /// The generator for member `index` of a family, such as one session among many.
    ///
    /// Equal to `stream("\(name)#\(index)")` in spirit but without building a string per call.
    public func stream(_ name: String, index: UInt64) -> Xoshiro256StarStar {
        let base = RandomStreams.mix(seed, RandomStreams.fnv1a(name))
        return Xoshiro256StarStar(seed: RandomStreams.mix(base, index &+ 0x5851_F42D_4C95_7F2D))
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// Combines two 64-bit values into one well-mixed value with one SplitMix64 step.
    @inlinable
    public static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var mixer = SplitMix64(seed: a ^ (b &* 0x9E37_79B9_7F4A_7C15))
        return mixer.next()
    }
}
