import Foundation
import ScaleSim

extension PlatformModel {
    /// Folds the run's state and observations into named figures at `now`.
    func measure(at now: SimTime, events: Int, stoppedEarly: Bool) -> PlatformReplication {
        var set = MetricSet()
        let measuredSeconds = max((now - warmupEnd).seconds, 1e-9)
        let perHour = 3600 / measuredSeconds

        var bottlenecks: [(kind: RequestKind, layer: Layer?)] = []
        let inFlight = measuredInFlight()
        for kind in RequestKind.allCases {
            let observed = metrics.kinds[kind.index]
            let name = kind.rawValue
            set.set("\(name).count", Double(observed.arrivals))
            set.set("\(name).completed", Double(observed.completed))
            set.set("\(name).failed", Double(observed.failed))
            set.set("\(name).in_flight", Double(inFlight[kind.index]))
            set.set("\(name).error_rate", observed.arrivals > 0 ? Double(observed.failed) / Double(observed.arrivals) : 0)
            set.set("\(name).p50_ms", milliseconds(observed.latency.percentile(50)))
            set.set("\(name).p95_ms", milliseconds(observed.latency.percentile(95)))
            set.set("\(name).p99_ms", milliseconds(observed.latency.percentile(99)))
            set.set("\(name).max_ms", milliseconds(observed.latency.max))
            set.set("\(name).mean_ms", observed.latency.count > 0 ? observed.latencyMoments.mean * 1000 : .nan)
            for cause in FailureCause.allCases {
                set.set("\(name).failures.\(cause.rawValue)", Double(observed.failures[cause.index]))
            }
            var busiest: (layer: Layer, nanoseconds: Int64)?
            for layer in Layer.allCases {
                let total = observed.layerNanoseconds[layer.index]
                let mean = observed.arrivals > 0 ? Double(total) / 1e6 / Double(observed.arrivals) : 0
                set.set("\(name).layers_ms.\(layer.rawValue)", mean)
                if total > (busiest?.nanoseconds ?? 0) { busiest = (layer, total) }
            }
            bottlenecks.append((kind, busiest?.layer))
        }

        // Resources: time-average utilization over the measured window.
        set.set("resources.app_slots.utilization", appSlots.utilization(at: now))
        set.set("resources.app_slots.mean_waiting", appSlots.meanWaiting(at: now))
        set.set("resources.app_slots.capacity", Double(appSlots.capacity))
        set.set("resources.app_cpu.utilization", appCPU.utilization(at: now))
        set.set("resources.app_cpu.mean_queue", appCPU.meanQueueLength(at: now))
        let queued = scenario.architecture.queue != nil
        set.set("resources.runtime_workers.utilization", queued ? runtimeSlots.utilization(at: now) : 0)
        set.set("resources.runtime_cpu.utilization", queued ? runtimeCPU.utilization(at: now) : 0)
        set.set("resources.background_workers.utilization",
                scenario.architecture.backgroundWorkers > 0 ? backgroundSlots.utilization(at: now) : 0)
        if let pooler {
            set.set("resources.db_connections.utilization", pooler.utilization(at: now))
            set.set("resources.db_connections.mean_waiting", pooler.meanWaiting(at: now))
        } else {
            let limit = Double(max(scenario.parameters.database.maxConnections, 1))
            set.set("resources.db_connections.utilization", directConnectionsLevel.average(at: now) / limit)
            set.set("resources.db_connections.mean_waiting", 0)
        }
        set.set("resources.db_primary_cpu.utilization", primary.utilization(at: now))
        set.set("resources.db_primary_cpu.mean_queue", primary.meanQueueLength(at: now))
        var replicaUtilization = 0.0
        for replica in replicas {
            replicaUtilization = max(replicaUtilization, replica.utilization(at: now))
        }
        set.set("resources.db_replica_cpu.utilization", replicaUtilization)
        set.set("resources.redis.utilization", redis.utilization(at: now))
        let primaryLLM = llm[0]
        let requestsPerMinute = Double(primaryLLM.requests - primaryLLM.rateLimited) / measuredSeconds * 60
        let tokensPerMinute = Double(primaryLLM.inputTokensBilled + primaryLLM.outputTokensBilled) / measuredSeconds * 60
        set.set("resources.llm_requests_per_minute.utilization",
                min(1, requestsPerMinute / max(scenario.parameters.llm.requestsPerMinute, 1)))
        set.set("resources.llm_tokens_per_minute.utilization",
                min(1, tokensPerMinute / max(scenario.parameters.llm.tokensPerMinute, 1)))

        // The LLM providers, summed.
        var spend = LLMSpend()
        var requests = 0, completed = 0, limited = 0, failed = 0, timeouts = 0
        var inputTokens = 0, cachedTokens = 0, outputTokens = 0
        for provider in llm {
            spend.add(provider.spend)
            requests += provider.requests
            completed += provider.completed
            limited += provider.rateLimited
            failed += provider.failed
            timeouts += provider.timeouts
            inputTokens += provider.inputTokensBilled
            cachedTokens += provider.cachedInputTokensBilled
            outputTokens += provider.outputTokensBilled
        }
        set.set("llm.requests", Double(requests))
        set.set("llm.completed", Double(completed))
        set.set("llm.rate_limited", Double(limited))
        set.set("llm.failed", Double(failed))
        set.set("llm.timeouts", Double(timeouts))
        let chat = metrics.kinds[RequestKind.chat.index]
        set.set("llm.requests_during_incidents", Double(metrics.llmRequestsDuringIncidents))
        set.set("llm.attempts_per_turn", chat.arrivals > 0 ? Double(metrics.llmAttempts) / Double(chat.arrivals) : 0)
        set.set("llm.input_tokens", Double(inputTokens))
        set.set("llm.cached_input_tokens", Double(cachedTokens))
        set.set("llm.output_tokens", Double(outputTokens))
        set.set("llm.spend_dollars", spend.totalDollars)
        set.set("llm.spend_dollars_per_hour", spend.totalDollars * perHour)

        set.set("cache.lookups", Double(metrics.cacheLookups))
        set.set("cache.hits", Double(metrics.cacheHits))
        set.set("cache.hit_ratio", metrics.cacheLookups > 0 ? Double(metrics.cacheHits) / Double(metrics.cacheLookups) : 0)

        set.set("database.month", setup.month)
        set.set("database.messages_rows", setup.messageRows)
        set.set("database.conversations_rows", setup.conversationRows)
        set.set("database.usage_events_rows", setup.usageRows)
        set.set("database.replica_reads", Double(metrics.replicaReads))
        set.set("database.stale_reads", Double(metrics.staleReads))
        set.set("database.stale_read_ratio", metrics.replicaReads > 0 ? Double(metrics.staleReads) / Double(metrics.replicaReads) : 0)
        set.set("database.read_your_writes_redirects", Double(metrics.readYourWritesRedirects))
        var meanLag = 0.0, maxLag = 0.0
        for lag in replicationLags {
            meanLag = max(meanLag, lag.meanLag(at: now).milliseconds)
            maxLag = max(maxLag, lag.maxLag(at: now).milliseconds)
        }
        set.set("database.replica_lag_mean_ms", meanLag)
        set.set("database.replica_lag_max_ms", maxLag)

        set.set("jobs.enqueued", Double(jobLedger.enqueued))
        set.set("jobs.completed", Double(jobLedger.completed))
        set.set("jobs.failed", Double(jobLedger.failed))
        set.set("jobs.lost", Double(jobLedger.lost))
        set.set("jobs.lost_worker_crash", Double(jobLedger.lostToWorkerCrash))
        set.set("jobs.lost_redis_eviction", Double(jobLedger.lostToRedisEviction))
        set.set("jobs.retried", Double(jobLedger.retried))
        set.set("jobs.in_queue", Double(jobLedger.inQueue))
        set.set("jobs.in_flight", Double(jobLedger.inFlight + jobLedger.waitingForRetry + jobLedger.awaitingRequeue))
        set.set("jobs.mean_queue_length", jobQueueLength.average(at: now))

        set.set("workload.sessions", Double(metrics.sessionsOpened))
        set.set("workload.turns_planned", Double(metrics.turnsPlanned))
        set.set("workload.first_turns", Double(metrics.firstTurns))
        set.set("workload.first_turn_input_tokens", Double(metrics.firstTurnInputTokens))
        set.set("workload.first_turn_output_tokens", Double(metrics.firstTurnOutputTokens))

        set.set("tenants.count", Double(setup.population.count))
        set.set("tenants.rejections", Double(metrics.tenantRejections.reduce(0, +)))
        set.set("tenants.tenants_rejected", Double(metrics.tenantRejections.filter { $0 > 0 }.count))
        set.set("tenants.leaked_slots", Double(tenantLimiter?.leakedSlotsTotal ?? 0))
        set.set("tenants.busiest_chat_p95_ms", milliseconds(metrics.busiestTenantChat.percentile(95)))
        set.set("tenants.others_chat_p95_ms", milliseconds(metrics.otherTenantsChat.percentile(95)))
        for plan in Plan.allCases {
            let histogram = metrics.chatLatencyByPlan[plan.index]
            set.set("tenants.\(plan.rawValue).chat_p95_ms", milliseconds(histogram.percentile(95)))
            set.set("tenants.\(plan.rawValue).chat_count", Double(histogram.count))
        }

        // Costs: the simulated hour's use scaled to a month through the daily profile.
        let assets = Double(metrics.kinds[RequestKind.asset.index].arrivals)
        let usage = HourlyUsage(cdnBytes: assets * Double(scenario.parameters.cdn.assetBytes) * perHour,
                                llmDollars: spend.totalDollars * perHour, shareOfDay: setup.hourShare)
        let costs = CostModel(prices: scenario.parameters.prices).monthlyCost(of: scenario.architecture, usage: usage)
        for part in costs.parts {
            set.set("costs.\(part.name.replacingOccurrences(of: " ", with: "_"))_dollars_per_month", part.dollarsPerMonth)
        }
        set.set("costs.infrastructure_dollars_per_month", costs.infrastructureDollarsPerMonth)
        set.set("costs.total_dollars_per_month", costs.totalDollarsPerMonth)
        set.set("costs.dollars_per_customer_month", costs.dollarsPerCustomerPerMonth(customers: scenario.customers.count) ?? 0)

        measureMigration(into: &set)

        set.set("run.events", Double(events))
        set.set("run.in_flight_at_end", Double(self.requests.live))
        set.set("run.requests_started", Double(metrics.requestsStarted))
        set.set("run.requests_completed", Double(metrics.requestsCompleted))
        set.set("run.requests_failed", Double(metrics.requestsFailed))
        set.set("run.measured_seconds", measuredSeconds)

        return PlatformReplication(metrics: set, bottlenecks: bottlenecks, costs: costs, series: series, jobs: jobLedger,
                                   events: events, stoppedEarly: stoppedEarly, endSeconds: measuredSeconds)
    }

    /// Measured requests still in flight, by kind; zero for `chat_api`, which counts a turn only
    /// once the API has answered it.
    func measuredInFlight() -> [Int] {
        var counts = RequestKind.allCases.map { _ in 0 }
        for index in requests.requests.indices where requests.isOccupied[index] {
            let request = requests.requests[index]
            if request.isMeasured {
                counts[request.kind.index] += 1
            }
        }
        return counts
    }

    func milliseconds(_ nanoseconds: Double?) -> Double {
        guard let nanoseconds else { return .nan }
        return nanoseconds / 1e6
    }
}
