import Foundation
import ScaleSim

/// A PostgreSQL-like cost model that turns table sizes and query parameters into server time.
///
/// The model works by plan shape (sequential scan, index scan, top-N sort, aggregate, insert)
/// and keeps the server's service time apart from the app-to-database round trip, because a
/// simulated server holds a connection and a core only for the server part while the client
/// waits for both. tools/fit_query_cost.py mirrors this file to fit the constants; a change to
/// the formulas must be made in both.
///
/// NOTE: every figure comes from a hot cache (all tables in shared_buffers). Scans of tables
/// larger than RAM and index lookups that miss the cache were not measured and are not modelled.
public struct QueryCostModel: Sendable, Equatable {
    public var constants: QueryCostConstants
    /// Network round trip from the application to the database, paid once per statement.
    public var roundTrip: SimDuration

    /// A round trip on a LAN, about 0.5 ms.
    public static let lanRoundTrip = SimDuration.microseconds(500)
    /// The loopback round trip of the calibration machine (`SELECT $1`, interleaved median 0.048 ms).
    public static let calibrationLoopbackRoundTrip = SimDuration.microseconds(48.4)

    public init(
        constants: QueryCostConstants = .postgres15Calibration,
        roundTrip: SimDuration = QueryCostModel.lanRoundTrip
    ) {
        self.constants = constants
        self.roundTrip = roundTrip
    }

    /// Returns the client-observed latency of `cost`: its server time plus one round trip per statement.
    public func latency(of cost: QueryCostBreakdown) -> SimDuration {
        cost.latency(roundTrip: roundTrip)
    }

    // MARK: Plan nodes, in seconds

    /// Returns the depth of a B-tree over `rows` keys, as a fractional number of levels (at least 1).
    public func btreeLevels(rows: Double) -> Double {
        max(1, log(max(rows, 1)) / log(constants.btreeFanout))
    }

    /// Returns the time to descend an index over `tableRows` rows and fetch `rowsReturned` rows.
    public func indexScanSeconds(tableRows: Double, rowsReturned: Double) -> Double {
        btreeLevels(rows: tableRows) * constants.perIndexLevelSeconds
            + max(0, rowsReturned) * constants.perRowReturnedSeconds
    }

    /// Returns whether a standalone statement scanning `rows` rows gets a parallel plan.
    public func isParallelScan(rows: Double) -> Bool {
        rows > constants.parallelScanThresholdRows
    }

    /// Returns the time of a serial sequential scan of `rows` rows of `rowBytes` heap bytes each.
    public func serialScanSeconds(rows: Double, rowBytes: Double) -> Double {
        max(0, rows) * (constants.perRowScannedSeconds + max(0, rowBytes) * constants.perByteScannedSeconds)
    }

    /// Returns the time of a sequential scan plus `workSeconds` of per-row work above it (sort,
    /// aggregate); a parallel plan divides both by the parallel speed-up.
    public func sequentialScanSeconds(
        table: TableStatistics,
        scannedFraction: Double = 1,
        workSeconds: Double = 0,
        allowsParallel: Bool = true
    ) -> Double {
        let rows = table.rows * scannedFraction
        let serial = serialScanSeconds(rows: rows, rowBytes: table.rowBytes) + workSeconds
        guard allowsParallel, isParallelScan(rows: rows) else { return serial }
        return serial / constants.parallelSpeedup
    }

    /// Returns the time to pass `rows` rows through a top-N sort.
    public func topNSortSeconds(rows: Double) -> Double {
        max(0, rows) * constants.perRowSortedSeconds
    }
}
