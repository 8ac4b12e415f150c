/// The result of checking a property over generated cases.
public enum PropertyOutcome<Value> {
    /// Every case held.
    case passed(cases: Int, seed: UInt64)
    /// A case failed; the failure carries it, its shrunk form and how to replay it.
    case failed(PropertyFailure<Value>)

    /// Whether every case held.
    public var isPassed: Bool {
        if case .passed = self { return true }
        return false
    }

    /// The failure, or nil when every case held.
    public var failure: PropertyFailure<Value>? {
        if case .failed(let failure) = self { return failure }
        return nil
    }
}

/// A failing case: as drawn, as shrunk, and the seed and case index that replay it.
public struct PropertyFailure<Value> {
    /// The value as first drawn.
    public var original: Value
    /// The simplest failing value greedy shrinking reached.
    public var shrunk: Value
    public var seed: UInt64
    /// The index of the failing case; `PropertyCheck.replay(seed:case:_:_:)` draws it again.
    public var caseIndex: Int
    /// Shrink steps taken, each to a simpler failing value.
    public var shrinkSteps: Int
    /// Candidates evaluated while shrinking, the failing ones included.
    public var shrinkAttempts: Int
    /// Whether shrinking stopped at its step budget rather than at a value with no failing
    /// candidate.
    public var hitShrinkBudget: Bool
    /// The message a thrown error gave for the shrunk value, if any.
    public var message: String?

    /// A report of the failure: the shrunk value, the original one and how to replay it.
    public var report: String {
        var lines = [
            "property failed at case \(caseIndex) of seed \(seed)",
            "shrunk (\(shrinkSteps) steps\(hitShrinkBudget ? ", step budget reached" : "")): \(shrunk)",
            "original: \(original)",
        ]
        if let message { lines.append("error: \(message)") }
        lines.append("replay: PropertyCheck.replay(seed: \(seed), case: \(caseIndex), ...)")
        return lines.joined(separator: "\n")
    }
}

/// Runs a property over generated cases and shrinks the first failure.
///
/// Case `k` of seed `S` draws from `RandomStreams(seed: S).stream("property.case", index: k)`, so
/// any case can be drawn again alone, in any order, from its seed and index.
public enum PropertyCheck {
    /// Default shrink step budget: enough to walk an integer range of a billion values down to
    /// a threshold (about 30 halvings, each needing up to 30 candidates) with room for composites.
    public static let defaultShrinkSteps = 1_000

    /// The generator state of case `index` of `seed`.
    public static func caseStream(seed: UInt64, case index: Int) -> Xoshiro256StarStar {
        RandomStreams(seed: seed).stream("property.case", index: UInt64(index))
    }

    /// Checks `property` over `cases` values of `generator`, stopping at the first failure and
    /// shrinking it.
    ///
    /// A property fails by returning false or by throwing.
    public static func run<Value>(cases: Int, seed: UInt64, _ generator: Generator<Value>,
                                  shrinkSteps: Int = defaultShrinkSteps,
                                  _ property: (Value) throws -> Bool) -> PropertyOutcome<Value> {
        precondition(cases >= 0, "cases must not be negative, got \(cases)")

        for index in 0..<cases {
            if let failure = check(seed: seed, case: index, generator, shrinkSteps: shrinkSteps, property) {
                return .failed(failure)
            }
        }
        return .passed(cases: cases, seed: seed)
    }

    /// Draws case `index` of `seed` again and checks it alone, shrinking it if it fails.
    public static func replay<Value>(seed: UInt64, case index: Int, _ generator: Generator<Value>,
                                     shrinkSteps: Int = defaultShrinkSteps,
                                     _ property: (Value) throws -> Bool) -> PropertyOutcome<Value> {
        if let failure = check(seed: seed, case: index, generator, shrinkSteps: shrinkSteps, property) {
            return .failed(failure)
        }
        return .passed(cases: 1, seed: seed)
    }

    static func check<Value>(seed: UInt64, case index: Int, _ generator: Generator<Value>, shrinkSteps: Int,
                             _ property: (Value) throws -> Bool) -> PropertyFailure<Value>? {
        var stream = caseStream(seed: seed, case: index)
        let tree = generator.generate(using: &stream)
        guard let message = verdict(property, tree.value) else { return nil }

        let shrunk = shrink(tree, budget: shrinkSteps, message: message, property)
        return PropertyFailure(original: tree.value, shrunk: shrunk.tree.value, seed: seed, caseIndex: index,
                               shrinkSteps: shrunk.steps, shrinkAttempts: shrunk.attempts,
                               hitShrinkBudget: shrunk.steps >= shrinkSteps, message: shrunk.message)
    }

    /// Greedy shrinking: moves to the first child that still fails, until none does or the
    /// budget of steps is spent.
    public static func shrink<Value>(_ tree: ShrinkTree<Value>, budget: Int,
                                     _ property: (Value) throws -> Bool) -> (value: Value, steps: Int) {
        let result = shrink(tree, budget: budget, message: nil, property)
        return (result.tree.value, result.steps)
    }

    static func shrink<Value>(_ tree: ShrinkTree<Value>, budget: Int, message: String?,
                              _ property: (Value) throws -> Bool)
        -> (tree: ShrinkTree<Value>, steps: Int, attempts: Int, message: String?) {
        var current = tree
        var currentMessage = message
        var steps = 0
        var attempts = 0
        search: while steps < budget {
            for child in current.children {
                attempts += 1
                if let failure = verdict(property, child.value) {
                    current = child
                    currentMessage = failure
                    steps += 1
                    continue search
                }
            }
            break
        }
        return (current, steps, attempts, currentMessage)
    }

    /// Nil when the property holds; otherwise the thrown error's text, or nil inside.
    static func verdict<Value>(_ property: (Value) throws -> Bool, _ value: Value) -> String?? {
        do {
            return try property(value) ? nil : .some(nil)
        } catch {
            return .some("\(error)")
        }
    }
}
