/// A span of simulated time in integer nanoseconds; the difference of two `SimTime` values.
public struct SimDuration: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var nanoseconds: Int64

    @inlinable
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    // Computed rather than stored: a stored static is read through a lazy-initialization
    // accessor, which showed up in the event loop's profile.
    @inlinable
    public static var zero: SimDuration { SimDuration(nanoseconds: 0) }

    /// The largest representable span; a timeout that never fires.
    @inlinable
    public static var infinity: SimDuration { SimDuration(nanoseconds: Int64.max / 4) }

    /// A span of `seconds`, rounded to the nearest nanosecond.
    ///
    /// Negative and NaN inputs become zero and spans beyond `infinity` are clamped, because a
    /// sampled service or think time may not move the clock backwards. Every `Double` that enters
    /// the clock passes through here, once, so rounding never accumulates.
    @inlinable @inline(__always)
    public static func seconds(_ seconds: Double) -> SimDuration {
        let nanos = seconds * 1e9
        guard nanos > 0 else { return .zero }
        guard nanos < Double(SimDuration.infinity.nanoseconds) else { return .infinity }
        // Adding one half and truncating rounds a positive value to the nearest integer (halves
        // up) without a call into libm's round, which showed in the event loop's profile.
        return SimDuration(nanoseconds: Int64(nanos + 0.5))
    }

    @inlinable
    public static func milliseconds(_ milliseconds: Double) -> SimDuration {
        seconds(milliseconds / 1e3)
    }

    @inlinable
    public static func microseconds(_ microseconds: Double) -> SimDuration {
        seconds(microseconds / 1e6)
    }

    @inlinable
    public static func minutes(_ minutes: Double) -> SimDuration {
        seconds(minutes * 60)
    }

    @inlinable
    public static func hours(_ hours: Double) -> SimDuration {
        seconds(hours * 3600)
    }

    /// The span in seconds, for statistics and output.
    @inlinable
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// The span in milliseconds, for statistics and output.
    @inlinable
    public var milliseconds: Double { Double(nanoseconds) / 1e6 }

    @inlinable
    public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    @inlinable
    public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds &+ rhs.nanoseconds)
    }

    @inlinable
    public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds &- rhs.nanoseconds)
    }

    @inlinable
    public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds &* rhs)
    }

    @inlinable
    public static func += (lhs: inout SimDuration, rhs: SimDuration) {
        lhs.nanoseconds = lhs.nanoseconds &+ rhs.nanoseconds
    }

    public var description: String { "\(nanoseconds)ns" }
}
