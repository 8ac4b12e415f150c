/// A count of events, such as completed requests, and its rate per second since a start instant.
///
/// For warm-up truncation, call `reset(at:)` at the warm-up instant.
public struct Counter: Sendable, Equatable {
    @usableFromInline var storedCount: Int = 0
    /// The number of events since the start.
    public var count: Int { storedCount }
    /// The instant counting started (or last restarted).
    public private(set) var start: SimTime

    public init(at start: SimTime = .zero) {
        self.start = start
    }

    @inlinable
    public mutating func increment(by amount: Int = 1) {
        storedCount &+= amount
    }

    /// Sets the count to zero and restarts the window at `time`.
    public mutating func reset(at time: SimTime) {
        storedCount = 0
        start = time
    }

    /// Events per second from the start to `time`; nil when no time has passed.
    public func rate(at time: SimTime) -> Double? {
        let span = (time - start).seconds
        return span > 0 ? Double(count) / span : nil
    }
}
