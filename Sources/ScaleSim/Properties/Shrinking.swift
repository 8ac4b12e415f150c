/// Shrink candidates of numbers and arrays: the steps a failing value takes toward the simplest.
public enum Shrinking {
    /// Candidates of `value` toward `target`, simplest first: the target itself, round numbers
    /// between them (coarsest first), then points halving the distance, ending one step away.
    ///
    /// Because `value ∓ 1` is always the last candidate, greedy shrinking of a property that
    /// fails from a threshold on ends exactly at the threshold.
    public static func integer(_ value: Int, toward target: Int) -> [Int] {
        guard value != target else { return [] }

        var candidates = [target]
        candidates += roundNumbers(between: target, and: value)
        var distance = (value - target) / 2
        while distance != 0 {
            candidates.append(value - distance)
            distance /= 2
        }
        candidates.append(value > target ? value - 1 : value + 1)
        return unique(candidates, excluding: value)
    }

    /// Candidates of `value` toward `target`, simplest first, stopping at `resolution`.
    ///
    /// The same order as `integer(_:toward:)` on a grid of step `resolution`: greedy shrinking
    /// of a property that fails from a threshold on ends within `resolution` above it.
    ///
    /// - Precondition: `resolution > 0`.
    public static func double(_ value: Double, toward target: Double, resolution: Double) -> [Double] {
        precondition(resolution > 0, "resolution must be positive, got \(resolution)")
        guard value.isFinite, abs(value - target) >= resolution else { return [] }

        var candidates = [target]
        var scale = 1.0
        while scale * 10 <= abs(value - target) { scale *= 10 }
        while scale >= resolution {
            let rounded = target + ((value - target) / scale).rounded(.towardZero) * scale
            if rounded != value { candidates.append(rounded) }
            scale /= 10
        }
        var distance = (value - target) / 2
        while abs(distance) >= resolution {
            candidates.append(value - distance)
            distance /= 2
        }
        candidates.append(value > target ? value - resolution : value + resolution)
        return unique(candidates, excluding: value)
    }

    /// Shorter arrays first (halves, then one element removed at each place), never below
    /// `minimumCount` elements.
    public static func removals<Element>(_ elements: [Element], minimumCount: Int) -> [[Element]] {
        guard elements.count > minimumCount else { return [] }

        var candidates: [[Element]] = [Array(elements.prefix(minimumCount))]
        var chunk = elements.count / 2
        while chunk > 1 {
            if elements.count - chunk >= minimumCount {
                candidates.append(Array(elements.prefix(elements.count - chunk)))
            }
            chunk /= 2
        }
        for index in elements.indices.reversed() {
            var shorter = elements
            shorter.remove(at: index)
            candidates.append(shorter)
        }
        return candidates
    }

    /// Multiples of powers of ten strictly between `target` and `value`, coarsest first.
    static func roundNumbers(between target: Int, and value: Int) -> [Int] {
        let distance = (value - target).magnitude
        guard distance > 10 else { return [] }

        var numbers: [Int] = []
        var scale = 10
        while UInt(scale) <= distance / 10 && scale <= Int.max / 10 { scale *= 10 }
        while scale >= 10 {
            let rounded = target + (value - target) / scale * scale
            if rounded != target && rounded != value { numbers.append(rounded) }
            scale /= 10
        }
        return numbers
    }

    static func unique<Number: Equatable>(_ candidates: [Number], excluding value: Number) -> [Number] {
        var seen: [Number] = []
        for candidate in candidates where candidate != value && !seen.contains(candidate) {
            seen.append(candidate)
        }
        return seen
    }
}
