import ScaleSim

/// The monthly partitions of conversations and usage events at a given platform age.
///
/// Partition k contains the rows written in platform month [k, k + 1), of `daysPerMonth` days
/// each, counted from launch. A query bounded to the last D days is pruned to the partitions
/// that overlap [age - D / daysPerMonth, age), so it scans only their rows; without partitions
/// the same query scans the whole table.
///
/// Partitions must exist before rows arrive for their month. A scheduled job creates next
/// month's partition ahead of time; when it does not run (`PartitionSpec.creationJobRuns ==
/// false`), the partitions end with the month the run starts in and every insert after the
/// next month boundary fails. The engine places that boundary in simulated time with
/// `nextMonthBoundary`: the instant of the run at which the next platform month begins, or nil
/// when the run ends before it.
public struct PartitionCalendar: Sendable, Equatable {
    /// The platform's age in months at the start of the run.
    public let ageMonths: Double
    /// Whether the job that creates next month's partition runs.
    public let creationJobRuns: Bool
    /// The instant in the run at which the next platform month begins; nil when the run ends
    /// before it.
    public let nextMonthBoundary: SimTime?
    public let daysPerMonth: Double

    public init(ageMonths: Double, spec: PartitionSpec = PartitionSpec(), nextMonthBoundary: SimTime? = nil,
                daysPerMonth: Double = DataVolume.defaultDaysPerMonth) {
        precondition(daysPerMonth > 0, "daysPerMonth must be positive, got \(daysPerMonth)")
        self.ageMonths = max(0, ageMonths)
        self.creationJobRuns = spec.creationJobRuns
        self.nextMonthBoundary = nextMonthBoundary
        self.daysPerMonth = daysPerMonth
    }

    /// Partitions that hold rows: one per started month, at least one.
    public var partitionCount: Int {
        max(1, Int(ageMonths.rounded(.up)))
    }

    /// Returns the partitions a query over the last `days` days scans after pruning, as month indices.
    ///
    /// A window longer than the platform's life covers every partition.
    public func partitions(overlappingLastDays days: Double) -> Range<Int> {
        let windowStart = ageMonths - max(0, days) / daysPerMonth
        let first = max(0, Int(windowStart.rounded(.down)))
        return min(first, partitionCount)..<partitionCount
    }

    /// Returns the rows of `table` that a query over the last `days` days scans with partition pruning.
    public func scan(_ table: DataVolume.Table, lastDays days: Double, volume: DataVolume) -> PartitionScan {
        let scanned = partitions(overlappingLastDays: days)
        let firstMonth = Double(scanned.lowerBound)
        let rowsScanned = volume.rows(table, fromMonth: firstMonth, toMonth: ageMonths)
        let totalRows = volume.rows(table, throughMonth: ageMonths)
        return PartitionScan(partitions: scanned, partitionCount: partitionCount,
                             rowsScanned: rowsScanned, totalRows: totalRows)
    }

    /// Returns whether an insert at `now` finds its partition.
    ///
    /// Inserts fail from `nextMonthBoundary` on when the creation job does not run.
    public func insertSucceeds(at now: SimTime) -> Bool {
        guard !creationJobRuns, let boundary = nextMonthBoundary else { return true }
        return now < boundary
    }

    /// Returns whether an insert for platform month `month` (fractional, from launch) finds its
    /// partition: without the creation job, only months up to the one of `ageMonths` have one.
    public func insertSucceeds(atMonth month: Double) -> Bool {
        creationJobRuns || month < ageMonths.rounded(.down) + 1
    }
}

/// The partitions a time-bounded query scans and the rows in them.
public struct PartitionScan: Sendable, Equatable {
    /// Month indices of the scanned partitions.
    public var partitions: Range<Int>
    /// Partitions that hold rows.
    public var partitionCount: Int
    /// Rows in the scanned partitions: what the engine passes to the cost model.
    public var rowsScanned: Double
    /// Rows in the whole table: what the query scans without partitions.
    public var totalRows: Double

    /// The share of the table's rows in the scanned partitions; 1 for an empty table.
    public var share: Double {
        totalRows > 0 ? rowsScanned / totalRows : 1
    }
}
