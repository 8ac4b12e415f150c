/// A mergeable histogram of non-negative values, such as latencies, with percentiles within 0.4%.
///
/// The layout is log-linear, as in HdrHistogram: each power of two [2^e, 2^(e+1)) is split into
/// 128 sub-buckets of equal width. A bucket is then at most 1/128 (0.78%) of its lower bound
/// wide, so its midpoint is within 0.39% of any value in it.
///
/// Octaves run from 2^-32 to 2^64. That covers 1 ns to 10^6 s whether values are recorded in
/// nanoseconds (`Int64`, `Int` or `SimDuration`) or as `Double`s in seconds or milliseconds, and
/// percentiles come back in the unit recorded. Values below 2^-32 (about 2.3e-10), zero included,
/// share one underflow bucket, whose percentiles return `min`. Values at or above 2^64 (about
/// 1.8e19) are counted in the top bucket, so their percentiles lose the 0.39% bound. `min`, `max`
/// and `mean` stay exact in both cases.
///
/// The counts array (12,289 `Int`s, about 96 KiB) is allocated once, when the histogram is
/// created. Recording never allocates, except for the copy that copy-on-write makes on the first
/// mutation after the histogram value was copied.
///
/// For warm-up truncation, call `reset()` at the warm-up instant: observations from then on are
/// the only ones counted.
public struct LatencyHistogram: Sendable, Equatable {
    /// Sub-buckets per power of two, as a power of two: 2^7 = 128.
    @usableFromInline static let subBucketBits = 7
    @usableFromInline static let subBucketCount = 1 << subBucketBits
    /// The exponent of the lowest octave: values below 2^-32 go to the underflow bucket.
    @usableFromInline static let lowestExponent = -32
    /// One past the exponent of the highest octave.
    @usableFromInline static let highestExponent = 64
    /// The underflow bucket at index 0, then 128 buckets per octave.
    @usableFromInline static let bucketTotal =
        1 + (highestExponent - lowestExponent) * subBucketCount

    @usableFromInline var counts: [Int]
    @usableFromInline var storedCount: Int = 0
    @usableFromInline var sum: Double = 0
    @usableFromInline var storedMinimum: Double = .infinity
    @usableFromInline var storedMaximum: Double = -.infinity

    public init() {
        counts = [Int](repeating: 0, count: LatencyHistogram.bucketTotal)
    }

    /// The number of observations.
    public var count: Int { storedCount }

    /// The smallest observation, exactly; nil when empty.
    public var min: Double? { storedCount > 0 ? storedMinimum : nil }

    /// The largest observation, exactly; nil when empty.
    public var max: Double? { storedCount > 0 ? storedMaximum : nil }

    /// The mean from a running sum; nil when empty.
    ///
    /// The sum is exact while the values are integers (nanoseconds) and their total stays below
    /// 2^53, about 104 days of summed latency. Past that, the order of recording and merging can
    /// change its last bits.
    public var mean: Double? { storedCount > 0 ? sum / Double(storedCount) : nil }

    /// The number of buckets, fixed at creation whatever the count.
    public var bucketCount: Int { counts.count }

    /// Records one value, in any unit.
    ///
    /// - Precondition: `value` is finite and not negative.
    /// - Complexity: O(1).
    @inlinable
    public mutating func record(_ value: Double) {
        record(value, count: 1)
    }

    /// Records `count` observations of `value`, in any unit.
    ///
    /// - Precondition: `value` is finite and not negative; `count` is not negative.
    /// - Complexity: O(1).
    @inlinable
    public mutating func record(_ value: Double, count: Int) {
        precondition(value >= 0 && value.isFinite, "histogram value must be finite and >= 0")
        precondition(count >= 0, "histogram count must be >= 0")
        guard count > 0 else { return }

        counts[LatencyHistogram.bucketIndex(of: value)] &+= count
        storedCount &+= count
        sum += value * Double(count)
        if value < storedMinimum { storedMinimum = value }
        if value > storedMaximum { storedMaximum = value }
    }

    /// Records one duration given in nanoseconds.
    ///
    /// - Precondition: `nanoseconds` is not negative.
    @inlinable
    public mutating func record(_ nanoseconds: Int64) {
        record(Double(nanoseconds), count: 1)
    }

    /// Records `count` observations of a duration given in nanoseconds.
    @inlinable
    public mutating func record(_ nanoseconds: Int64, count: Int) {
        record(Double(nanoseconds), count: count)
    }

    /// Records one integer value, such as nanoseconds or bytes; `record(5)` resolves here.
    @inlinable
    public mutating func record(_ value: Int) {
        record(Double(value), count: 1)
    }

    /// Records `count` observations of an integer value.
    @inlinable
    public mutating func record(_ value: Int, count: Int) {
        record(Double(value), count: count)
    }

    /// Records one duration, in nanoseconds.
    @inlinable
    public mutating func record(_ duration: SimDuration) {
        record(Double(duration.nanoseconds), count: 1)
    }

    /// Records `count` observations of a duration, in nanoseconds.
    @inlinable
    public mutating func record(_ duration: SimDuration, count: Int) {
        record(Double(duration.nanoseconds), count: count)
    }

    /// Returns the `p`-th percentile, the smallest value v such that at least p% of the
    /// observations are <= v, or nil when the histogram is empty.
    ///
    /// The rank is ceil(p * count / 100), at least 1. Rank 1 returns `min` and rank `count`
    /// returns `max`, exactly. Any other rank returns the midpoint of the bucket that contains
    /// that observation, clamped to [min, max], which is within 0.39% of the exact order
    /// statistic.
    ///
    /// - Precondition: `p` is in 0...100.
    /// - Complexity: O(bucketCount).
    public func percentile(_ p: Double) -> Double? {
        precondition(p >= 0 && p <= 100, "percentile must be in 0...100, got \(p)")
        guard storedCount > 0 else { return nil }

        let rank = Swift.max(1, Int((p * Double(storedCount) / 100).rounded(.up)))
        if rank == 1 { return storedMinimum }
        if rank >= storedCount { return storedMaximum }

        var cumulative = 0
        for index in counts.indices {
            cumulative += counts[index]
            if cumulative >= rank {
                let value = LatencyHistogram.midpoint(ofBucket: index)
                return Swift.min(Swift.max(value, storedMinimum), storedMaximum)
            }
        }
        return storedMaximum
    }

    /// Adds the observations of `other`, exactly as if they had been recorded here.
    ///
    /// - Complexity: O(bucketCount).
    public mutating func merge(_ other: LatencyHistogram) {
        guard other.storedCount > 0 else { return }

        for index in counts.indices {
            counts[index] &+= other.counts[index]
        }
        storedCount &+= other.storedCount
        sum += other.sum
        storedMinimum = Swift.min(storedMinimum, other.storedMinimum)
        storedMaximum = Swift.max(storedMaximum, other.storedMaximum)
    }

    /// Forgets every observation, keeping the counts array: call it at the end of the warm-up.
    ///
    /// - Complexity: O(bucketCount).
    public mutating func reset() {
        counts.withUnsafeMutableBufferPointer { buffer in
            buffer.update(repeating: 0)
        }
        storedCount = 0
        sum = 0
        storedMinimum = .infinity
        storedMaximum = -.infinity
    }

    /// Returns the bucket of a finite, non-negative `value` from its IEEE 754 bits.
    ///
    /// The exponent picks the octave and the top 7 bits of the significand pick the sub-bucket.
    @inlinable
    static func bucketIndex(of value: Double) -> Int {
        let bits = value.bitPattern
        let exponent = Int(bits >> 52) - 1023
        if exponent < lowestExponent { return 0 }
        if exponent >= highestExponent { return bucketTotal - 1 }

        let subBucket = Int((bits >> UInt64(52 - subBucketBits)) & UInt64(subBucketCount - 1))
        return 1 + (exponent - lowestExponent) * subBucketCount + subBucket
    }

    /// Returns the midpoint of bucket `index`, or zero for the underflow bucket.
    static func midpoint(ofBucket index: Int) -> Double {
        guard index > 0 else { return 0 }

        let octave = (index - 1) / subBucketCount
        let subBucket = (index - 1) % subBucketCount
        let scale = Double(sign: .plus, exponent: octave + lowestExponent, significand: 1)
        return scale * (1 + (Double(subBucket) + 0.5) / Double(subBucketCount))
    }
}
