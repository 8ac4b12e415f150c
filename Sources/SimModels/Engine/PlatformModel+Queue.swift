import ScaleSim

extension PlatformModel {
    /// Pushes the chat turn's job onto the Redis queue and answers the API call (202 Accepted).
    ///
    /// Beyond the backpressure limit the API rejects the turn instead. The job continues when a
    /// runtime worker takes it.
    mutating func enqueue(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        let now = scheduler.now
        if let limit = scenario.architecture.queue?.backpressureLimit, jobQueue.count >= limit {
            fail(id, .backpressure, scheduler: &scheduler)
            return .ended
        }
        let write = redisMemory.write(.queue, key: RedisMemory.queueKey, bytes: scenario.parameters.redis.jobBytes, at: now)
        switch write {
        case .outOfMemory:
            fail(id, .redisOutOfMemory, scheduler: &scheduler)
            return .ended
        case .stored:
            break
        case .storedAfterEvicting(_, let lostJobs):
            if lostJobs > 0 { dropQueuedJobs(scheduler: &scheduler) }
        }
        sendRedisWithoutWaiting(scheduler: &scheduler)

        // The API's part ends here: it answers and frees its worker slot.
        recordAPIAnswer(id, now: now)
        releaseAppSlot(id, scheduler: &scheduler)
        jobLedger.enqueued += 1
        requests[id].isJob = true
        requests[id].pendingLayer = .queueWait
        requests[id].enqueuedAt = now
        charge(id, .appCPU, now: now)
        pushJob(id, scheduler: &scheduler)
        return .wait
    }

    /// Puts a job at the back of the queue, or straight onto a free worker.
    mutating func pushJob(_ id: Int32, scheduler: inout Scheduler<Event>) {
        requests[id].step = ChatStep.workerSlot.rawValue
        jobQueue.append(id)
        jobLedger.inQueue += 1
        jobQueueLength.record(Double(jobQueue.count), at: scheduler.now)
        dispatchJobs(scheduler: &scheduler)
    }

    /// Hands queued jobs to free runtime workers.
    mutating func dispatchJobs(scheduler: inout Scheduler<Event>) {
        while runtimeSlots.inUse < runtimeSlots.capacity, let job = jobQueue.popFirst() {
            jobQueueLength.record(Double(jobQueue.count), at: scheduler.now)
            jobLedger.inQueue -= 1
            jobLedger.inFlight += 1
            _ = runtimeSlots.acquire(job, at: scheduler.now)
            requests[job].holdsRuntimeWorker = true
            resume(job, charging: .queueWait, scheduler: &scheduler)
        }
    }

    /// A worker's slot in the `workerSlot` step is already held by `dispatchJobs`.
    mutating func takeRuntimeWorker(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        .next
    }

    /// The worker pops the job (a Redis command); it may crash while holding it.
    mutating func popJob(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        let queue = scenario.architecture.queue
        let crashed = crashStream.nextUnit() < scenario.parameters.queue.crashProbabilityPerJob
        guard crashed, let queue else {
            return runRedis(id, scheduler: &scheduler)
        }
        // A crash: the tenant's slot is never released by this holder.
        if requests[id].holdsTenantSlot, var limiter = tenantLimiter {
            limiter.holderDied(tenant: Int(requests[id].tenant), at: scheduler.now)
            tenantLimiter = limiter
            requests[id].holdsTenantSlot = false
        }
        releaseRuntimeWorker(id, scheduler: &scheduler)
        if queue.reliablePop {
            // The job stays in the processing list; the reaper requeues it after the timeout.
            jobLedger.waitingForRetry += 1
            requests[id].pendingLayer = .queueWait
            scheduler.schedule(.jobRequeue(request: id), after: scenario.parameters.queue.visibilityTimeout)
            return .wait
        }
        jobLedger.lost += 1
        jobLedger.lostToCrash += 1
        fail(id, .jobLostCrash, scheduler: &scheduler, countedInLedger: true)
        return .ended
    }

    mutating func handleJobRequeue(_ id: Int32, scheduler: inout Scheduler<Event>) {
        charge(id, .queueWait, now: scheduler.now)
        jobLedger.waitingForRetry -= 1
        pushJob(id, scheduler: &scheduler)
    }

    mutating func releaseRuntimeWorker(_ id: Int32, scheduler: inout Scheduler<Event>) {
        guard requests[id].holdsRuntimeWorker else { return }
        requests[id].holdsRuntimeWorker = false
        if requests[id].kind == .billing {
            if let next = backgroundSlots.release(at: scheduler.now) {
                requests[next.waiter].holdsRuntimeWorker = true
                resume(next.waiter, charging: .queueWait, scheduler: &scheduler)
            }
            return
        }
        jobLedger.inFlight -= 1
        _ = runtimeSlots.release(at: scheduler.now)
        dispatchJobs(scheduler: &scheduler)
    }

    /// Redis evicted the queue key: every queued job is gone.
    mutating func dropQueuedJobs(scheduler: inout Scheduler<Event>) {
        while let job = jobQueue.popFirst() {
            jobLedger.inQueue -= 1
            jobLedger.lost += 1
            jobLedger.lostToEviction += 1
            fail(job, .jobLostEviction, scheduler: &scheduler, countedInLedger: true)
        }
        jobQueueLength.record(0, at: scheduler.now)
    }

    /// Records the API's answer to a chat turn in queue mode.
    mutating func recordAPIAnswer(_ id: Int32, now: SimTime) {
        let request = requests[id]
        guard request.isMeasured else { return }
        metrics.kinds[RequestKind.chatAPI.index].arrivals += 1
        metrics.kinds[RequestKind.chatAPI.index].completed += 1
        let latency = now - request.arrival
        metrics.kinds[RequestKind.chatAPI.index].latency.record(latency)
        metrics.kinds[RequestKind.chatAPI.index].latencyMoments.record(latency.seconds)
    }
}
