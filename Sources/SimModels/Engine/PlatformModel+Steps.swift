import ScaleSim

/// The outcome of a step: the request continues at once, waits for an event, or has ended.
enum StepResult {
    case next
    case wait
    case ended
}

/// Steps of a chat turn. Without a queue the API server runs them all. With a queue the API
/// runs `admit` to `enqueue`, and a runtime worker runs `workerSlot` to `complete`.
enum ChatStep: UInt8 {
    case admit = 0, appSlot, acceptCPU, insertUserMessage, enqueue
    case workerSlot, pop
    case promptCPU, cacheLookup, llm, parseCPU, writeReply, inlineBilling, cacheStore, complete, finish
}

extension PlatformModel {
    /// Runs the request's steps until one has to wait or the request ends.
    mutating func advance(_ id: Int32, scheduler: inout Scheduler<Event>) {
        while true {
            let result: StepResult
            switch requests[id].kind {
            case .chat, .chatAPI: result = chatStep(id, scheduler: &scheduler)
            case .listing: result = listingStep(id, scheduler: &scheduler)
            case .analytics: result = analyticsStep(id, scheduler: &scheduler)
            case .billing: result = billingStep(id, scheduler: &scheduler)
            case .asset: result = assetStep(id, scheduler: &scheduler)
            }
            switch result {
            case .next: requests[id].step += 1
            case .wait: return
            case .ended: return
            }
        }
    }

    /// Resumes a request after the event it waited for, charging the wait to `layer`.
    mutating func resume(_ id: Int32, charging layer: Layer, scheduler: inout Scheduler<Event>) {
        charge(id, layer, now: scheduler.now)
        requests[id].step += 1
        advance(id, scheduler: &scheduler)
    }

    /// Adds the time since the request's last charge to `layer`.
    mutating func charge(_ id: Int32, _ layer: Layer, now: SimTime) {
        let request = requests[id]
        if request.isMeasured {
            metrics.charge(request.kind, layer, now - request.segmentStart)
            // With a queue, a chat turn's steps before the enqueue are the API call's own.
            if request.kind == .chat && !request.isJob && scenario.architecture.queue != nil {
                metrics.charge(.chatAPI, layer, now - request.segmentStart)
            }
        }
        requests[id].segmentStart = now
    }

    // MARK: - Chat

    mutating func chatStep(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        let request = requests[id]
        let queued = scenario.architecture.queue != nil
        guard let step = ChatStep(rawValue: request.step) else { return .ended }
        switch step {
        case .admit:
            return admitTenant(id, holdsSlot: true, scheduler: &scheduler)
        case .appSlot:
            return acquireAppSlot(id, scheduler: &scheduler)
        case .acceptCPU:
            // With the runtime on the API server, building the prompt is the API's CPU work.
            let parameters = scenario.parameters.app
            let cpu = queued ? parameters.renderCPU : parameters.promptBuildCPU
            return runCPU(id, on: .app, seconds: cpu.sample(using: &appCPUStream), scheduler: &scheduler)
        case .insertUserMessage:
            // While a migration's dual writes are on, each message is written in both shapes.
            let copies = migration?.hasDualWrites(at: scheduler.now) == true ? 2 : 1
            return runWrite(id, statements: copies, seconds: setup.messageInsertSeconds, scheduler: &scheduler)
        case .enqueue:
            guard queued else {
                // The API server runs the agent itself: skip the queue steps and the prompt.
                requests[id].step = ChatStep.cacheLookup.rawValue - 1
                return .next
            }
            return enqueue(id, scheduler: &scheduler)
        case .workerSlot:
            return takeRuntimeWorker(id, scheduler: &scheduler)
        case .pop:
            return popJob(id, scheduler: &scheduler)
        case .promptCPU:
            let cpu = scenario.parameters.app.promptBuildCPU.sample(using: &runtimeCPUStream)
            return runCPU(id, on: .runtime, seconds: cpu, scheduler: &scheduler)
        case .cacheLookup:
            guard responseCache != nil else { return .next }
            return runRedis(id, scheduler: &scheduler)
        case .llm:
            if requests[id].cacheHit { return .next }
            return callLLM(id, provider: 0, scheduler: &scheduler)
        case .parseCPU:
            let cpu = scenario.parameters.app.responseParseCPU
            if queued {
                return runCPU(id, on: .runtime, seconds: cpu.sample(using: &runtimeCPUStream), scheduler: &scheduler)
            }
            return runCPU(id, on: .app, seconds: cpu.sample(using: &appCPUStream), scheduler: &scheduler)
        case .writeReply:
            // The usage event lands in the current month's partition: without the creation job,
            // none exists after the month boundary, and the turn fails once its inserts ran.
            if let calendar = setup.partitionCalendar, !calendar.insertSucceeds(at: scheduler.now) {
                requests[id].failureAfterDatabase = .missingPartition
            }
            if migration?.hasDualWrites(at: scheduler.now) == true {
                // The usage event, then the reply in both shapes.
                return runWrite(id, statements: 3, seconds: setup.usageInsertSeconds,
                                following: setup.messageInsertSeconds, scheduler: &scheduler)
            }
            // The reply and its usage event: two inserts in one connection.
            return runWrite(id, statements: 2, seconds: setup.messageInsertSeconds,
                            following: setup.usageInsertSeconds, scheduler: &scheduler)
        case .inlineBilling:
            guard !scenario.architecture.backgroundBilling else { return .next }
            let cost = setup.billingCosts[Int(request.tenant)]
            return runDatabase(id, cost: cost, target: -1, isWrite: false, scheduler: &scheduler)
        case .cacheStore:
            guard responseCache != nil, !requests[id].cacheHit else { return .next }
            return runRedis(id, scheduler: &scheduler)
        case .complete:
            guard queued else { return .next }
            return runRedis(id, scheduler: &scheduler)
        case .finish:
            finish(id, scheduler: &scheduler)
            return .ended
        }
    }

    // MARK: - Listing, analytics, billing, assets

    mutating func listingStep(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        let tenant = Int(requests[id].tenant)
        return dashboardReadStep(id, cost: setup.listingCosts[tenant],
                                 onReplica: scenario.architecture.replicas.listingOnReplica,
                                 touchesMessages: true, scheduler: &scheduler)
    }

    mutating func analyticsStep(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        let tenant = Int(requests[id].tenant)
        return dashboardReadStep(id, cost: setup.analyticsCosts[tenant],
                                 onReplica: scenario.architecture.replicas.analyticsOnReplica,
                                 touchesMessages: false, scheduler: &scheduler)
    }

    /// Steps of a page read (the listing or an analytics query): an app slot, one database call
    /// on the primary or a replica, a render on the app's CPU.
    mutating func dashboardReadStep(_ id: Int32, cost: QueryCostBreakdown, onReplica: Bool, touchesMessages: Bool,
                                    scheduler: inout Scheduler<Event>) -> StepResult {
        switch requests[id].step {
        case 0: return admitTenant(id, holdsSlot: false, scheduler: &scheduler)
        case 1: return acquireAppSlot(id, scheduler: &scheduler)
        case 2:
            let target = readTarget(for: id, onReplica: onReplica, now: scheduler.now)
            return runDatabase(id, cost: cost, target: target, isWrite: false, touchesMessages: touchesMessages,
                               scheduler: &scheduler)
        case 3:
            let cpu = scenario.parameters.app.renderCPU.sample(using: &appCPUStream)
            return runCPU(id, on: .app, seconds: cpu, scheduler: &scheduler)
        default:
            finish(id, scheduler: &scheduler)
            return .ended
        }
    }

    mutating func billingStep(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        switch requests[id].step {
        case 0: return acquireBackgroundWorker(id, scheduler: &scheduler)
        case 1:
            return runDatabase(id, cost: setup.billingCosts[Int(requests[id].tenant)], target: -1,
                               isWrite: false, scheduler: &scheduler)
        default:
            finish(id, scheduler: &scheduler)
            return .ended
        }
    }

    mutating func assetStep(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        let cdn = scenario.architecture.cdn
        switch requests[id].step {
        case 0:
            guard cdn else { return .next }
            requests[id].cacheHit = cdnStream.nextUnit() >= scenario.parameters.cdn.missRatio
            return delay(id, scenario.parameters.cdn.edgeLatency, scheduler: &scheduler)
        case 1:
            if cdn && requests[id].cacheHit { return .next }
            return acquireAppSlot(id, scheduler: &scheduler)
        case 2:
            if cdn && requests[id].cacheHit { return .next }
            let cpu = scenario.parameters.app.assetCPU.sample(using: &appCPUStream)
            return runCPU(id, on: .app, seconds: cpu, scheduler: &scheduler)
        default:
            finish(id, scheduler: &scheduler)
            return .ended
        }
    }
}
