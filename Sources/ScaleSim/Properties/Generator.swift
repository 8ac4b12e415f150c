/// A recipe for random values of one type, each with its shrink tree, drawn from a seeded
/// `Xoshiro256StarStar`.
///
/// Generators compose (`map`, `flatMap`, `zip`, `oneOf`, `array`) and the composite shrinks
/// through its parts: a pair shrinks its first component then its second, an array shortens
/// before it shrinks its elements, a choice moves toward its first option.
public struct Generator<Value> {
    let draw: (inout Xoshiro256StarStar) -> ShrinkTree<Value>

    /// Creates a generator from a function that draws a value with its shrink tree.
    public init(_ draw: @escaping (inout Xoshiro256StarStar) -> ShrinkTree<Value>) {
        self.draw = draw
    }

    /// Draws one value and its shrink tree.
    public func generate(using generator: inout Xoshiro256StarStar) -> ShrinkTree<Value> {
        draw(&generator)
    }

    /// A generator of `transform` applied to this one's values; shrinking carries over.
    public func map<Other>(_ transform: @escaping (Value) -> Other) -> Generator<Other> {
        Generator<Other> { rng in draw(&rng).map(transform) }
    }

    /// A generator whose second draw depends on the first value.
    ///
    /// The dependent draw uses its own stream split from the first, so a shrunk first value
    /// regenerates the second from the same draws: shrinking is repeatable.
    public func flatMap<Other>(_ transform: @escaping (Value) -> Generator<Other>) -> Generator<Other> {
        Generator<Other> { rng in
            let outer = draw(&rng)
            let innerSeed = rng.next()
            return outer.flatMap { value in
                var inner = Xoshiro256StarStar(seed: innerSeed)
                return transform(value).draw(&inner)
            }
        }
    }

    /// Keeps this generator's shrinking but drops candidates that fail `isIncluded`.
    ///
    /// Drawn values are not filtered: the filter only applies to shrink candidates, so shrinking
    /// stays inside a region the generator itself respects.
    public func shrinkingWithin(_ isIncluded: @escaping (Value) -> Bool) -> Generator<Value> {
        func prune(_ tree: ShrinkTree<Value>) -> ShrinkTree<Value> {
            ShrinkTree(tree.value) { tree.children.filter { isIncluded($0.value) }.map(prune) }
        }
        return Generator { rng in prune(draw(&rng)) }
    }
}

// MARK: Building blocks

extension Generator {
    /// Always `value`, which never shrinks.
    public static func constant(_ value: Value) -> Generator<Value> {
        Generator { _ in ShrinkTree(value) }
    }

    /// Pairs of values of two generators, shrinking the first component, then the second.
    public static func zip<First, Second>(_ first: Generator<First>, _ second: Generator<Second>)
        -> Generator<(First, Second)> where Value == (First, Second) {
        Generator<(First, Second)> { rng in
            let left = first.draw(&rng)
            let right = second.draw(&rng)
            return ShrinkTree<(First, Second)>.zip(left, right)
        }
    }

    /// One of `options`, picked uniformly; it shrinks toward the first option.
    ///
    /// - Precondition: `options` is not empty.
    public static func oneOf(_ options: [Generator<Value>]) -> Generator<Value> {
        precondition(!options.isEmpty, "oneOf needs at least one generator")
        return Generator<Int>.int(in: 0...(options.count - 1)).flatMap { options[$0] }
    }

    /// One of `elements`, picked uniformly; it shrinks toward the first element.
    ///
    /// - Precondition: `elements` is not empty.
    public static func element(of elements: [Value]) -> Generator<Value> {
        precondition(!elements.isEmpty, "element(of:) needs at least one element")
        return Generator<Int>.int(in: 0...(elements.count - 1)).map { elements[$0] }
    }

    /// Arrays of `element` values with a length in `length`; they shrink toward fewer
    /// elements, then element by element.
    ///
    /// - Precondition: `length.lowerBound >= 0`.
    public static func array<Element>(of element: Generator<Element>, length: ClosedRange<Int>)
        -> Generator<[Element]> where Value == [Element] {
        precondition(length.lowerBound >= 0, "array length must not be negative, got \(length)")
        let count = Generator<Int>.int(in: length)
        return Generator<[Element]> { rng in
            let size = count.draw(&rng).value
            let trees = (0..<size).map { _ in element.draw(&rng) }
            return arrayTree(trees, minimumCount: length.lowerBound)
        }
    }

    static func arrayTree<Element>(_ trees: [ShrinkTree<Element>], minimumCount: Int) -> ShrinkTree<[Element]> {
        ShrinkTree<[Element]>(trees.map(\.value)) {
            let shorter = Shrinking.removals(trees, minimumCount: minimumCount).map {
                arrayTree($0, minimumCount: minimumCount)
            }
            var smaller: [ShrinkTree<[Element]>] = []
            for index in trees.indices {
                for child in trees[index].children {
                    var replaced = trees
                    replaced[index] = child
                    smaller.append(arrayTree(replaced, minimumCount: minimumCount))
                }
            }
            return shorter + smaller
        }
    }
}

extension Generator where Value == Int {
    /// Integers uniform in `range`, shrinking toward `target` (the lower bound by default) and
    /// through round numbers.
    ///
    /// - Precondition: `target` lies in `range`, and the range contains fewer than `Int.max` values.
    public static func int(in range: ClosedRange<Int>, shrinkingToward target: Int? = nil) -> Generator<Int> {
        let goal = target ?? range.lowerBound
        precondition(range.contains(goal), "shrink target \(goal) outside \(range)")
        let (width, overflow) = range.upperBound.subtractingReportingOverflow(range.lowerBound)
        precondition(!overflow && width < Int.max, "range \(range) is too wide")
        return Generator { rng in
            let value = range.lowerBound + rng.nextIndex(below: width + 1)
            return ShrinkTree.unfold(value) { Shrinking.integer($0, toward: goal) }
        }
    }
}

extension Generator where Value == Double {
    /// Doubles uniform in `range`, shrinking toward its lower bound and round numbers, down to
    /// steps of `resolution`.
    ///
    /// - Precondition: the bounds are finite and `resolution > 0`.
    public static func double(in range: ClosedRange<Double>, resolution: Double) -> Generator<Double> {
        precondition(range.lowerBound.isFinite && range.upperBound.isFinite, "range must be finite, got \(range)")
        precondition(resolution > 0, "resolution must be positive, got \(resolution)")
        let lower = range.lowerBound
        return Generator { rng in
            let value = min(range.upperBound, lower + rng.nextUnit() * (range.upperBound - lower))
            return ShrinkTree.unfold(value) { Shrinking.double($0, toward: lower, resolution: resolution) }
        }
    }
}

extension Generator where Value == Bool {
    /// True or false with equal chance; true shrinks to false.
    public static var bool: Generator<Bool> {
        Generator { rng in
            let value = rng.next() >> 63 == 1
            return ShrinkTree.unfold(value) { $0 ? [false] : [] }
        }
    }
}
