import ScaleSim

/// A migration on the primary: its background statements take a core each, its table locks
/// hold statements on messages back, and its dual writes add an insert per message write.
///
/// NOTE: phases and locks follow the plan's clock even when contention delays a background
/// statement, and locks apply only on the primary: a replica replaying an ACCESS EXCLUSIVE
/// lock would also hold back the listing reads routed to it.
extension PlatformModel {
    /// The customer id of a background statement in the primary's station.
    static let backgroundStatement: Int32 = -2

    /// Schedules the migration's first background statements at their planned starts.
    mutating func startMigration(scheduler: inout Scheduler<Event>) {
        guard let migration else { return }
        if let build = migration.indexBuild {
            scheduler.schedule(.migrationStatement(batch: PlatformModel.mainStatement), at: build.start)
        }
        guard let schema = migration.schema else { return }
        switch schema.strategy {
        case .lockingRewrite:
            scheduler.schedule(.migrationStatement(batch: PlatformModel.mainStatement), at: schema.start)
        case .expandContract:
            if schema.batchCount > 0 {
                scheduler.schedule(.migrationStatement(batch: 0), at: schema.batch(0).start)
            }
            if let validation = schema.validation {
                scheduler.schedule(.migrationStatement(batch: PlatformModel.validationStatement), at: validation.start)
            }
        }
    }

    /// `batch` value of the index build or the table rewrite.
    static let mainStatement: Int32 = -1
    /// `batch` value of the validation read pass.
    static let validationStatement: Int32 = -2

    /// Submits a background statement to the primary's queue at its planned start. A backfill
    /// batch also schedules the next batch at its planned start, because the plan is open-loop
    /// and a slow batch does not delay the next one.
    mutating func handleMigrationStatement(batch: Int32, scheduler: inout Scheduler<Event>) {
        guard let migration else { return }
        let cost: SimDuration
        if batch == PlatformModel.mainStatement {
            if let build = migration.indexBuild {
                cost = build.duration
            } else if let schema = migration.schema {
                cost = schema.end - schema.start
            } else {
                return
            }
        } else if batch == PlatformModel.validationStatement {
            guard let validation = migration.schema?.validation else { return }
            cost = validation.cost
        } else {
            guard let schema = migration.schema, Int(batch) < schema.batchCount else { return }
            cost = schema.batch(Int(batch)).cost
            let next = Int(batch) + 1
            if next < schema.batchCount {
                scheduler.schedule(.migrationStatement(batch: Int32(next)), at: schema.batch(next).start)
            }
        }
        self.migration?.waitingCosts.append(cost)
        if primary.arrive(PlatformModel.backgroundStatement, at: scheduler.now) == .startService {
            startPrimaryService(PlatformModel.backgroundStatement, scheduler: &scheduler)
        }
    }

    /// Starts the service of `customer`, a request's statement or a background statement, on
    /// a core of the primary.
    mutating func startPrimaryService(_ customer: Int32, scheduler: inout Scheduler<Event>) {
        guard customer == PlatformModel.backgroundStatement else {
            scheduleStatement(customer, target: -1, scheduler: &scheduler)
            return
        }
        let cost = migration?.waitingCosts.popFirst() ?? .zero
        migration?.statementSeconds += cost.seconds
        scheduler.schedule(.backgroundStatementDone, after: cost)
    }

    mutating func handleBackgroundStatementDone(scheduler: inout Scheduler<Event>) {
        if let next = primary.depart(at: scheduler.now) {
            startPrimaryService(next.customer, scheduler: &scheduler)
        }
        migration?.statementsDone += 1
    }

    /// Holds a statement on messages back until the table lock ends, or until the lock wait
    /// timeout when the lock outlasts it. The request keeps its connection meanwhile, as a
    /// blocked backend does.
    mutating func waitForLock(_ id: Int32, until end: SimTime, scheduler: inout Scheduler<Event>) {
        let wait = end - scheduler.now
        let timeout = scenario.parameters.database.lockWaitTimeout
        requests[id].isLockWaitTimingOut = wait > timeout
        requests[id].pendingLayer = .database
        scheduler.schedule(.lockWaitEnd(request: id), after: min(wait, timeout))
    }

    /// Sends the statement once the lock has ended, or fails the request when its wait timed out.
    mutating func handleLockWaitEnd(_ id: Int32, scheduler: inout Scheduler<Event>) {
        guard requests[id].isLockWaitTimingOut else {
            sendStatement(id, scheduler: &scheduler)
            return
        }
        requests[id].isLockWaitTimingOut = false
        charge(id, .database, now: scheduler.now)
        fail(id, .tableLocked, scheduler: &scheduler)
    }

    /// Records a measured chat turn or listing under the migration phase of its arrival.
    mutating func recordMigrationPhase(_ request: PlatformRequest, latency: SimDuration?, failure: FailureCause?) {
        guard migration != nil, request.isMeasured else { return }
        guard request.kind == .chat || request.kind == .listing else { return }
        let phase = migration?.phaseIndex(at: request.arrival) ?? 0
        switch (request.kind, latency) {
        case (.chat, .some(let latency)): migration?.chatLatency[phase].record(latency)
        case (.listing, .some(let latency)): migration?.listingLatency[phase].record(latency)
        case (.chat, .none):
            migration?.chatFailed[phase] += 1
            if failure == .tableLocked { migration?.chatTableLocked[phase] += 1 }
        default: break
        }
    }
}

extension PlatformModel {
    /// Adds the migration's figures: its plan, then chat and listing figures per phase, named
    /// `migration.phase_<name>.<figure>`. Nothing is added without a migration.
    func measureMigration(into set: inout MetricSet) {
        guard let migration else { return }
        set.set("migration.end_s", migration.end.seconds)
        set.set("migration.lock_s", migration.lockSeconds)
        set.set("migration.background_statements", Double(migration.statementsDone))
        set.set("migration.background_seconds", migration.statementSeconds)
        for (index, name) in migration.phaseNames.enumerated() {
            let prefix = "migration.phase_\(name)"
            let chat = migration.chatLatency[index]
            set.set("\(prefix).chat_completed", Double(chat.count))
            set.set("\(prefix).chat_failed", Double(migration.chatFailed[index]))
            set.set("\(prefix).chat_table_locked", Double(migration.chatTableLocked[index]))
            set.set("\(prefix).chat_p95_ms", milliseconds(chat.percentile(95)))
            set.set("\(prefix).listing_p95_ms", milliseconds(migration.listingLatency[index].percentile(95)))
        }
    }
}
