/// Physical cost figures of a PostgreSQL-like server, in seconds of server time.
///
/// `postgres15Calibration` contains figures fitted by `python3 tools/fit_query_cost.py` on the
/// 10k, 100k and 1M-row measurements of PostgreSQL 15.18 on a 2-vCPU VM with every table in
/// shared_buffers; docs/calibration.md shows the method and how well 10M rows are predicted.
/// Each figure names the measured rows it comes from.
public struct QueryCostConstants: Sendable, Equatable {
    /// Server time of one statement beyond its plan's work: parse, plan, executor start-up and
    /// protocol handling.
    public var statementOverheadSeconds: Double
    /// Sequential-scan time per row visited, independent of the row's width.
    public var perRowScannedSeconds: Double
    /// Sequential-scan time per heap byte visited; with `perRowScannedSeconds` it plays the
    /// role of PostgreSQL's page and tuple costs.
    public var perByteScannedSeconds: Double
    /// How many times faster a parallel plan runs than the serial one.
    public var parallelSpeedup: Double
    /// Rows scanned above which a standalone statement's scan runs in parallel.
    public var parallelScanThresholdRows: Double
    /// Keys per B-tree page, which sets the depth of an index over a given number of rows.
    public var btreeFanout: Double
    /// Time to descend one B-tree level.
    public var perIndexLevelSeconds: Double
    /// Time to fetch one row found through an index.
    public var perRowReturnedSeconds: Double
    /// Time to pass one row through a top-N sort.
    public var perRowSortedSeconds: Double
    /// Time to fetch, group and aggregate one matching row.
    public var perRowAggregatedSeconds: Double
    /// Planning and executor time per partition left after pruning.
    public var perPartitionScannedSeconds: Double
    /// Time of the heap insert of one row, beyond the statement overhead.
    public var insertBaseSeconds: Double
    /// Time to add one entry to one index, beyond descending it.
    public var perIndexMaintainedSeconds: Double
    /// Time of the WAL flush that a commit waits for with synchronous_commit on.
    public var commitFlushSeconds: Double

    public init(
        statementOverheadSeconds: Double,
        perRowScannedSeconds: Double,
        perByteScannedSeconds: Double,
        parallelSpeedup: Double,
        parallelScanThresholdRows: Double,
        btreeFanout: Double,
        perIndexLevelSeconds: Double,
        perRowReturnedSeconds: Double,
        perRowSortedSeconds: Double,
        perRowAggregatedSeconds: Double,
        perPartitionScannedSeconds: Double,
        insertBaseSeconds: Double,
        perIndexMaintainedSeconds: Double,
        commitFlushSeconds: Double
    ) {
        self.statementOverheadSeconds = statementOverheadSeconds
        self.perRowScannedSeconds = perRowScannedSeconds
        self.perByteScannedSeconds = perByteScannedSeconds
        self.parallelSpeedup = parallelSpeedup
        self.parallelScanThresholdRows = parallelScanThresholdRows
        self.btreeFanout = btreeFanout
        self.perIndexLevelSeconds = perIndexLevelSeconds
        self.perRowReturnedSeconds = perRowReturnedSeconds
        self.perRowSortedSeconds = perRowSortedSeconds
        self.perRowAggregatedSeconds = perRowAggregatedSeconds
        self.perPartitionScannedSeconds = perPartitionScannedSeconds
        self.insertBaseSeconds = insertBaseSeconds
        self.perIndexMaintainedSeconds = perIndexMaintainedSeconds
        self.commitFlushSeconds = commitFlushSeconds
    }

    /// Figures fitted to PostgreSQL 15.18 on a 2-vCPU VM, hot cache, max_parallel_workers_per_gather 2.
    public static let postgres15Calibration = QueryCostConstants(
        // An indexed latest-message lookup minus its loopback round trip and index probe,
        // mean of 6 interleaved measurements. It includes about 0.06 ms of client-library
        // work that the measurement cannot separate from the server.
        statementOverheadSeconds: 98.89e-6,
        // Least squares of scan time on rows and heap bytes over the serial scans of
        // messages (275 B/row), conversations (78 B/row) and usage_events (68 B/row).
        perRowScannedSeconds: 22.59e-9,
        perByteScannedSeconds: 0.3748e-9,
        // Geometric mean of modelled serial time over measured time of the 5 parallel
        // plans at 1M rows (samples 0.79 to 1.60).
        parallelSpeedup: 1.254,
        // Geometric mean of the largest serial and the smallest parallel standalone scan;
        // both are the 230,769-row partitioned scan at 1M, which the planner chose both ways.
        parallelScanThresholdRows: 230_800,
        // Not fitted: with 300 keys per page the rounded-up depth is 2 levels at 10k rows and
        // 3 at 1M and 10M, the depths measured on the calibration indexes.
        btreeFanout: 300,
        // The LATERAL listing with indexes, largest minus small tenant, per extra conversation
        // (one more probe and two more rows), split evenly between levels and rows because
        // each is one page visit.
        perIndexLevelSeconds: 0.4823e-6,
        perRowReturnedSeconds: 0.4823e-6,
        // The unindexed conversation list, largest minus small tenant, per extra conversation.
        perRowSortedSeconds: 0.2202e-6,
        // The indexed usage aggregate of the largest tenant per row in the 90-day window.
        perRowAggregatedSeconds: 0.4006e-6,
        // The partitioned minus the plain indexed usage aggregate of the small tenant, over
        // the 3 partitions that survive pruning.
        perPartitionScannedSeconds: 21.88e-6,
        // The asynchronous-commit inserts leave -8 µs once everything else is charged, so the
        // fit clamps this figure at zero.
        insertBaseSeconds: 0,
        // Mean of inserts with minus without the secondary index; the 12 samples range from
        // -19 to +72 µs because the two variants ran in phases with different loopback latency.
        perIndexMaintainedSeconds: 14.10e-6,
        // Mean of synchronous minus asynchronous commit inserts of the same phase; the disk's
        // 8 kB fdatasync takes 134 µs by pg_test_fsync.
        commitFlushSeconds: 136.0e-6
    )
}
