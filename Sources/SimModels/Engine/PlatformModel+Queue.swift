import ScaleSim

extension PlatformModel {
    /// Pushes the chat turn's job onto the Redis queue and responds to the API call with 202 Accepted.
    ///
    /// Beyond the backpressure limit the API rejects the turn instead. The job continues when a
    /// runtime worker takes it.
    mutating func enqueue(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        let now = scheduler.now
        if let limit = scenario.architecture.queue?.backpressureLimit, jobQueue.count >= limit {
            fail(id, .backpressure, scheduler: &scheduler)
            return .ended
        }
        let push = redisMemory.pushJobs(1, at: now)
        if push.eviction.lostJobs > 0 {
            dropQueuedJobs(scheduler: &scheduler)
        }
        guard push.isStored else {
            fail(id, .redisOutOfMemory, scheduler: &scheduler)
            return .ended
        }
        sendRedisWithoutWaiting(scheduler: &scheduler)

        // The API's part ends here: it responds and frees its worker slot.
        recordAPIAnswer(id, now: now)
        charge(id, .appCPU, now: now)
        releaseAppSlot(id, scheduler: &scheduler)
        jobLedger.enqueue()
        requests[id].isJob = true
        requests[id].enqueuedAt = now
        pushJob(id, scheduler: &scheduler)
        return .wait
    }

    /// Puts a job at the back of the queue, then hands queued jobs to free workers.
    mutating func pushJob(_ id: Int32, scheduler: inout Scheduler<Event>) {
        requests[id].step = ChatStep.workerSlot.rawValue
        requests[id].pendingLayer = .queueWait
        jobQueue.append(id)
        jobQueueLength.record(Double(jobQueue.count), at: scheduler.now)
        dispatchJobs(scheduler: &scheduler)
    }

    /// Hands queued jobs to free runtime workers, oldest first.
    mutating func dispatchJobs(scheduler: inout Scheduler<Event>) {
        while runtimeSlots.inUse < runtimeSlots.capacity, let job = jobQueue.popFirst() {
            jobQueueLength.record(Double(jobQueue.count), at: scheduler.now)
            _ = redisMemory.popJob(at: scheduler.now)
            jobLedger.take()
            _ = runtimeSlots.acquire(job, at: scheduler.now)
            requests[job].holdsRuntimeWorker = true
            resume(job, charging: .queueWait, scheduler: &scheduler)
        }
    }

    /// Continues at once, because `dispatchJobs` acquired the worker's slot before this step.
    mutating func takeRuntimeWorker(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        .next
    }

    /// Pops the job with one Redis command, unless the crash model draws a crash of the worker.
    ///
    /// A crash frees the worker, then either requeues the job after a delay or loses it.
    mutating func popJob(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        guard let crashModel else { return runRedis(id, scheduler: &scheduler) }
        let outcome = crashModel.draw(using: &crashStream)
        if outcome == .none {
            return runRedis(id, scheduler: &scheduler)
        }

        // A crash: the dead holder never releases the tenant's slot.
        if requests[id].holdsTenantSlot, tenantLimiter != nil {
            tenantLimiter?.holderDied(tenant: Int(requests[id].tenant), at: scheduler.now)
            requests[id].holdsTenantSlot = false
        }
        jobLedger.crash(outcome)
        freeRuntimeWorker(id, scheduler: &scheduler)
        switch outcome {
        case .requeue(let after):
            // The job stays in the processing list; the reaper requeues it after the timeout.
            requests[id].pendingLayer = .queueWait
            requests[id].isAwaitingRequeue = true
            scheduler.schedule(.jobRequeue(request: id), after: after)
            return .wait
        default:
            fail(id, .jobLostCrash, scheduler: &scheduler, countedInLedger: true)
            return .ended
        }
    }

    /// Pushes the job back into the queue after a retry delay or a reaper's timeout.
    mutating func handleJobRequeue(_ id: Int32, scheduler: inout Scheduler<Event>) {
        charge(id, .queueWait, now: scheduler.now)
        if requests[id].isAwaitingRequeue {
            requests[id].isAwaitingRequeue = false
            jobLedger.requeueAfterCrash()
        } else {
            jobLedger.retryDue()
        }
        let push = redisMemory.pushJobs(1, at: scheduler.now)
        if push.eviction.lostJobs > 0 {
            dropQueuedJobs(scheduler: &scheduler)
        }
        guard push.isStored else {
            // Redis rejected the push (noeviction at maxmemory). The ledger already counts the job
            // as queued again, so it is taken and failed at once, as the retrying worker observes.
            jobLedger.take()
            fail(id, .redisOutOfMemory, scheduler: &scheduler)
            return
        }
        pushJob(id, scheduler: &scheduler)
    }

    /// Gives the worker (runtime or background) back without touching the job ledger.
    mutating func freeRuntimeWorker(_ id: Int32, scheduler: inout Scheduler<Event>) {
        guard requests[id].holdsRuntimeWorker else { return }
        requests[id].holdsRuntimeWorker = false
        if requests[id].kind == .billing {
            if let next = backgroundSlots.release(at: scheduler.now) {
                requests[next.waiter].holdsRuntimeWorker = true
                resume(next.waiter, charging: .queueWait, scheduler: &scheduler)
            }
            return
        }
        _ = runtimeSlots.release(at: scheduler.now)
        dispatchJobs(scheduler: &scheduler)
    }

    /// Fails every queued job after Redis evicted the queue key, which loses all jobs queued
    /// before the push.
    mutating func dropQueuedJobs(scheduler: inout Scheduler<Event>) {
        let lost = jobQueue.count
        guard lost > 0 else { return }
        jobLedger.loseQueuedToEviction(lost)
        while let job = jobQueue.popFirst() {
            charge(job, .queueWait, now: scheduler.now)
            fail(job, .jobLostEviction, scheduler: &scheduler, countedInLedger: true)
        }
        jobQueueLength.record(0, at: scheduler.now)
    }

    /// Records the API's 202 response to a chat turn in queue mode as a `chat_api` request.
    mutating func recordAPIAnswer(_ id: Int32, now: SimTime) {
        let request = requests[id]
        guard request.isMeasured else { return }
        let index = RequestKind.chatAPI.index
        metrics.kinds[index].arrivals += 1
        metrics.kinds[index].completed += 1
        let latency = now - request.arrival
        metrics.kinds[index].latency.record(latency)
        metrics.kinds[index].latencyMoments.record(latency.seconds)
    }
}
