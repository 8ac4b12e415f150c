import ScaleSim

/// A strategy for changing the schema of a live table.
public enum MigrationStrategy: String, Sendable, CaseIterable {
    /// Expand, dual writes, batched backfill, validation, read switch, contract: only the two
    /// catalog-only DDL statements take the table lock, briefly.
    case expandContract = "expand_contract"
    /// One ALTER TABLE that rewrites the table under an ACCESS EXCLUSIVE lock.
    case lockingRewrite = "locking_rewrite"
}

/// The steps of a migration, in the order they run.
public enum MigrationPhase: Int, Sendable, CaseIterable, Comparable {
    /// Before the start time.
    case pending
    /// The DDL that adds the new column or table, under a brief lock.
    case expand
    /// The application writes both the old and the new shape; the backfill has not begun.
    case dualWrites
    /// Background batches copy old rows into the new shape, with dual writes on.
    case backfill
    /// A read pass checks that old and new agree, with dual writes on.
    case validation
    /// Reads move to the new shape, with dual writes on until the contract.
    case readSwitch
    /// The DDL that drops the old shape, under a brief lock.
    case contract
    /// The locking strategy's table rewrite.
    case rewrite
    /// After the last step.
    case done

    public static func < (lhs: MigrationPhase, rhs: MigrationPhase) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}

/// An interval during which a migration holds the table's ACCESS EXCLUSIVE lock.
public struct TableLock: Sendable, Equatable {
    public var start: SimTime
    public var end: SimTime

    public var duration: SimDuration { end - start }
}

/// A statement a migration runs on the primary in the background, for the engine to model as a
/// long-running statement holding one core for `cost`.
public struct BackgroundStatement: Sendable, Equatable {
    public var start: SimTime
    /// Execution time on one core of the primary, without contention.
    public var cost: SimDuration
    /// Rows the statement touches.
    public var rows: Int
}

/// The timeline of one schema migration of one table: phases, write amplification, table locks
/// and background statements, as functions of time.
///
/// The plan is open-loop: backfill batch k starts k spacings after the backfill begins, where a
/// spacing is one full batch's cost plus `backfillPause`, so batches do not overlap unless
/// contention slows them. Costs are inputs, measured or estimated in `MigrationParameters`.
///
/// NOTE: a real DDL lock first waits for every transaction already holding a lock on the
/// table, and new queries queue behind the waiting lock. The plan models only the hold time.
public struct SchemaMigration: Sendable, Equatable {
    public let strategy: MigrationStrategy
    public let tableRows: Int
    public let start: SimTime
    public let parameters: MigrationParameters

    /// The start of each phase that runs, in order, and the end of the last one.
    public let phaseStarts: [(phase: MigrationPhase, start: SimTime)]
    public let end: SimTime
    /// Intervals of ACCESS EXCLUSIVE lock, in order.
    public let locks: [TableLock]
    /// Backfill batches; zero for the locking strategy.
    public let batchCount: Int
    /// Time from one backfill batch's start to the next one's.
    public let batchSpacing: SimDuration
    /// The validation read pass; nil for the locking strategy.
    public let validation: BackgroundStatement?

    public init(strategy: MigrationStrategy, tableRows: Int, start: SimTime,
                parameters: MigrationParameters = MigrationParameters()) {
        precondition(tableRows >= 0, "tableRows must not be negative, got \(tableRows)")
        precondition(parameters.backfillBatchRows > 0,
                     "backfillBatchRows must be positive, got \(parameters.backfillBatchRows)")
        self.strategy = strategy
        self.tableRows = tableRows
        self.start = start
        self.parameters = parameters

        switch strategy {
        case .lockingRewrite:
            let rewriteEnd = start + parameters.rewritePerRowCost * Int64(tableRows)
            phaseStarts = [(.rewrite, start)]
            end = rewriteEnd
            locks = [TableLock(start: start, end: rewriteEnd)]
            batchCount = 0
            batchSpacing = .zero
            validation = nil

        case .expandContract:
            let rows = Int64(tableRows)
            let batchRows = Int64(parameters.backfillBatchRows)
            let count = (rows + batchRows - 1) / batchRows
            let spacing = parameters.backfillPerRowCost * batchRows + parameters.backfillPause
            let lastBatchRows = rows - (count - 1) * batchRows

            let expandEnd = start + parameters.ddlLockDuration
            let backfillStart = expandEnd + parameters.deployGap
            let backfillEnd = count == 0
                ? backfillStart
                : backfillStart + spacing * (count - 1) + parameters.backfillPerRowCost * lastBatchRows
            let validationEnd = backfillEnd + parameters.validationPerRowCost * rows
            let contractStart = validationEnd + parameters.deployGap
            let contractEnd = contractStart + parameters.ddlLockDuration

            phaseStarts = [(.expand, start), (.dualWrites, expandEnd), (.backfill, backfillStart),
                           (.validation, backfillEnd), (.readSwitch, validationEnd), (.contract, contractStart)]
            end = contractEnd
            locks = [TableLock(start: start, end: expandEnd), TableLock(start: contractStart, end: contractEnd)]
            batchCount = Int(count)
            batchSpacing = spacing
            validation = BackgroundStatement(start: backfillEnd, cost: validationEnd - backfillEnd, rows: tableRows)
        }
    }

    public static func == (lhs: SchemaMigration, rhs: SchemaMigration) -> Bool {
        lhs.strategy == rhs.strategy && lhs.tableRows == rhs.tableRows && lhs.start == rhs.start
            && lhs.parameters == rhs.parameters
    }

    /// Returns the phase at `time`; a phase of zero length is never returned.
    public func phase(at time: SimTime) -> MigrationPhase {
        guard time >= start else { return .pending }
        guard time < end else { return .done }
        var current = MigrationPhase.pending
        for entry in phaseStarts where entry.start <= time {
            current = entry.phase
        }
        return current
    }

    /// Returns the factor on the table's write load at `time`: 2 while dual writes are on (from the end
    /// of the expand to the start of the contract), otherwise 1.
    public func writeMultiplier(at time: SimTime) -> Double {
        switch phase(at: time) {
        case .dualWrites, .backfill, .validation, .readSwitch: return 2
        default: return 1
        }
    }

    /// Returns the end of the table lock in force at `time`, or nil when the table is not locked.
    ///
    /// A query on the table at `time` waits until then, and fails with `tableLocked` when the
    /// wait exceeds its timeout.
    public func lockedUntil(at time: SimTime) -> SimTime? {
        locks.first { $0.start <= time && time < $0.end }?.end
    }

    /// The maximum duration of one table lock of the plan.
    public var maxLockDuration: SimDuration {
        locks.map(\.duration).max() ?? .zero
    }

    /// Backfill batch `index`.
    ///
    /// - Precondition: `0 <= index < batchCount`.
    public func batch(_ index: Int) -> BackgroundStatement {
        precondition(index >= 0 && index < batchCount, "batch \(index) outside 0..<\(batchCount)")
        let batchRows = parameters.backfillBatchRows
        let rows = min(batchRows, tableRows - index * batchRows)
        let backfillStart = start + parameters.ddlLockDuration + parameters.deployGap
        return BackgroundStatement(start: backfillStart + batchSpacing * Int64(index),
                                   cost: parameters.backfillPerRowCost * Int64(rows), rows: rows)
    }

    /// Returns the indices of the backfill batches that start in `window`.
    ///
    /// - Complexity: O(1).
    public func batches(startingIn window: Range<SimTime>) -> Range<Int> {
        guard batchCount > 0, batchSpacing > .zero else { return 0..<0 }
        let backfillStart = start + parameters.ddlLockDuration + parameters.deployGap
        let spacing = batchSpacing.nanoseconds

        // The first batch index whose start is at or after `instant`.
        func firstIndex(atOrAfter instant: SimTime) -> Int {
            let offset = instant.nanoseconds - backfillStart.nanoseconds
            guard offset > 0 else { return 0 }
            return Int(min(Int64(batchCount), (offset + spacing - 1) / spacing))
        }
        let lower = firstIndex(atOrAfter: window.lowerBound)
        let upper = firstIndex(atOrAfter: window.upperBound)
        return lower..<max(lower, upper)
    }
}

/// Costs and pacing of schema migrations and index builds.
///
/// The per-row build cost is measured; the others are estimates, each stated as such.
public struct MigrationParameters: Sendable, Equatable {
    /// Hold time of a catalog-only DDL lock (ADD COLUMN without a volatile default, DROP
    /// COLUMN). An estimate: such statements change only the catalog and commit in
    /// milliseconds once they have the lock.
    public var ddlLockDuration: SimDuration = .milliseconds(10)
    /// Time between two phases that need an application deploy (dual writes on, read switch).
    /// An estimate for a rolling deploy of a few app servers.
    public var deployGap: SimDuration = .minutes(5)
    /// Rows per backfill batch. An estimate in the usual range of 1,000-10,000: small enough
    /// that one batch's row locks and WAL burst stay short.
    public var backfillBatchRows: Int = 5_000
    /// Primary time per row of a backfill UPDATE: a new row version, its WAL and index entries.
    /// An estimate: about eight times the B-tree build cost per row below.
    public var backfillPerRowCost: SimDuration = .microseconds(4)
    /// Pause between backfill batches, so replicas and foreground queries keep up.
    public var backfillPause: SimDuration = .milliseconds(500)
    /// Primary time per row of the validation read pass, on one core. PostgreSQL 15 scanned
    /// a 10M-row messages table (hot cache) in about 0.69 s with a leader and two parallel
    /// workers: about 0.2 µs per row per core.
    public var validationPerRowCost: SimDuration = .microseconds(0.2)
    /// Primary time per row of a locking table rewrite (ALTER TABLE ... that rewrites the heap
    /// and rebuilds every index). An estimate: three times the B-tree build cost per row, for
    /// copying a row of about 260 bytes with its WAL and rebuilding two or three indexes.
    public var rewritePerRowCost: SimDuration = .microseconds(1.5)
    /// Primary time per row of a plain B-tree build on one core. PostgreSQL 15.18 with
    /// maintenance_work_mem 1 GB on a 2-vCPU EPYC VM built indexes over 10M rows in 4.0 s
    /// (messages by conversation and time) and 6.0 s (usage events by tenant and time): 0.4-0.6
    /// µs per row.
    public var indexBuildPerRowCost: SimDuration = .microseconds(0.5)
    /// Factor on the plain build's duration for CREATE INDEX CONCURRENTLY, which scans the
    /// table twice and waits for older transactions between the phases. An estimate.
    public var concurrentIndexFactor: Double = 2.5

    public init() {}
}
