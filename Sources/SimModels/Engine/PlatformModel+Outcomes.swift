import ScaleSim

extension PlatformModel {
    /// Ends a request that completed: releases what it holds and records its latency.
    mutating func finish(_ id: Int32, scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let request = requests[id]
        if request.isJob { jobLedger.complete() }
        release(id, scheduler: &scheduler)
        metrics.requestsCompleted += 1
        recordMigrationPhase(request, latency: now - request.arrival, failure: nil)

        if request.kind == .chat {
            window.chatCompleted += 1
            window.chatLatency.record(now - request.arrival)
        }
        if request.isMeasured {
            let latency = now - request.arrival
            let kind = request.kind.index
            metrics.kinds[kind].completed += 1
            metrics.kinds[kind].latency.record(latency)
            metrics.kinds[kind].latencyMoments.record(latency.seconds)
            if request.kind == .chat {
                let plan = setup.population.plans[Int(request.tenant)]
                metrics.chatLatencyByPlan[plan.index].record(latency)
                if Int(request.tenant) == setup.busiestTenant {
                    metrics.busiestTenantChat.record(latency)
                } else {
                    metrics.otherTenantsChat.record(latency)
                }
            }
        }
        let session = request.session
        let isChat = request.kind == .chat
        requests.remove(id)
        if isChat {
            scheduleNextTurn(session: session, scheduler: &scheduler)
        }
    }

    /// Ends a request that failed with `cause`.
    ///
    /// A failed chat turn still lets the user go on: the next turn follows after a think time,
    /// as a user retries by hand, so the session's draws stay the same.
    mutating func fail(_ id: Int32, _ cause: FailureCause, scheduler: inout Scheduler<Event>,
                       countedInLedger: Bool = false) {
        let request = requests[id]
        if request.isJob && !countedInLedger { jobLedger.fail() }
        release(id, scheduler: &scheduler)
        metrics.requestsFailed += 1
        recordMigrationPhase(request, latency: nil, failure: cause)
        if request.kind == .chat {
            window.chatFailed += 1
        }
        if request.isMeasured {
            metrics.kinds[request.kind.index].failures[cause.index] += 1
            if cause == .tenantConcurrency || cause == .tenantRate {
                metrics.tenantRejections[Int(request.tenant)] += 1
            }
            if request.kind == .chat, request.isJob == false, scenario.architecture.queue != nil {
                // Rejected before the queue: the API returned an error.
                metrics.kinds[RequestKind.chatAPI.index].arrivals += 1
                metrics.kinds[RequestKind.chatAPI.index].failures[cause.index] += 1
            }
        }
        let session = request.session
        let isChat = request.kind == .chat
        requests.remove(id)
        if isChat {
            scheduleNextTurn(session: session, scheduler: &scheduler)
        }
    }

    /// Gives back everything the request holds: tenant slot, app slot, connection, worker.
    mutating func release(_ id: Int32, scheduler: inout Scheduler<Event>) {
        if let handle = requests[id].timeoutHandle {
            scheduler.cancel(handle)
            requests[id].timeoutHandle = nil
        }
        if requests[id].holdsTenantSlot, tenantLimiter != nil {
            tenantLimiter?.release(tenant: Int(requests[id].tenant), at: scheduler.now)
            requests[id].holdsTenantSlot = false
            sendRedisWithoutWaiting(scheduler: &scheduler)
        }
        releaseConnection(id, scheduler: &scheduler)
        freeRuntimeWorker(id, scheduler: &scheduler)
        releaseAppSlot(id, scheduler: &scheduler)
    }
}
