/// The time average of a piecewise-constant quantity, such as a queue length or busy servers.
///
/// Each change of the value closes the interval since the previous change, weighting the old value
/// by the interval's length in nanoseconds. Integrals are kept in `Double` of value-nanoseconds,
/// exact for integer values up to 2^53 value-nanoseconds per step.
///
/// For warm-up truncation, call `reset(at:)` at the warm-up instant. The value in force then
/// carries over, so a queue that is already long at the end of the warm-up counts from there.
public struct TimeWeightedAverage: Sendable {
    @usableFromInline var currentValue: Double
    /// The value in force now.
    public var value: Double { currentValue }
    @usableFromInline var lastChange: SimTime
    @usableFromInline var start: SimTime
    @usableFromInline var integral: Double = 0
    @usableFromInline var maximumValue: Double
    /// The largest value seen since the start (or the last reset).
    public var maximum: Double { maximumValue }

    public init(value: Double = 0, at time: SimTime = .zero) {
        self.currentValue = value
        self.lastChange = time
        self.start = time
        self.maximumValue = value
    }

    /// Sets the value from `time` on.
    @inlinable @inline(__always)
    public mutating func record(_ newValue: Double, at time: SimTime) {
        integral += currentValue * Double(time.nanoseconds - lastChange.nanoseconds)
        lastChange = time
        currentValue = newValue
        if newValue > maximumValue { maximumValue = newValue }
    }

    /// Adds `delta` to the value from `time` on.
    @inlinable
    public mutating func add(_ delta: Double, at time: SimTime) {
        record(currentValue + delta, at: time)
    }

    /// Forgets the history before `time`, keeping the current value: warm-up truncation.
    public mutating func reset(at time: SimTime) {
        integral = 0
        lastChange = time
        start = time
        maximumValue = currentValue
    }

    /// The time average from the start (or the last reset) to `time`; the current value when no
    /// time has passed.
    public func average(at time: SimTime) -> Double {
        let span = Double(time.nanoseconds - start.nanoseconds)
        guard span > 0 else { return value }
        let total = integral + value * Double(time.nanoseconds - lastChange.nanoseconds)
        return total / span
    }
}
