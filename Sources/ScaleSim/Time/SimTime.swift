/// An instant of simulated time, counted in integer nanoseconds from the start of a run.
///
/// Time never accumulates as a `Double`: adding a million service times of 0.1 s gives exactly
/// 100,000 s. An `Int64` of nanoseconds reaches about 292 years, far past any run.
public struct SimTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var nanoseconds: Int64

    @inlinable
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// The start of every run.
    @inlinable
    public static var zero: SimTime { SimTime(nanoseconds: 0) }

    /// The instant `seconds` after the start, rounded to the nearest nanosecond.
    @inlinable
    public static func seconds(_ seconds: Double) -> SimTime {
        SimTime(nanoseconds: SimDuration.seconds(seconds).nanoseconds)
    }

    /// Seconds since the start, for output only: never feed it back into the clock.
    @inlinable
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    @inlinable
    public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    @inlinable
    public static func + (lhs: SimTime, rhs: SimDuration) -> SimTime {
        SimTime(nanoseconds: lhs.nanoseconds &+ rhs.nanoseconds)
    }

    @inlinable
    public static func - (lhs: SimTime, rhs: SimDuration) -> SimTime {
        SimTime(nanoseconds: lhs.nanoseconds &- rhs.nanoseconds)
    }

    @inlinable
    public static func - (lhs: SimTime, rhs: SimTime) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds &- rhs.nanoseconds)
    }

    @inlinable
    public static func += (lhs: inout SimTime, rhs: SimDuration) {
        lhs.nanoseconds = lhs.nanoseconds &+ rhs.nanoseconds
    }

    public var description: String { "t=\(nanoseconds)ns" }
}
