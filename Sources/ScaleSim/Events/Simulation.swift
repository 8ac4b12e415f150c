/// A model of a system: the state it keeps and how it reacts to each of its events.
///
/// Events are plain values of the model's own type, usually an enum, so the event list stores
/// them inline: no closure and no allocation per event, and the run loop is specialized for the
/// model at compile time.
public protocol SimulationModel {
    associatedtype Event

    /// Reacts to `event` at `scheduler.now`: updates state and schedules later events.
    mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>)
}

/// A model together with its clock and event list: one run.
public struct Simulation<Model: SimulationModel> {
    public var model: Model
    public var scheduler = Scheduler<Model.Event>()

    public init(model: Model) {
        self.model = model
    }

    /// The current simulated time.
    @inlinable
    public var now: SimTime { scheduler.now }

    /// Schedules an initial event before the run starts.
    @inlinable
    @discardableResult
    public mutating func schedule(_ event: Model.Event, at time: SimTime) -> EventHandle {
        scheduler.schedule(event, at: time)
    }

    /// Handles events in order until the next one lies after `end`, none is left, or the model
    /// stops the run; the clock then reads `end` unless the model stopped it earlier.
    ///
    /// - Returns: the number of events handled by this call.
    @inlinable
    @discardableResult
    public mutating func run(until end: SimTime) -> Int {
        let before = scheduler.eventsHandled
        while let event = scheduler.advance(until: end) {
            model.handle(event, scheduler: &scheduler)
        }
        if !scheduler.wasStopped {
            scheduler.moveClock(to: end)
        }
        return scheduler.eventsHandled - before
    }

    /// Handles the single next event, if any; returns false when none is pending.
    @inlinable
    @discardableResult
    public mutating func step() -> Bool {
        guard let event = scheduler.advance(until: SimTime(nanoseconds: Int64.max)) else { return false }
        model.handle(event, scheduler: &scheduler)
        return true
    }
}
