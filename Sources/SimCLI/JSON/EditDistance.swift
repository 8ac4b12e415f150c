/// Levenshtein distance and nearest-name lookup, for "did you mean" suggestions.
enum EditDistance {
    /// Counts the single-scalar insertions, deletions and substitutions that turn `source`
    /// into `target`.
    ///
    /// - Complexity: O(m × n) time and O(n) space in the scalar counts.
    static func levenshtein(_ source: String, _ target: String) -> Int {
        let source = Array(source.unicodeScalars)
        let target = Array(target.unicodeScalars)
        if source.isEmpty { return target.count }
        if target.isEmpty { return source.count }

        var previous = Array(0...target.count)
        var current = [Int](repeating: 0, count: target.count + 1)
        for i in 1...source.count {
            current[0] = i
            for j in 1...target.count {
                let substitution = previous[j - 1] + (source[i - 1] == target[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
            }
            swap(&previous, &current)
        }
        return previous[target.count]
    }

    /// Returns the candidate closest to `name` within `maxDistance` edits, the first in
    /// `candidates` order on a tie, or nil when none is that close.
    ///
    /// A candidate must also be fewer edits away than `name` has scalars, so a one-letter
    /// typo is not "corrected" to an unrelated short name.
    static func nearest(to name: String, in candidates: [String], maxDistance: Int = 2) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = levenshtein(name, candidate)
            guard distance <= maxDistance, distance < name.unicodeScalars.count else { continue }
            if let current = best, current.distance <= distance { continue }
            best = (candidate, distance)
        }
        return best?.name
    }
}
