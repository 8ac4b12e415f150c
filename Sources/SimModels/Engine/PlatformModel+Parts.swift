import ScaleSim

/// The CPU pool a burst runs on: the app servers or the runtime workers.
enum CPUPool {
    case app
    case runtime
}

extension PlatformModel {
    // MARK: - Delays

    /// Waits `duration`, then resumes the request, charging the wait to `layer`.
    mutating func delay(_ id: Int32, _ duration: SimDuration, layer: Layer = .cdn,
                        scheduler: inout Scheduler<Event>) -> StepResult {
        requests[id].pendingLayer = layer
        scheduler.schedule(.resume(request: id), after: duration)
        return .wait
    }

    // MARK: - Tenant limits

    /// Takes one of the tenant's concurrent-conversation slots and a token of its rate limit for
    /// a chat turn. Both are Redis counters, so the check costs one Redis command. Other
    /// requests are not limited.
    mutating func admitTenant(_ id: Int32, holdsSlot: Bool, scheduler: inout Scheduler<Event>) -> StepResult {
        // Mutated in place through the optional: copying the limiter out would copy its arrays.
        let tenant = Int(requests[id].tenant)
        guard holdsSlot, let admission = tenantLimiter?.admit(tenant: tenant, plan: setup.population.plans[tenant],
                                                              at: scheduler.now) else { return .next }
        // The tenant's counter key lives in Redis memory like every other key.
        let counter = UInt64(tenant)
        if !redisMemory.touch(.counter, key: counter, at: scheduler.now) {
            applyRedisWrite(redisMemory.write(.counter, key: counter, bytes: PlatformModel.counterBytes, at: scheduler.now),
                            cacheKey: nil, scheduler: &scheduler)
        }
        switch admission {
        case .admitted:
            requests[id].holdsTenantSlot = true
            return runRedis(id, layer: .tenantLimit, scheduler: &scheduler)
        case .rejectedConcurrency:
            fail(id, .tenantConcurrency, scheduler: &scheduler)
            return .ended
        case .rejectedRate:
            fail(id, .tenantRate, scheduler: &scheduler)
            return .ended
        }
    }

    // MARK: - App servers

    /// Takes a worker slot (and the memory of a conversation) on an app server, waiting up to
    /// the admission timeout.
    mutating func acquireAppSlot(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        switch appSlots.acquire(id, at: scheduler.now) {
        case .granted:
            requests[id].holdsAppSlot = true
            charge(id, .appWait, now: scheduler.now)
            return .next
        case .queued(let ticket):
            requests[id].pendingLayer = .appWait
            requests[id].timeoutHandle = scheduler.schedule(
                .appAdmissionTimeout(request: id, ticket: ticket), after: scenario.parameters.app.admissionTimeout)
            return .wait
        case .rejected:
            fail(id, .appOverloaded, scheduler: &scheduler)
            return .ended
        }
    }

    mutating func releaseAppSlot(_ id: Int32, scheduler: inout Scheduler<Event>) {
        guard requests[id].holdsAppSlot else { return }
        requests[id].holdsAppSlot = false
        if let next = appSlots.release(at: scheduler.now) {
            grantAppSlot(next.waiter, scheduler: &scheduler)
        }
    }

    mutating func grantAppSlot(_ id: Int32, scheduler: inout Scheduler<Event>) {
        if let handle = requests[id].timeoutHandle {
            scheduler.cancel(handle)
            requests[id].timeoutHandle = nil
        }
        requests[id].holdsAppSlot = true
        resume(id, charging: .appWait, scheduler: &scheduler)
    }

    /// Takes a background worker for a billing job, or an app slot when there are none.
    mutating func acquireBackgroundWorker(_ id: Int32, scheduler: inout Scheduler<Event>) -> StepResult {
        guard scenario.architecture.backgroundWorkers > 0 else {
            return acquireAppSlot(id, scheduler: &scheduler)
        }
        switch backgroundSlots.acquire(id, at: scheduler.now) {
        case .granted:
            requests[id].holdsRuntimeWorker = true
            charge(id, .queueWait, now: scheduler.now)
            return .next
        case .queued:
            requests[id].pendingLayer = .queueWait
            return .wait
        case .rejected:
            fail(id, .backpressure, scheduler: &scheduler)
            return .ended
        }
    }

    // MARK: - CPU

    /// Runs a CPU burst of `seconds` on the app servers' or the runtime workers' cores.
    mutating func runCPU(_ id: Int32, on pool: CPUPool, seconds: Double, scheduler: inout Scheduler<Event>) -> StepResult {
        requests[id].pendingLayer = .appCPU
        requests[id].cpuSeconds = seconds
        let admission: StationAdmission
        switch pool {
        case .app: admission = appCPU.arrive(id, at: scheduler.now)
        case .runtime: admission = runtimeCPU.arrive(id, at: scheduler.now)
        }
        if admission == .startService {
            scheduleCPU(id, on: pool, scheduler: &scheduler)
        }
        return .wait
    }

    mutating func scheduleCPU(_ id: Int32, on pool: CPUPool, scheduler: inout Scheduler<Event>) {
        let burst = SimDuration.seconds(requests[id].cpuSeconds)
        switch pool {
        case .app: scheduler.schedule(.appCPUDone(request: id), after: burst)
        case .runtime: scheduler.schedule(.runtimeCPUDone(request: id), after: burst)
        }
    }

    mutating func handleCPUDone(_ id: Int32, on pool: CPUPool, scheduler: inout Scheduler<Event>) {
        let next: (customer: Int32, arrivedAt: SimTime)?
        switch pool {
        case .app: next = appCPU.depart(at: scheduler.now)
        case .runtime: next = runtimeCPU.depart(at: scheduler.now)
        }
        if let next {
            scheduleCPU(next.customer, on: pool, scheduler: &scheduler)
        }
        resume(id, charging: .appCPU, scheduler: &scheduler)
    }

    // MARK: - Redis

    /// Sends one Redis command: a round trip plus service on the single-threaded server.
    mutating func runRedis(_ id: Int32, layer: Layer = .redis, scheduler: inout Scheduler<Event>) -> StepResult {
        requests[id].pendingLayer = layer
        if redis.arrive(id, at: scheduler.now) == .startService {
            scheduler.schedule(.redisDone(request: id), after: scenario.parameters.redis.operationService)
        }
        return .wait
    }

    /// Applies what a write to Redis memory evicted: cache entries leave the response cache, and
    /// an evicted queue key loses every queued job. A write refused at maxmemory stores nothing.
    mutating func applyRedisWrite(_ result: RedisWriteResult, cacheKey: UInt64?, scheduler: inout Scheduler<Event>) {
        let eviction = result.eviction
        for evicted in eviction.cacheKeys {
            responseCache?.evict(evicted)
        }
        if eviction.lostJobs > 0 {
            dropQueuedJobs(scheduler: &scheduler)
        }
        if !result.isStored, let cacheKey {
            responseCache?.evict(cacheKey)
        }
    }

    /// Sends a Redis command that no request waits for (a counter decrement), so it only adds
    /// load to the server.
    mutating func sendRedisWithoutWaiting(scheduler: inout Scheduler<Event>) {
        if redis.arrive(-1, at: scheduler.now) == .startService {
            scheduler.schedule(.redisDone(request: -1), after: scenario.parameters.redis.operationService)
        }
    }

    /// Ends a Redis command: a cache lookup or store takes effect, and the reply travels back.
    ///
    /// Cached responses take Redis memory beside the job queue and the tenant counters, so under
    /// allkeys-lru a growing cache can evict an idle queue key and lose its jobs.
    mutating func handleRedisDone(_ id: Int32, scheduler: inout Scheduler<Event>) {
        if let next = redis.depart(at: scheduler.now) {
            scheduler.schedule(.redisDone(request: next.customer), after: scenario.parameters.redis.operationService)
        }
        guard id >= 0 else { return }
        // The reply travels back: the round trip is paid after the server's work.
        let step = requests[id].step
        if requests[id].kind == .chat, step == ChatStep.cacheLookup.rawValue, responseCache != nil {
            let hit = responseCache?.lookup(requests[id].messageKey, at: scheduler.now) ?? false
            if hit {
                redisMemory.touch(.cacheEntry, key: requests[id].messageKey, at: scheduler.now)
            }
            requests[id].cacheHit = hit
            if requests[id].isMeasured {
                metrics.cacheLookups += 1
                if hit { metrics.cacheHits += 1 }
            }
        } else if requests[id].kind == .chat, step == ChatStep.cacheStore.rawValue, responseCache != nil {
            let key = requests[id].messageKey
            let bytes = scenario.parameters.responseBytes
            responseCache?.store(key, bytes: bytes, at: scheduler.now)
            applyRedisWrite(redisMemory.write(.cacheEntry, key: key, bytes: bytes, at: scheduler.now),
                            cacheKey: key, scheduler: &scheduler)
        }
        scheduler.schedule(.resume(request: id), after: scenario.parameters.redis.roundTrip)
    }
}
