/// SplitMix64, the generator Vigna recommends for seeding xoshiro from a single 64-bit value.
///
/// Reference: Sebastiano Vigna, splitmix64.c (prng.di.unimi.it). Its output for seed 1234567
/// begins 6457827717110365317, 3203168211198807973, which the tests check.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    public var state: UInt64

    @inlinable
    public init(seed: UInt64) {
        state = seed
    }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
