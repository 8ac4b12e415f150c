import ScaleSim

/// An index build on the primary, modelled as one long-running statement holding one core.
///
/// CREATE INDEX CONCURRENTLY takes rows × per-row build cost × `concurrentIndexFactor` and
/// lets writes go on. A plain CREATE INDEX is faster but blocks writes to the table until it
/// ends. Neither blocks reads.
public struct IndexBuild: Sendable, Equatable {
    public let rows: Int
    public let concurrently: Bool
    public let start: SimTime
    public let duration: SimDuration
    /// Cores of the primary the build holds while it runs: PostgreSQL builds a B-tree in one
    /// process unless parallel maintenance workers are configured.
    public let cores: Int = 1

    public init(rows: Int, start: SimTime, concurrently: Bool = true,
                parameters: MigrationParameters = MigrationParameters()) {
        precondition(rows >= 0, "rows must not be negative, got \(rows)")
        precondition(parameters.concurrentIndexFactor >= 1,
                     "concurrentIndexFactor must be at least 1, got \(parameters.concurrentIndexFactor)")
        self.rows = rows
        self.concurrently = concurrently
        self.start = start

        let plain = parameters.indexBuildPerRowCost * Int64(rows)
        duration = concurrently ? .seconds(plain.seconds * parameters.concurrentIndexFactor) : plain
    }

    public var end: SimTime { start + duration }

    /// The build as a background statement for the engine.
    public var statement: BackgroundStatement {
        BackgroundStatement(start: start, cost: duration, rows: rows)
    }

    /// Returns whether the build is running at `time`.
    public func isRunning(at time: SimTime) -> Bool {
        start <= time && time < end
    }

    /// Returns the cores the build holds at `time`.
    public func coresHeld(at time: SimTime) -> Int {
        isRunning(at: time) ? cores : 0
    }

    /// Returns the end of the write block in force at `time`, or nil when writes may proceed.
    ///
    /// A plain build blocks writes for its whole duration, and a concurrent one never does.
    public func writesBlockedUntil(at time: SimTime) -> SimTime? {
        !concurrently && isRunning(at: time) ? end : nil
    }
}
