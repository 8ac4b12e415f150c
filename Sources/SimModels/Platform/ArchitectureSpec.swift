import ScaleSim

/// The parts of one architecture, each switchable on its own.
///
/// The four growth stages are presets of this one value (see `ArchitectureSpec.preset(_:)`):
/// data, not code paths, so any part can be added to or removed from any preset.
public struct ArchitectureSpec: Sendable, Equatable {
    /// App servers: in the monolith one server runs the API, the agent runtime and billing.
    public var appServers: Int = 1
    /// Secondary indexes on messages, conversations and usage events.
    public var indexes: Bool = false
    /// How the conversation listing fetches each conversation's last message.
    public var listingQuery: ListingQuery = .nPlusOne
    /// A PgBouncer-style pool between the app and the primary; nil for direct connections.
    public var pooler: PoolerSpec?
    /// Read replicas, and which reads they serve.
    public var replicas: ReplicaSpec = ReplicaSpec()
    /// A worker pool separate from the API servers for background jobs (billing, analytics
    /// exports); without it, those jobs run on the API servers.
    public var backgroundWorkers: Int = 0
    /// A CDN in front of static assets; without it, the app server serves them.
    public var cdn: Bool = false
    /// Billing aggregation as a scheduled background job; without it, billing runs inline on
    /// each usage write.
    public var backgroundBilling: Bool = false
    /// A Redis job queue between the API and separately scaled runtime workers.
    public var queue: QueueSpec?
    /// An exact-match response cache in front of the LLM.
    public var responseCache: ResponseCacheSpec?
    /// Per-tenant concurrency and rate limits by plan.
    public var tenantLimits: Bool = false
    /// Monthly partitions of conversations and usage events.
    public var partitions: PartitionSpec?
    /// A second LLM provider tried when the first fails or answers 429.
    public var fallbackProvider: Bool = false
    /// Provider-side prompt caching of shared prefixes.
    public var promptCaching: Bool = false

    public init() {}
}

/// The query shape of the conversation listing.
public enum ListingQuery: String, Sendable, CaseIterable {
    /// One query for the 50 latest conversations, then one per conversation for its last message.
    case nPlusOne = "n_plus_one"
    /// One statement with a LEFT JOIN LATERAL for the last messages.
    case lateral
}

/// A PgBouncer-style transaction pool.
public struct PoolerSpec: Sendable, Equatable {
    /// Server connections the pooler keeps open to the primary.
    public var serverConnections: Int
    /// How long a client waits for a server connection before its query fails.
    public var waitTimeout: SimDuration

    public init(serverConnections: Int, waitTimeout: SimDuration) {
        self.serverConnections = serverConnections
        self.waitTimeout = waitTimeout
    }
}

/// Read replicas and the routing of reads to them.
public struct ReplicaSpec: Sendable, Equatable {
    public var count: Int = 0
    /// Route analytics queries to the replicas.
    public var analyticsOnReplica: Bool = true
    /// Route the conversation listing to the replicas.
    public var listingOnReplica: Bool = false
    /// Reads of a user who wrote within the lag window go to the primary.
    public var readYourWrites: Bool = false

    public init(count: Int = 0, analyticsOnReplica: Bool = true, listingOnReplica: Bool = false,
                readYourWrites: Bool = false) {
        self.count = count
        self.analyticsOnReplica = analyticsOnReplica
        self.listingOnReplica = listingOnReplica
        self.readYourWrites = readYourWrites
    }
}

/// How a failed job is retried.
public enum BackoffPolicy: Sendable, Equatable {
    /// Retry at once, as a naive loop does.
    case immediate
    /// Wait base * 2^(attempt - 1), capped, times a uniform jitter in [0, 1) ("full jitter").
    case exponential(base: SimDuration, cap: SimDuration)
}

/// The queue-decoupled runtime: the API enqueues, runtime workers take jobs.
public struct QueueSpec: Sendable, Equatable {
    /// Runtime worker slots (processes times concurrency), scaled apart from the API.
    public var runtimeWorkers: Int
    /// Attempts per job, the first included.
    public var maxAttempts: Int
    public var backoff: BackoffPolicy
    /// A reliable pop (LMOVE to a processing list) keeps a job whose worker crashed.
    public var reliablePop: Bool
    /// Queue length beyond which the API rejects new jobs; nil for no limit.
    public var backpressureLimit: Int?

    public init(runtimeWorkers: Int, maxAttempts: Int, backoff: BackoffPolicy, reliablePop: Bool,
                backpressureLimit: Int?) {
        self.runtimeWorkers = runtimeWorkers
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.reliablePop = reliablePop
        self.backpressureLimit = backpressureLimit
    }
}

/// The response cache in front of the LLM.
public struct ResponseCacheSpec: Sendable, Equatable {
    public var ttl: SimDuration
    /// Memory for cached responses, in bytes; least recently used entries are evicted beyond it.
    public var memoryBytes: Int

    public init(ttl: SimDuration, memoryBytes: Int) {
        self.ttl = ttl
        self.memoryBytes = memoryBytes
    }
}

/// Monthly partitions.
public struct PartitionSpec: Sendable, Equatable {
    /// Whether the scheduled job that creates next month's partition runs; when it does not,
    /// inserts after the month boundary fail.
    public var creationJobRuns: Bool = true

    public init(creationJobRuns: Bool = true) {
        self.creationJobRuns = creationJobRuns
    }
}
