import Foundation
import ScaleSim

extension PlatformModel {
    /// Runs `statements` inserts on the primary in one connection, the first costing `seconds`
    /// of server time and the rest `following` (or `seconds`).
    mutating func runWrite(_ id: Int32, statements: Int, seconds: Double, following: Double? = nil,
                           scheduler: inout Scheduler<Event>) -> StepResult {
        let cost = QueryCostBreakdown(statements: statements, firstStatementSeconds: seconds,
                                      followingStatementSeconds: following ?? seconds, rowsScanned: Double(statements))
        return runDatabase(id, cost: cost, target: -1, isWrite: true, touchesMessages: true, scheduler: &scheduler)
    }

    /// Runs a database call: takes a connection (pooler or direct) on the primary, or goes to a
    /// replica, then sends each statement, paying a round trip and queueing for a core.
    mutating func runDatabase(_ id: Int32, cost: QueryCostBreakdown, target: Int32, isWrite: Bool,
                              touchesMessages: Bool = false, scheduler: inout Scheduler<Event>) -> StepResult {
        requests[id].statementsLeft = Int32(cost.statements)
        requests[id].firstStatementSeconds = cost.firstStatementSeconds
        requests[id].followingStatementSeconds = cost.followingStatementSeconds
        requests[id].isFirstStatement = true
        requests[id].databaseTarget = target
        requests[id].databaseIsWrite = isWrite
        requests[id].databaseTouchesMessages = touchesMessages

        // Replicas take reads directly; the primary needs a connection first.
        guard target < 0 else {
            requests[id].pendingLayer = .database
            sendStatement(id, scheduler: &scheduler)
            return .wait
        }
        if let admission = pooler?.acquire(id, at: scheduler.now) {
            switch admission {
            case .granted:
                requests[id].holdsConnection = true
                charge(id, .poolWait, now: scheduler.now)
            case .queued(let ticket):
                requests[id].pendingLayer = .poolWait
                let timeout = scenario.architecture.pooler?.waitTimeout ?? .seconds(5)
                requests[id].timeoutHandle = scheduler.schedule(.poolTimeout(request: id, ticket: ticket), after: timeout)
                return .wait
            case .rejected:
                fail(id, .poolTimeout, scheduler: &scheduler)
                return .ended
            }
        } else {
            guard directConnections < scenario.parameters.database.maxConnections else {
                fail(id, .tooManyConnections, scheduler: &scheduler)
                return .ended
            }
            directConnections += 1
            directConnectionsLevel.record(Double(directConnections), at: scheduler.now)
            requests[id].holdsConnection = true
        }
        requests[id].pendingLayer = .database
        sendStatement(id, scheduler: &scheduler)
        return .wait
    }

    /// Sends the first statement of a request that the pooler just handed a connection.
    mutating func grantConnection(_ id: Int32, scheduler: inout Scheduler<Event>) {
        if let handle = requests[id].timeoutHandle {
            scheduler.cancel(handle)
            requests[id].timeoutHandle = nil
        }
        requests[id].holdsConnection = true
        charge(id, .poolWait, now: scheduler.now)
        requests[id].pendingLayer = .database
        sendStatement(id, scheduler: &scheduler)
    }

    /// Sends the next statement: it reaches the server after the round trip's first half, and
    /// its result comes back after the second.
    ///
    /// A statement on messages that meets a migration's table lock on the primary waits first.
    mutating func sendStatement(_ id: Int32, scheduler: inout Scheduler<Event>) {
        let target = requests[id].databaseTarget
        if target < 0, requests[id].databaseTouchesMessages,
           let end = migration?.lockedUntil(at: scheduler.now, isWrite: requests[id].databaseIsWrite) {
            waitForLock(id, until: end, scheduler: &scheduler)
            return
        }
        let admission = target < 0 ? primary.arrive(id, at: scheduler.now) : replicas[Int(target)].arrive(id, at: scheduler.now)
        if admission == .startService {
            scheduleStatement(id, target: target, scheduler: &scheduler)
        }
    }

    /// Schedules the end of the statement now in service, with its round trip folded in.
    mutating func scheduleStatement(_ id: Int32, target: Int32, scheduler: inout Scheduler<Event>) {
        let request = requests[id]
        let mean = request.isFirstStatement ? request.firstStatementSeconds : request.followingStatementSeconds
        let jitter: Double
        if target < 0 {
            jitter = statementJitter(&primaryStream)
        } else {
            jitter = statementJitter(&replicaStreams[Int(target)])
        }
        scheduler.schedule(.databaseDone(request: id, target: target), after: .seconds(mean * jitter))
    }

    /// Draws a multiplicative jitter with mean 1 for a statement's execution time: a lognormal with a
    /// coefficient of variation of 0.3, an estimate matching the spread between the calibration's
    /// median and p95 for mid-size statements.
    func statementJitter(_ rng: inout Xoshiro256StarStar) -> Double {
        let sigma = 0.2936
        let z = Normal.standardSample(using: &rng)
        return exp(sigma * z - sigma * sigma / 2)
    }

    mutating func handleDatabaseDone(_ id: Int32, target: Int32, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        if target < 0 {
            if let next = primary.depart(at: now) {
                startPrimaryService(next.customer, scheduler: &scheduler)
            }
        } else if let next = replicas[Int(target)].depart(at: now) {
            scheduleStatement(next.customer, target: target, scheduler: &scheduler)
        }
        if target < 0 && requests[id].databaseIsWrite {
            recordWrite(id, at: now)
        }
        requests[id].statementsLeft -= 1
        requests[id].isFirstStatement = false
        // The result crosses the network back to the app before the next statement goes out.
        scheduler.schedule(.statementReturned(request: id), after: scenario.parameters.database.roundTrip)
    }

    /// After a statement's round trip: send the next one, or release the connection and go on.
    mutating func statementReturned(_ id: Int32, scheduler: inout Scheduler<Event>) {
        if requests[id].statementsLeft > 0 {
            sendStatement(id, scheduler: &scheduler)
            return
        }
        releaseConnection(id, scheduler: &scheduler)
        if let cause = requests[id].failureAfterDatabase {
            requests[id].failureAfterDatabase = nil
            charge(id, .database, now: scheduler.now)
            fail(id, cause, scheduler: &scheduler)
            return
        }
        resume(id, charging: .database, scheduler: &scheduler)
    }

    mutating func releaseConnection(_ id: Int32, scheduler: inout Scheduler<Event>) {
        guard requests[id].holdsConnection else { return }
        requests[id].holdsConnection = false
        if pooler != nil {
            if let next = pooler?.release(at: scheduler.now) {
                grantConnection(next.waiter, scheduler: &scheduler)
            }
        } else {
            directConnections -= 1
            directConnectionsLevel.record(Double(directConnections), at: scheduler.now)
        }
    }

    /// Adds a committed write to every replica's replay queue and stores its log position in the
    /// writer's session, so that a later read can tell whether a replica has applied it.
    mutating func recordWrite(_ id: Int32, at now: SimTime) {
        guard !replicationLags.isEmpty else { return }
        var position: Int64 = -1
        for index in replicationLags.indices {
            position = replicationLags[index].recordWrite(at: now, applyTime: scenario.parameters.database.replicaApplyPerWrite).position
        }
        let session = requests[id].session
        if session >= 0 {
            sessions[Int(session)].lastWritePosition = position
        }
    }

    /// Returns the database for a read: -1 for the primary, else a replica index. Reads go to
    /// the replicas in turn when the architecture routes them there, unless read-your-writes
    /// finds the reader's last write not yet applied on the chosen replica.
    mutating func readTarget(for id: Int32, onReplica: Bool, now: SimTime) -> Int32 {
        guard onReplica, !replicas.isEmpty else { return -1 }
        let replica = replicaChoice % replicas.count
        replicaChoice += 1
        let session = requests[id].session
        let lastWrite = session >= 0 ? sessions[Int(session)].lastWritePosition : -1
        let stale = lastWrite >= 0 && replicationLags[replica].isStale(lastWritePosition: lastWrite, at: now)
        if stale && scenario.architecture.replicas.readYourWrites {
            if requests[id].isMeasured { metrics.readYourWritesRedirects += 1 }
            return -1
        }
        if requests[id].isMeasured {
            metrics.replicaReads += 1
            if stale { metrics.staleReads += 1 }
        }
        return Int32(replica)
    }
}
