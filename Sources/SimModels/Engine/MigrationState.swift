import ScaleSim

/// The migration running on the primary during a run: its plan, the background statements
/// waiting for a core, and the figures measured in each of its phases.
struct MigrationState {
    let indexBuild: IndexBuild?
    let schema: SchemaMigration?
    /// The phases the plan runs through, "before" first and "after" last, for metric names.
    let phaseNames: [String]
    /// Costs of the background statements queued at the primary, in arrival order. The
    /// primary's station serves its customers first come, first served, so the next background
    /// statement to start is always the first of these.
    var waitingCosts = RingBuffer<SimDuration>()
    /// The next backfill batch to submit.
    var nextBatch = 0
    /// Background statements finished, and their execution time on the primary, seconds.
    var statementsDone = 0
    var statementSeconds = 0.0
    /// Measured chat turns and listings by the phase in force when they arrived.
    var chatLatency: [LatencyHistogram]
    var chatFailed: [Int]
    var chatTableLocked: [Int]
    var listingLatency: [LatencyHistogram]

    init?(scenario: MigrationScenario, messageRows: Double, parameters: MigrationParameters) {
        let rows = Int(messageRows.rounded())
        switch scenario {
        case .none:
            return nil
        case .indexBuild(let concurrently, let start):
            indexBuild = IndexBuild(rows: rows, start: .zero + start, concurrently: concurrently, parameters: parameters)
            schema = nil
            phaseNames = ["before", concurrently ? "index_build_concurrently" : "index_build", "after"]
        case .schemaMigration(let strategy, _, let start):
            let plan = SchemaMigration(strategy: strategy, tableRows: rows, start: .zero + start, parameters: parameters)
            indexBuild = nil
            schema = plan
            phaseNames = ["before"] + plan.phaseStarts.map { MigrationState.name(of: $0.phase) } + ["after"]
        }
        chatLatency = phaseNames.map { _ in LatencyHistogram() }
        chatFailed = phaseNames.map { _ in 0 }
        chatTableLocked = phaseNames.map { _ in 0 }
        listingLatency = phaseNames.map { _ in LatencyHistogram() }
    }

    /// Returns the index in `phaseNames` of the phase in force at `time`.
    func phaseIndex(at time: SimTime) -> Int {
        if let build = indexBuild {
            if time < build.start { return 0 }
            return build.isRunning(at: time) ? 1 : 2
        }
        guard let schema else { return 0 }
        let phase = schema.phase(at: time)
        switch phase {
        case .pending: return 0
        case .done: return phaseNames.count - 1
        default:
            let position = schema.phaseStarts.firstIndex { $0.phase == phase } ?? 0
            return position + 1
        }
    }

    /// Returns the end of the lock that blocks a statement on messages at `time`, or nil when
    /// the statement may run.
    ///
    /// A schema change's ACCESS EXCLUSIVE lock blocks reads and writes, and a plain index build
    /// blocks only writes. A concurrent build blocks neither.
    func lockedUntil(at time: SimTime, isWrite: Bool) -> SimTime? {
        if let build = indexBuild {
            return isWrite ? build.writesBlockedUntil(at: time) : nil
        }
        return schema?.lockedUntil(at: time)
    }

    /// Returns whether the application writes each message twice (old and new shape) at `time`.
    func hasDualWrites(at time: SimTime) -> Bool {
        (schema?.writeMultiplier(at: time) ?? 1) > 1
    }

    /// Total time the plan holds table locks (write-only for a plain index build), seconds.
    var lockSeconds: Double {
        if let build = indexBuild {
            return build.concurrently ? 0 : build.duration.seconds
        }
        return schema?.locks.reduce(0) { $0 + $1.duration.seconds } ?? 0
    }

    /// The instant the plan ends.
    var end: SimTime {
        indexBuild?.end ?? schema?.end ?? .zero
    }

    static func name(of phase: MigrationPhase) -> String {
        switch phase {
        case .pending: return "before"
        case .expand: return "expand"
        case .dualWrites: return "dual_writes"
        case .backfill: return "backfill"
        case .validation: return "validation"
        case .readSwitch: return "read_switch"
        case .contract: return "contract"
        case .rewrite: return "rewrite"
        case .done: return "after"
        }
    }
}
