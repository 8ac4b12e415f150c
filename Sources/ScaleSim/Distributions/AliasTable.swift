/// Walker's alias table, built by Vose's method, for drawing an index with given weights.
///
/// Column `i` keeps itself with probability `cutoffs[i]` and otherwise yields `aliases[i]`.
/// Vose, "A linear algorithm for generating random numbers with a given distribution", IEEE
/// Transactions on Software Engineering 17(9), 1991.
///
/// - Complexity: O(n) to build and 16 bytes of storage per weight, O(1) per sample.
@usableFromInline
struct AliasTable: Sendable, Equatable {
    @usableFromInline let cutoffs: [Double]
    @usableFromInline let aliases: [Int]

    /// Builds the table.
    ///
    /// - Precondition: `weights` is non-empty, each weight is finite and >= 0, and the sum is
    ///   finite and > 0, as `DistributionError.requireWeights` checks.
    init(weights: [Double]) {
        let count = weights.count
        let total = weights.reduce(0, +)
        var scaled = weights.map { $0 * Double(count) / total }
        var cutoffs = [Double](repeating: 1, count: count)
        var aliases = Array(0..<count)

        // Stacks in index order, so the table depends on the weights alone.
        var small: [Int] = []
        var large: [Int] = []
        for index in 0..<count {
            if scaled[index] < 1 {
                small.append(index)
            } else {
                large.append(index)
            }
        }

        // Each step fills one under-full column from one over-full column.
        while let under = small.popLast(), let over = large.popLast() {
            cutoffs[under] = scaled[under]
            aliases[under] = over
            scaled[over] = (scaled[over] + scaled[under]) - 1
            if scaled[over] < 1 {
                small.append(over)
            } else {
                large.append(over)
            }
        }
        // Columns left on either stack are full up to rounding, and keep their cutoff of 1.

        self.cutoffs = cutoffs
        self.aliases = aliases
    }

    /// Draws one index, usually with two generator outputs.
    @inlinable
    func sample(using rng: inout Xoshiro256StarStar) -> Int {
        let column = rng.nextIndex(below: cutoffs.count)
        return rng.nextUnit() < cutoffs[column] ? column : aliases[column]
    }
}
