import ScaleSim

/// Every model number that is not part of the architecture: latencies, sizes, prices, limits.
///
/// Each default states where its figure comes from. A scenario file may override any of them.
public struct ModelParameters: Sendable, Equatable {
    public var app = AppServerParameters()
    public var database = DatabaseParameters()
    public var redis = RedisParameters()
    public var llm = LLMParameters()
    /// The second provider, used only when the architecture has `fallbackProvider`.
    public var fallbackLLM = LLMParameters.fallbackDefaults
    public var cdn = CDNParameters()
    public var prices = InfrastructurePrices()
    public var team = TeamParameters()
    /// How often background billing aggregates each tenant's usage.
    public var billingInterval: SimDuration = .minutes(15)
    /// Bytes of one cached LLM response (a 200-token reply as text plus metadata).
    public var responseBytes: Int = 2_048
    public var queue = QueueParameters()
    public var tenantLimits = TenantLimitParameters()
    /// A migration that runs on the primary during the run; none by default.
    public var migration: MigrationScenario = .none
    /// Costs and pacing of the migration.
    public var migrationCosts = MigrationParameters()

    public init() {}
}

/// One app server and the work the agent runtime does on it.
public struct AppServerParameters: Sendable, Equatable {
    /// vCPUs of one server (an AWS c6i.xlarge has 4).
    public var vCPUs: Int = 4
    /// Memory of one server in bytes (a c6i.xlarge has 8 GiB).
    public var memoryBytes: Int = 8 << 30
    /// Worker processes per server (gunicorn's rule of thumb, 2 x cores + 1, rounded down).
    public var workerProcesses: Int = 8
    /// Concurrent requests one worker process serves (async or threaded workers).
    public var concurrencyPerWorker: Int = 16
    /// Resident memory of one worker process with the framework loaded (a Python web app:
    /// 150-300 MB is common).
    public var memoryPerWorkerBytes: Int = 250 << 20
    /// Memory a conversation in flight holds: its context, tool outputs and the parsed reply.
    /// An estimate for an agent that keeps 20-50k tokens of context and tool results as Python
    /// objects.
    public var memoryPerConversationBytes: Int = 24 << 20
    /// CPU to build a prompt (template rendering, retrieval glue), per chat turn.
    public var promptBuildCPU: Distribution = .exponential(mean: 0.008)
    /// CPU to parse a reply and run its tool calls' glue code, per chat turn.
    public var responseParseCPU: Distribution = .exponential(mean: 0.006)
    /// CPU per listing render and per analytics response.
    public var renderCPU: Distribution = .exponential(mean: 0.003)
    /// CPU per static asset served by the app itself (no CDN).
    public var assetCPU: Distribution = .exponential(mean: 0.0008)
    /// Maximum time a request waits for a worker slot before the server responds with 503.
    public var admissionTimeout: SimDuration = .seconds(10)

    public init() {}
}

/// The Postgres-like primary and its replicas.
public struct DatabaseParameters: Sendable, Equatable {
    /// Cores of the primary (a db.r6g.xlarge has 4 vCPUs).
    public var cores: Int = 4
    /// Postgres' default max_connections.
    public var maxConnections: Int = 100
    /// App-to-database round trip per statement; a LAN in one availability zone is about
    /// 0.5 ms, the calibration's loopback 0.05 ms.
    public var roundTrip: SimDuration = .microseconds(500)
    /// Time for a replica to receive a write's WAL after commit (same region).
    public var replicationShipDelay: SimDuration = .milliseconds(2)
    /// Replay cost per write on a replica: the single startup process applies WAL records one
    /// at a time. An estimate: a few tens of microseconds per small row change.
    public var replicaApplyPerWrite: SimDuration = .microseconds(40)
    /// Cores of each replica.
    public var replicaCores: Int = 4
    /// How long a statement waits for a table lock before the request gives up. PostgreSQL's
    /// own default (lock_timeout = 0) waits forever, so the limit that applies is the HTTP
    /// gateway's: Heroku's router ends a request after 30 s.
    public var lockWaitTimeout: SimDuration = .seconds(30)

    public init() {}
}

/// Redis: queue, cache and counters on one single-threaded server.
public struct RedisParameters: Sendable, Equatable {
    /// Service time of one command: redis-benchmark reaches about 100,000 simple operations
    /// per second on one core.
    public var operationService: SimDuration = .microseconds(10)
    /// App-to-Redis round trip.
    public var roundTrip: SimDuration = .microseconds(300)
    /// maxmemory in bytes (a cache.r6g.large has 13 GiB; a smaller default shows eviction).
    public var maxMemoryBytes: Int = 2 << 30
    public var evictionPolicy: EvictionPolicy = .allKeysLRU
    /// Bytes one queued job takes in Redis (payload with the conversation's message).
    public var jobBytes: Int = 4 << 10

    public init() {}
}

/// The eviction policy: which keys Redis removes when it reaches maxmemory.
public enum EvictionPolicy: String, Sendable, CaseIterable {
    /// Writes fail with an out-of-memory error.
    case noEviction = "noeviction"
    /// Any key may go, queue keys included: an evicted queue key is lost jobs.
    case allKeysLRU = "allkeys-lru"
    /// Only keys with a TTL (the response cache) may go.
    case volatileLRU = "volatile-lru"
}

/// An LLM provider's latency, limits and prices.
public struct LLMParameters: Sendable, Equatable {
    /// Time to first token, seconds. Public API dashboards show medians of 0.3-1 s for
    /// mid-size models; lognormal with a long tail.
    public var timeToFirstToken: Distribution = .lognormal(mean: 0.6, coefficientOfVariation: 0.6)
    /// Output tokens generated per second (mid-size hosted models: 50-120).
    public var tokensPerSecond: Double = 80
    /// Requests per minute and input-plus-output tokens per minute allowed (an upper usage
    /// tier at a major provider is of this order).
    public var requestsPerMinute: Double = 5_000
    public var tokensPerMinute: Double = 2_000_000
    /// List prices in dollars per million tokens (a mid-size frontier model, 2024-2025:
    /// $3 input, $15 output, cached input at a tenth of the input price).
    public var inputPricePerMillion: Double = 3.0
    public var outputPricePerMillion: Double = 15.0
    public var cachedInputPricePerMillion: Double = 0.30
    /// Maximum time a client waits for a response before it gives up.
    public var timeout: SimDuration = .seconds(60)
    /// How long a provider that is down takes to fail a request (a connect or gateway error).
    public var failureLatency: SimDuration = .seconds(2)
    /// Outages and brown-outs at scheduled times.
    public var incidents: [ProviderIncident] = []
    /// How long provider-side prompt caching keeps a prefix (five minutes at major providers).
    public var promptCacheTTL: SimDuration = .minutes(5)

    public init() {}

    /// A second provider: a little slower and dearer, with its own limits.
    public static var fallbackDefaults: LLMParameters {
        var parameters = LLMParameters()
        parameters.timeToFirstToken = .lognormal(mean: 0.9, coefficientOfVariation: 0.6)
        parameters.tokensPerSecond = 60
        parameters.inputPricePerMillion = 5.0
        parameters.outputPricePerMillion = 15.0
        parameters.cachedInputPricePerMillion = 2.5
        return parameters
    }
}

/// A provider incident between two instants of the simulated hour.
public struct ProviderIncident: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Every request fails.
        case outage
        /// Latency is multiplied and a share of requests fails.
        case brownout(latencyFactor: Double, errorRate: Double)
    }

    public var start: SimTime
    public var end: SimTime
    public var kind: Kind

    public init(start: SimTime, end: SimTime, kind: Kind) {
        self.start = start
        self.end = end
        self.kind = kind
    }
}

/// The CDN in front of static assets.
public struct CDNParameters: Sendable, Equatable {
    /// Edge latency for a cached asset.
    public var edgeLatency: SimDuration = .milliseconds(15)
    /// Share of asset requests that miss the edge and reach the origin (versioned assets with
    /// long cache lifetimes miss rarely).
    public var missRatio: Double = 0.02
    /// Mean asset size in bytes.
    public var assetBytes: Int = 60_000

    public init() {}
}

/// Hourly and per-unit prices, in US dollars (AWS us-east-1 on-demand list prices, 2024).
public struct InfrastructurePrices: Sendable, Equatable {
    /// c6i.xlarge (4 vCPU, 8 GiB).
    public var appServerPerHour: Double = 0.17
    /// db.r6g.xlarge Postgres (4 vCPU, 32 GiB), single-AZ.
    public var databasePerHour: Double = 0.45
    public var replicaPerHour: Double = 0.45
    /// cache.r6g.large Redis.
    public var redisPerHour: Double = 0.21
    /// One runtime or background worker slot group: a c6i.xlarge runs 64 slots.
    public var workerServerPerHour: Double = 0.17
    public var workerSlotsPerServer: Int = 64
    /// PgBouncer on a small instance (t3.small).
    public var poolerPerHour: Double = 0.02
    /// CloudFront's first 10 TB per month, per GB.
    public var cdnPerGB: Double = 0.085
    /// Days per month for monthly figures.
    public var daysPerMonth: Double = 30

    public init() {}
}

/// The engineering team and what migrations cost it.
public struct TeamParameters: Sendable, Equatable {
    /// Engineers at each stage (stage 1 to 4).
    public var engineersByStage: [Int] = [3, 6, 12, 25]
    /// Share of engineering time that goes to platform work rather than features.
    public var platformShare: Double = 0.3
    /// Engineer-weeks each migration costs, by part name (estimates from the practice of
    /// growth-stage teams; a scenario should set its own). `fallback_provider` is an estimate of
    /// 3: a second provider's client behind the existing LLM call, routing of 429s and errors to
    /// it, and an evaluation of the second model's answers on the product's prompts.
    public var migrationWeeks: [String: Double] = [
        "indexes": 1, "lateral_listing": 1, "pooler": 2, "replica": 4, "queue": 8,
        "response_cache": 4, "tenant_limits": 3, "partitions": 6, "fallback_provider": 3, "service_split": 12,
    ]
    /// Deploys per engineer per week.
    public var deploysPerEngineerWeek: Double = 2
    /// Minutes one deploy occupies the shared pipeline of a monolith (build, tests, rollout).
    public var pipelineMinutesPerDeploy: Double = 25
    /// Minutes to mitigate an incident with an SRE on call, and without one.
    public var mitigationMinutesWithSRE: Double = 30
    public var mitigationMinutesWithoutSRE: Double = 180
    /// Working hours per week over which deploys arrive at the pipeline (a 40-hour week).
    public var workingHoursPerWeek: Double = 40

    public init() {}
}

/// Failures of queue workers and the reliable queue's recovery.
public struct QueueParameters: Sendable, Equatable {
    /// Probability that a worker dies during a job. An estimate for OOM kills and
    /// deploy restarts of a worker fleet (about one job in a thousand), not a measured figure.
    public var crashProbabilityPerJob: Double = 0.001
    /// How long a job stays in a reliable queue's processing list before the reaper requeues
    /// it, counted from the crash. 60 s is a common reaper setting for jobs of seconds.
    public var visibilityTimeout: SimDuration = .seconds(60)

    public init() {}
}

/// Per-tenant limits beyond the plan's figures.
public struct TenantLimitParameters: Sendable, Equatable {
    /// The EXPIRE on each concurrency slot key, so that a slot whose holder died comes back;
    /// nil for slots without a TTL, which leak. 120 s is twice the default LLM timeout, so a
    /// live request rarely outlives its slot (the model expires only dead holders' slots).
    public var slotTTL: SimDuration? = .seconds(120)

    public init() {}
}
