/// A generated value with its simpler variants, built lazily.
///
/// The children are the candidates a failing value shrinks to, simplest first; each child has
/// children of its own, so greedy shrinking walks down the tree. Children are computed on demand
/// because a tree of a large value is far bigger than the walk that visits it.
public struct ShrinkTree<Value> {
    public let value: Value
    let makeChildren: () -> [ShrinkTree<Value>]

    public init(_ value: Value, children: @escaping () -> [ShrinkTree<Value>] = { [] }) {
        self.value = value
        self.makeChildren = children
    }

    /// The shrink candidates of `value`, simplest first.
    public var children: [ShrinkTree<Value>] { makeChildren() }

    /// Builds the tree of `value` by applying `shrink` to each node: candidates simplest first.
    public static func unfold(_ value: Value, shrink: @escaping (Value) -> [Value]) -> ShrinkTree<Value> {
        ShrinkTree(value) { shrink(value).map { unfold($0, shrink: shrink) } }
    }

    /// Applies `transform` to every node, keeping the shape.
    public func map<Other>(_ transform: @escaping (Value) -> Other) -> ShrinkTree<Other> {
        let children = makeChildren
        return ShrinkTree<Other>(transform(value)) { children().map { $0.map(transform) } }
    }

    /// Replaces each node's value by a tree of its own, shrinking the outer value first, then the
    /// inner one.
    public func flatMap<Other>(_ transform: @escaping (Value) -> ShrinkTree<Other>) -> ShrinkTree<Other> {
        let inner = transform(value)
        let outerChildren = makeChildren
        return ShrinkTree<Other>(inner.value) {
            outerChildren().map { $0.flatMap(transform) } + inner.children
        }
    }

    /// Pairs two trees: candidates shrink the first component, then the second.
    public static func zip<First, Second>(_ first: ShrinkTree<First>, _ second: ShrinkTree<Second>)
        -> ShrinkTree<(First, Second)> where Value == (First, Second) {
        ShrinkTree<(First, Second)>((first.value, second.value)) {
            first.children.map { zip($0, second) } + second.children.map { zip(first, $0) }
        }
    }
}
