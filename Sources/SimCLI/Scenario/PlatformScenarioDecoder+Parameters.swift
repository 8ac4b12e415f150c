import ScaleSim
import SimModels

/// The `parameters` section: every model number, each optional with the model's default.
///
/// Names are the model's in snake case with the unit last: `_s` and `_ms` for durations,
/// `_bytes`, `_dollars_per_hour`. Distributions of times are in seconds.
extension PlatformScenarioDecoder {
    static func decodeParameters(_ reader: ObjectReader) -> ModelParameters {
        var parameters = ModelParameters()
        section(reader, "app") { parameters.app = decodeApp($0, defaults: parameters.app) }
        section(reader, "database") { parameters.database = decodeDatabase($0, defaults: parameters.database) }
        section(reader, "redis") { parameters.redis = decodeRedis($0, defaults: parameters.redis) }
        section(reader, "llm") { parameters.llm = decodeLLM($0, defaults: parameters.llm) }
        section(reader, "fallback_llm") { parameters.fallbackLLM = decodeLLM($0, defaults: parameters.fallbackLLM) }
        if let elements = reader.optionalArray("incidents") {
            parameters.llm.incidents = elements.compactMap(decodeIncident)
        }
        section(reader, "cdn") { parameters.cdn = decodeCDN($0, defaults: parameters.cdn) }
        section(reader, "prices") { parameters.prices = decodePrices($0, defaults: parameters.prices) }
        section(reader, "team") { parameters.team = decodeTeam($0, defaults: parameters.team) }
        parameters.billingInterval = reader.durationSeconds("billing_interval_s", default: parameters.billingInterval,
                                                            range: .greaterThan(0))
        parameters.responseBytes = reader.int("response_bytes", default: parameters.responseBytes, range: .atLeast(0))
        section(reader, "migration") { parameters.migration = decodeMigration($0) }
        section(reader, "migration_costs") {
            parameters.migrationCosts = decodeMigrationCosts($0, defaults: parameters.migrationCosts)
        }
        section(reader, "queue") { queue in
            parameters.queue.crashProbabilityPerJob = queue.double(
                "crash_probability_per_job", default: parameters.queue.crashProbabilityPerJob, range: .within(0...1))
            parameters.queue.visibilityTimeout = queue.durationSeconds(
                "visibility_timeout_s", default: parameters.queue.visibilityTimeout, range: .greaterThan(0))
        }
        section(reader, "tenant_limits") { limits in
            guard let field = limits.field("slot_ttl_s") else { return }
            if field.value.isNull {
                parameters.tenantLimits.slotTTL = nil
            } else if let ttl = field.durationSeconds(range: .greaterThan(0)) {
                parameters.tenantLimits.slotTTL = ttl
            }
        }
        return parameters
    }

    /// Runs `decode` on the optional object member `key`, then finishes its reader.
    static func section(_ reader: ObjectReader, _ key: String, _ decode: (ObjectReader) -> Void) {
        guard let object = reader.optionalObject(key) else { return }
        decode(object)
        object.finish()
    }

    static func decodeApp(_ reader: ObjectReader, defaults: AppServerParameters) -> AppServerParameters {
        var app = defaults
        app.vCPUs = reader.int("vcpus", default: app.vCPUs, range: .atLeast(1))
        app.memoryBytes = reader.int("memory_bytes", default: app.memoryBytes, range: .atLeast(1))
        app.workerProcesses = reader.int("worker_processes", default: app.workerProcesses, range: .atLeast(1))
        app.concurrencyPerWorker = reader.int("concurrency_per_worker", default: app.concurrencyPerWorker, range: .atLeast(1))
        app.memoryPerWorkerBytes = reader.int("memory_per_worker_bytes", default: app.memoryPerWorkerBytes, range: .atLeast(0))
        app.memoryPerConversationBytes = reader.int("memory_per_conversation_bytes",
                                                    default: app.memoryPerConversationBytes, range: .atLeast(1))
        app.promptBuildCPU = distribution(reader, "prompt_build_cpu_s", default: app.promptBuildCPU)
        app.responseParseCPU = distribution(reader, "response_parse_cpu_s", default: app.responseParseCPU)
        app.renderCPU = distribution(reader, "render_cpu_s", default: app.renderCPU)
        app.assetCPU = distribution(reader, "asset_cpu_s", default: app.assetCPU)
        app.admissionTimeout = reader.durationSeconds("admission_timeout_s", default: app.admissionTimeout)
        return app
    }

    static func decodeDatabase(_ reader: ObjectReader, defaults: DatabaseParameters) -> DatabaseParameters {
        var database = defaults
        database.cores = reader.int("cores", default: database.cores, range: .atLeast(1))
        database.maxConnections = reader.int("max_connections", default: database.maxConnections, range: .atLeast(1))
        database.roundTrip = milliseconds(reader, "round_trip_ms", default: database.roundTrip)
        database.replicationShipDelay = milliseconds(reader, "replication_ship_delay_ms", default: database.replicationShipDelay)
        database.replicaApplyPerWrite = milliseconds(reader, "replica_apply_per_write_ms", default: database.replicaApplyPerWrite)
        database.replicaCores = reader.int("replica_cores", default: database.replicaCores, range: .atLeast(1))
        database.lockWaitTimeout = reader.durationSeconds("lock_wait_timeout_s", default: database.lockWaitTimeout,
                                                          range: .greaterThan(0))
        return database
    }

    static func decodeRedis(_ reader: ObjectReader, defaults: RedisParameters) -> RedisParameters {
        var redis = defaults
        redis.operationService = milliseconds(reader, "operation_service_ms", default: redis.operationService)
        redis.roundTrip = milliseconds(reader, "round_trip_ms", default: redis.roundTrip)
        redis.maxMemoryBytes = reader.int("max_memory_bytes", default: redis.maxMemoryBytes, range: .atLeast(1))
        let policy = reader.string("eviction_policy", default: redis.evictionPolicy.rawValue,
                                   oneOf: EvictionPolicy.allCases.map(\.rawValue))
        redis.evictionPolicy = EvictionPolicy(rawValue: policy) ?? redis.evictionPolicy
        redis.jobBytes = reader.int("job_bytes", default: redis.jobBytes, range: .atLeast(1))
        return redis
    }

    static func decodeCDN(_ reader: ObjectReader, defaults: CDNParameters) -> CDNParameters {
        var cdn = defaults
        cdn.edgeLatency = milliseconds(reader, "edge_latency_ms", default: cdn.edgeLatency)
        cdn.missRatio = reader.double("miss_ratio", default: cdn.missRatio, range: .within(0...1))
        cdn.assetBytes = reader.int("asset_bytes", default: cdn.assetBytes, range: .atLeast(0))
        return cdn
    }
}
