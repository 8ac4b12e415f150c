/// Shard K of N of a sweep: the cases whose index i satisfies i mod N == K - 1.
///
/// Cases are dealt out in turn rather than in blocks, so shards of a grid whose points differ in
/// cost get a similar mix of cheap and expensive cases.
public struct SweepShard: Equatable, Sendable, CustomStringConvertible {
    /// 1-based, from 1 to `count`.
    public var index: Int
    public var count: Int

    /// The largest shard count accepted.
    public static let maximumCount = 100_000

    public init(index: Int, count: Int) {
        precondition(count >= 1 && index >= 1 && index <= count, "shard \(index)/\(count) is invalid")
        self.index = index
        self.count = count
    }

    /// Parses `K/N`, or throws a `UsageError` naming the value and the valid range.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw UsageError("--shard: '\(text)' is invalid; expected K/N such as 2/8, with K from 1 to N")
        }
        guard count >= 1, count <= Self.maximumCount else {
            throw UsageError("--shard: '\(text)' is invalid; N must be from 1 to \(Self.maximumCount)")
        }
        guard index >= 1, index <= count else {
            throw UsageError("--shard: '\(text)' is invalid; K must be from 1 to \(count), such as 1/\(count)")
        }
        self.init(index: index, count: count)
    }

    /// Returns the indices of this shard's cases among `caseCount` cases, in increasing order.
    public func caseIndices(caseCount: Int) -> [Int] {
        Array(stride(from: index - 1, to: caseCount, by: count))
    }

    public var description: String { "\(index)/\(count)" }
}
