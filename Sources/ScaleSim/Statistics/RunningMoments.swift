/// Count, mean and variance of a stream of observations by Welford's online algorithm.
///
/// Welford's update avoids the cancellation of the naive sum-of-squares formula. Merging follows
/// Chan, Golub and LeVeque; merging is not associative in floating point, so callers that need
/// identical bytes merge in a fixed order.
public struct RunningMoments: Sendable, Equatable {
    @usableFromInline var storedCount: Int = 0
    @usableFromInline var storedMean: Double = 0
    @usableFromInline var sumOfSquaredDeviations: Double = 0
    @usableFromInline var storedMinimum: Double = .infinity
    @usableFromInline var storedMaximum: Double = -.infinity

    /// The number of observations.
    public var count: Int { storedCount }
    public var mean: Double { storedMean }
    /// The smallest observation; +infinity when there is none.
    public var minimum: Double { storedMinimum }
    /// The largest observation; -infinity when there is none.
    public var maximum: Double { storedMaximum }

    public init() {}

    @inlinable @inline(__always)
    public mutating func record(_ x: Double) {
        storedCount += 1
        let delta = x - storedMean
        storedMean += delta / Double(storedCount)
        sumOfSquaredDeviations += delta * (x - storedMean)
        if x < storedMinimum { storedMinimum = x }
        if x > storedMaximum { storedMaximum = x }
    }

    /// The unbiased sample variance; zero with fewer than two observations.
    public var variance: Double {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : 0
    }

    public var standardDeviation: Double { variance.squareRoot() }

    public var sum: Double { mean * Double(count) }

    /// Folds `other` into these moments, as if its observations had been recorded here.
    public mutating func merge(_ other: RunningMoments) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let total = storedCount + other.storedCount
        let delta = other.storedMean - storedMean
        storedMean += delta * Double(other.storedCount) / Double(total)
        sumOfSquaredDeviations += other.sumOfSquaredDeviations
            + delta * delta * Double(storedCount) * Double(other.storedCount) / Double(total)
        storedCount = total
        storedMinimum = min(storedMinimum, other.storedMinimum)
        storedMaximum = max(storedMaximum, other.storedMaximum)
    }
}
