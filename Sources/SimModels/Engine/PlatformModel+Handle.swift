import ScaleSim

extension PlatformModel {
    public mutating func handle(_ event: Event, scheduler: inout Scheduler<Event>) {
        switch event {
        case .sessionArrival:
            handleSessionArrival(scheduler: &scheduler)
        case .turn(let session):
            handleTurn(session: session, scheduler: &scheduler)
        case .analyticsArrival:
            handleAnalyticsArrival(scheduler: &scheduler)
        case .billingTick:
            handleBillingTick(scheduler: &scheduler)
        case .traceArrival(let copy):
            handleTraceArrival(copy: copy, scheduler: &scheduler)
        case .resume(let request):
            resume(request, charging: requests[request].pendingLayer, scheduler: &scheduler)
        case .appCPUDone(let request):
            handleCPUDone(request, on: .app, scheduler: &scheduler)
        case .runtimeCPUDone(let request):
            handleCPUDone(request, on: .runtime, scheduler: &scheduler)
        case .databaseDone(let request, let target):
            handleDatabaseDone(request, target: target, scheduler: &scheduler)
        case .statementReturned(let request):
            statementReturned(request, scheduler: &scheduler)
        case .redisDone(let request):
            handleRedisDone(request, scheduler: &scheduler)
        case .appAdmissionTimeout(let request, let ticket):
            if appSlots.abandon(ticket, at: scheduler.now) != nil {
                requests[request].timeoutHandle = nil
                charge(request, .appWait, now: scheduler.now)
                fail(request, .appOverloaded, scheduler: &scheduler)
            }
        case .poolTimeout(let request, let ticket):
            if pooler?.abandon(ticket, at: scheduler.now) != nil {
                requests[request].timeoutHandle = nil
                charge(request, .poolWait, now: scheduler.now)
                fail(request, .poolTimeout, scheduler: &scheduler)
            }
        case .workerSlotTimeout:
            break
        case .llmDone(let request, let outcome, let provider):
            handleLLMDone(request, outcome: outcome, provider: provider, scheduler: &scheduler)
        case .jobRequeue(let request):
            handleJobRequeue(request, scheduler: &scheduler)
        case .warmupEnd:
            resetStatistics(at: scheduler.now)
        case .sample:
            handleSample(scheduler: &scheduler)
        case .migrationStatement(let batch):
            handleMigrationStatement(batch: batch, scheduler: &scheduler)
        case .backgroundStatementDone:
            handleBackgroundStatementDone(scheduler: &scheduler)
        case .lockWaitEnd(let request):
            handleLockWaitEnd(request, scheduler: &scheduler)
        }
        if let stop = stopPolicy, requests.live > stop.maximumInFlight {
            scheduler.stop()
        }
    }

    /// Forgets the warm-up's statistics; the state (queues, caches, lag) carries on.
    mutating func resetStatistics(at now: SimTime) {
        appSlots.resetStatistics(at: now)
        appCPU.resetStatistics(at: now)
        runtimeSlots.resetStatistics(at: now)
        runtimeCPU.resetStatistics(at: now)
        backgroundSlots.resetStatistics(at: now)
        pooler?.resetStatistics(at: now)
        directConnectionsLevel.reset(at: now)
        primary.resetStatistics(at: now)
        for index in replicas.indices {
            replicas[index].resetStatistics(at: now)
            replicationLags[index].resetStatistics(at: now)
        }
        redis.resetStatistics(at: now)
        for index in llm.indices {
            llm[index].resetStatistics()
        }
        responseCache?.resetStatistics()
        jobQueueLength.reset(at: now)
    }
}
