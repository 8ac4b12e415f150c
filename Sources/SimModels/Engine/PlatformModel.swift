import ScaleSim

/// The SaaS platform as one discrete-event model: customers' requests flowing through the
/// parts that the architecture switches on.
///
/// Every part draws from its own named streams, and the workload from `workload.*` streams and
/// per-session streams. So switching a part on or off leaves the sessions, messages and token
/// counts exactly as they were; only the times that follow replies move.
public struct PlatformModel: SimulationModel {
    public enum Event {
        case sessionArrival
        case turn(session: Int32)
        case analyticsArrival
        case billingTick
        case traceArrival(copy: Int32)
        /// A delay of the request's current step has passed (round trip, CDN, think, backoff).
        case resume(request: Int32)
        case appCPUDone(request: Int32)
        case runtimeCPUDone(request: Int32)
        case databaseDone(request: Int32, target: Int32)
        /// A statement's result is back at the app.
        case statementReturned(request: Int32)
        /// A job's retry delay or a crashed worker's visibility timeout has passed.
        case jobRequeue(request: Int32)
        case redisDone(request: Int32)
        case appAdmissionTimeout(request: Int32, ticket: PoolTicket)
        case poolTimeout(request: Int32, ticket: PoolTicket)
        case workerSlotTimeout(request: Int32, ticket: PoolTicket)
        case llmDone(request: Int32, outcome: LLMOutcome, provider: Int32)
        case warmupEnd
        /// Time to take a time-series sample.
        case sample
        /// A migration's background statement reaches its planned start: the index build or
        /// table rewrite (batch -1), the validation pass (-2), or backfill batch `batch`.
        case migrationStatement(batch: Int32)
        /// The background statement in service on the primary has finished.
        case backgroundStatementDone
        /// A statement's wait for a table lock has ended: the lock is gone or the wait timed out.
        case lockWaitEnd(request: Int32)
    }

    let scenario: PlatformScenario
    let setup: PlatformSetup
    var requests = RequestSlab()
    var sessions: [SessionState] = []
    var metrics: PlatformMetrics

    // Workload streams, independent of the architecture.
    var sessionArrivalStream: Xoshiro256StarStar
    var analyticsStream: Xoshiro256StarStar
    var traceStreams: [Xoshiro256StarStar] = []
    var traceCursors: [Int] = []
    var traceLaps: [Int] = []
    var traceOffsets: [SimDuration] = []
    let streams: RandomStreams

    // Parts, each with its own streams.
    var appSlots: ConnectionPool<Int32>
    var appCPU: Station<Int32>
    var appCPUStream: Xoshiro256StarStar
    var runtimeSlots: ConnectionPool<Int32>
    var runtimeCPU: Station<Int32>
    var runtimeCPUStream: Xoshiro256StarStar
    var backgroundSlots: ConnectionPool<Int32>
    var pooler: ConnectionPool<Int32>?
    /// Connections open on the primary without a pooler.
    var directConnections = 0
    var directConnectionsLevel = TimeWeightedAverage()
    var primary: Station<Int32>
    var primaryStream: Xoshiro256StarStar
    var replicas: [Station<Int32>]
    var replicaStreams: [Xoshiro256StarStar]
    var replicationLags: [ReplicationLag]
    var replicaChoice = 0
    var redis: Station<Int32>
    var redisMemory: RedisMemory
    var llm: [LLMProvider]
    var llmStreams: [Xoshiro256StarStar]
    var responseCache: ResponseCache?
    var promptCache: PromptPrefixCache?
    var tenantLimiter: TenantLimiter?
    var jobQueue = RingBuffer<Int32>()
    var jobQueueLength = TimeWeightedAverage()
    var jobLedger = JobLedger()
    var retryPolicy: RetryPolicy?
    var crashModel: WorkerCrashModel?
    var crashStream: Xoshiro256StarStar
    var retryStream: Xoshiro256StarStar
    var cdnStream: Xoshiro256StarStar
    let warmupEnd: SimTime
    let endTime: SimTime
    /// Bytes of one tenant counter key in Redis (a small string key and its overhead; Redis's
    /// MEMORY USAGE reports about 60-70 bytes for a short key holding an integer).
    static let counterBytes = 64
    /// When set, the run stops once requests in flight pass its bound.
    var stopPolicy: OverloadStop?
    var series = TimeSeries()
    /// The migration that runs during the run, if any.
    var migration: MigrationState?
    var window = SampleWindow()

    public init(scenario: PlatformScenario, streams: RandomStreams) {
        self.scenario = scenario
        self.streams = streams
        let setup = PlatformSetup(scenario: scenario, streams: streams)
        self.setup = setup
        let architecture = scenario.architecture
        let parameters = scenario.parameters
        metrics = PlatformMetrics(tenants: setup.population.count)
        warmupEnd = SimTime(nanoseconds: scenario.run.warmup.nanoseconds)
        endTime = warmupEnd + scenario.run.duration

        sessionArrivalStream = streams.stream("workload.sessions")
        analyticsStream = streams.stream("workload.analytics")

        appSlots = ConnectionPool(capacity: setup.appSlotCapacity)
        appCPU = Station(servers: architecture.appServers * parameters.app.vCPUs)
        appCPUStream = streams.stream("app.cpu")
        let runtimeWorkers = architecture.queue?.runtimeWorkers ?? 0
        runtimeSlots = ConnectionPool(capacity: max(runtimeWorkers, 1))
        runtimeCPU = Station(servers: max(1, setup.runtimeServers * parameters.app.vCPUs))
        runtimeCPUStream = streams.stream("runtime.cpu")
        backgroundSlots = ConnectionPool(capacity: max(architecture.backgroundWorkers, 1))
        if let spec = architecture.pooler {
            pooler = ConnectionPool(capacity: spec.serverConnections)
        }
        primary = Station(servers: parameters.database.cores)
        primaryStream = streams.stream("db.primary.service")
        replicas = (0..<architecture.replicas.count).map { _ in Station(servers: parameters.database.replicaCores) }
        replicaStreams = (0..<architecture.replicas.count).map { streams.stream("db.replica.\($0).service") }
        replicationLags = (0..<architecture.replicas.count).map { _ in
            ReplicationLag(shipDelay: parameters.database.replicationShipDelay)
        }
        redis = Station(servers: 1)
        redisMemory = RedisMemory(parameters: parameters.redis)

        llm = [LLMProvider(name: "primary", parameters: parameters.llm)]
        llmStreams = [streams.stream("llm.primary")]
        if architecture.fallbackProvider {
            llm.append(LLMProvider(name: "fallback", parameters: parameters.fallbackLLM))
            llmStreams.append(streams.stream("llm.fallback"))
        }
        if let spec = architecture.responseCache {
            responseCache = ResponseCache(ttl: spec.ttl, memoryBudgetBytes: spec.memoryBytes)
        }
        if architecture.promptCaching {
            promptCache = PromptPrefixCache(parameters: parameters.llm)
        }
        if architecture.tenantLimits {
            tenantLimiter = TenantLimiter(tenantCount: setup.population.count, customers: scenario.customers,
                                          parameters: parameters.tenantLimits)
        }
        if let queue = architecture.queue {
            retryPolicy = RetryPolicy(spec: queue)
            crashModel = WorkerCrashModel(spec: queue, parameters: parameters.queue)
        }
        crashStream = streams.stream("queue.crash")
        retryStream = streams.stream("queue.retry")
        cdnStream = streams.stream("cdn.edge")
        migration = MigrationState(scenario: parameters.migration, messageRows: setup.messageRows,
                                   parameters: parameters.migrationCosts)
    }
}
