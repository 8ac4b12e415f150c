/// The clock and the pending events that a model sees while it handles an event.
///
/// `schedule(_:at:)` takes an absolute instant and `schedule(_:after:)` a delay from now, kept
/// apart so a deadline is never mistaken for a delay. The clock is set before each event is
/// handed to the model and never moves backwards.
public struct Scheduler<Event> {
    @usableFromInline var currentTime: SimTime = .zero
    /// The current simulated time.
    @inlinable public var now: SimTime { currentTime }
    @usableFromInline var events = EventList<Event>()
    /// Events handed to the model so far in this run.
    @inlinable public var eventsHandled: Int { handledCount }
    @usableFromInline var handledCount: Int = 0
    @usableFromInline var isStopRequested = false

    public init() {}

    /// Schedules `event` at the instant `time`.
    ///
    /// - Precondition: `time` is not before `now`.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, at time: SimTime) -> EventHandle {
        precondition(time >= now, "scheduled at \(time), before the current time \(now)")
        return events.schedule(event, at: time)
    }

    /// Schedules `event` a `delay` after now.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Event, after delay: SimDuration) -> EventHandle {
        // Compares raw nanoseconds rather than against `SimDuration.zero`: reading that global
        // costs a lazy-initialization check on every call in this hot path.
        events.schedule(event, at: delay.nanoseconds < 0 ? now : now + delay)
    }

    /// Cancels a pending event; returns false when it already fired or was cancelled.
    @inlinable
    @discardableResult
    public mutating func cancel(_ handle: EventHandle) -> Bool {
        events.cancel(handle)
    }

    /// The number of events still pending.
    @inlinable
    public var pendingCount: Int { events.count }

    /// Ends the run after the event being handled, for example when a queue grows beyond recovery.
    public mutating func stop() {
        isStopRequested = true
    }

    /// Whether a model asked the run to end early.
    public var wasStopped: Bool { isStopRequested }

    /// Pops the next event at or before `end`, moving the clock to its time.
    @inlinable
    mutating func advance(until end: SimTime) -> Event? {
        guard !isStopRequested, let nextTime = events.peekTime, nextTime <= end else { return nil }
        let next = events.removeNext()
        currentTime = next.time
        handledCount &+= 1
        return next.event
    }

    @inlinable
    mutating func moveClock(to time: SimTime) {
        if time > currentTime { currentTime = time }
    }
}
