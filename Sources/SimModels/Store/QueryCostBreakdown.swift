import ScaleSim

/// The cost of one query pattern: its statements, their server time and the rows they read.
///
/// A pattern is a first statement followed by `statements - 1` identical ones, which covers
/// both a single statement and the N+1 listing without storing an array.
public struct QueryCostBreakdown: Sendable, Equatable {
    /// SQL statements sent, each costing one round trip.
    public var statements: Int
    /// Server time of the first statement, in seconds.
    public var firstStatementSeconds: Double
    /// Server time of each statement after the first, in seconds.
    public var followingStatementSeconds: Double
    /// Heap and index rows the server reads in total.
    public var rowsScanned: Double

    public init(
        statements: Int,
        firstStatementSeconds: Double,
        followingStatementSeconds: Double = 0,
        rowsScanned: Double
    ) {
        self.statements = max(1, statements)
        self.firstStatementSeconds = firstStatementSeconds
        self.followingStatementSeconds = followingStatementSeconds
        self.rowsScanned = rowsScanned
    }

    /// Server time of all statements, in seconds.
    public var serverSeconds: Double {
        firstStatementSeconds + Double(statements - 1) * followingStatementSeconds
    }

    /// Server time of all statements, during which the statement occupies a connection and a core.
    public var serverTime: SimDuration { .seconds(serverSeconds) }

    /// Mean server time per statement.
    public var meanStatementTime: SimDuration { .seconds(serverSeconds / Double(statements)) }

    /// Server time of the statement at `index`, counted from zero; zero outside the pattern.
    public func serverTime(ofStatement index: Int) -> SimDuration {
        guard index >= 0, index < statements else { return .zero }
        return .seconds(index == 0 ? firstStatementSeconds : followingStatementSeconds)
    }

    /// Client-observed latency: server time plus one `roundTrip` per statement.
    public func latency(roundTrip: SimDuration) -> SimDuration {
        .seconds(serverSeconds + Double(statements) * roundTrip.seconds)
    }
}
