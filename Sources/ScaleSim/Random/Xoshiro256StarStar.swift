/// xoshiro256**, the all-purpose 64-bit generator of Blackman and Vigna (2018), period 2^256 - 1.
///
/// Reference: xoshiro256starstar.c (prng.di.unimi.it). From the state (1, 2, 3, 4) its output
/// begins 11520, 0, 1509978240, 1215971899390074240, which the tests check. The state is
/// seeded through SplitMix64 so that no seed gives the forbidden all-zero state.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// Creates a generator from a 64-bit seed, expanded to 256 bits by SplitMix64.
    @inlinable
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next()
        s1 = seeder.next()
        s2 = seeder.next()
        s3 = seeder.next()
    }

    /// Creates a generator from a raw state, as the reference test vectors give it.
    ///
    /// - Precondition: not all four words are zero.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// Returns a uniform double in [0, 1), made from the top 53 bits of the next output.
    @inlinable @inline(__always)
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Returns a uniform double in (0, 1), safe to pass to `log`.
    @inlinable @inline(__always)
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    @inlinable
    func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
