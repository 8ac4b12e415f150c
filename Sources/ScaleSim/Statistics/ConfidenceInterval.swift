/// A two-sided confidence interval for a mean: mean ± halfWidth at a confidence level.
public struct ConfidenceInterval: Sendable, Equatable {
    public var mean: Double
    /// Half the interval's width, in the unit of the values.
    public var halfWidth: Double
    /// The number of values behind the interval.
    public var count: Int
    /// The confidence level, such as 0.95.
    public var level: Double

    public init(mean: Double, halfWidth: Double, count: Int, level: Double) {
        self.mean = mean
        self.halfWidth = halfWidth
        self.count = count
        self.level = level
    }

    public var lowerBound: Double { mean - halfWidth }
    public var upperBound: Double { mean + halfWidth }

    /// The half width as a fraction of |mean|; nil when the mean is zero.
    public var relativeHalfWidth: Double? {
        mean == 0 ? nil : halfWidth / abs(mean)
    }

    /// Returns whether `x` lies in [mean - halfWidth, mean + halfWidth].
    public func contains(_ x: Double) -> Bool {
        x >= lowerBound && x <= upperBound
    }

    /// Returns the Student t interval for the mean of independent, roughly normal `values`, such
    /// as one result per replication, or nil with fewer than two values.
    ///
    /// halfWidth = t(1 - (1 - level) / 2, n - 1) * s / sqrt(n), with s the sample standard
    /// deviation.
    ///
    /// - Precondition: `level` is in (0, 1).
    public static func studentT(_ values: [Double], level: Double = 0.95) -> ConfidenceInterval? {
        var moments = RunningMoments()
        for value in values {
            moments.record(value)
        }
        return studentT(moments, level: level)
    }

    /// Returns the Student t interval from accumulated moments, or nil with fewer than two values.
    ///
    /// - Precondition: `level` is in (0, 1).
    public static func studentT(_ moments: RunningMoments, level: Double = 0.95)
        -> ConfidenceInterval?
    {
        precondition(level > 0 && level < 1, "confidence level must be in (0, 1), got \(level)")
        guard moments.count >= 2 else { return nil }

        let n = Double(moments.count)
        let t = StudentT.quantile(1 - (1 - level) / 2, degreesOfFreedom: n - 1)
        let halfWidth = t * moments.standardDeviation / n.squareRoot()
        return ConfidenceInterval(
            mean: moments.mean, halfWidth: halfWidth, count: moments.count, level: level)
    }

    /// Returns the per-interval level that gives `familyLevel` jointly over `comparisons`
    /// intervals, by Bonferroni's inequality: 1 - (1 - familyLevel) / comparisons.
    ///
    /// For example, 0.95 over 10 comparisons gives 0.995 each.
    ///
    /// - Precondition: `familyLevel` is in (0, 1) and `comparisons` >= 1.
    public static func level(forFamilyLevel familyLevel: Double, comparisons: Int) -> Double {
        precondition(
            familyLevel > 0 && familyLevel < 1,
            "family confidence level must be in (0, 1), got \(familyLevel)")
        precondition(comparisons >= 1, "comparisons must be >= 1, got \(comparisons)")
        return 1 - (1 - familyLevel) / Double(comparisons)
    }
}
