import ScaleSim

/// The four growth stages, each a preset value of `ArchitectureSpec`.
public enum ArchitecturePreset: String, Sendable, CaseIterable {
    /// One app server, one Postgres, Redis, one LLM provider; N+1 listing, no extra indexes.
    case stage1
    /// Adds indexes, the LATERAL listing, pooling, a read replica for analytics, a separate
    /// background worker pool, a CDN and background billing jobs.
    case stage2
    /// Adds a queue between the API and the agent runtime, retries with backoff and backpressure.
    case stage3
    /// Adds the response cache, per-tenant limits and monthly partitions.
    case stage4

    /// The architecture of this stage. Sizes are starting points a scenario may override.
    public var architecture: ArchitectureSpec {
        var spec = ArchitectureSpec()
        if self == .stage1 { return spec }

        spec.appServers = 2
        spec.indexes = true
        spec.listingQuery = .lateral
        // PgBouncer's default_pool_size is 20; 40 covers two app servers' peak statements.
        spec.pooler = PoolerSpec(serverConnections: 40, waitTimeout: .seconds(5))
        spec.replicas = ReplicaSpec(count: 1, analyticsOnReplica: true, listingOnReplica: false,
                                    readYourWrites: true)
        spec.backgroundWorkers = 4
        spec.cdn = true
        spec.backgroundBilling = true
        if self == .stage2 { return spec }

        spec.queue = QueueSpec(runtimeWorkers: 256, maxAttempts: 4,
                               backoff: .exponential(base: .seconds(1), cap: .seconds(30)),
                               reliablePop: true, backpressureLimit: 20_000)
        if self == .stage3 { return spec }

        // A day's TTL and 1 GiB hold the popular templates of a few thousand tenants.
        spec.responseCache = ResponseCacheSpec(ttl: .hours(24), memoryBytes: 1 << 30)
        spec.tenantLimits = true
        spec.partitions = PartitionSpec(creationJobRuns: true)
        return spec
    }
}

/// The switchable parts of an architecture, by the names scenario files and tests use.
public enum ArchitecturePart: String, Sendable, CaseIterable {
    case indexes
    case lateralListing = "lateral_listing"
    case pooler
    case replica
    case readYourWrites = "read_your_writes"
    case backgroundWorkers = "background_workers"
    case cdn
    case backgroundBilling = "background_billing"
    case queue
    case responseCache = "response_cache"
    case tenantLimits = "tenant_limits"
    case partitions
    case fallbackProvider = "fallback_provider"
    case promptCaching = "prompt_caching"

    /// Whether `spec` has this part switched on.
    public func isOn(in spec: ArchitectureSpec) -> Bool {
        switch self {
        case .indexes: return spec.indexes
        case .lateralListing: return spec.listingQuery == .lateral
        case .pooler: return spec.pooler != nil
        case .replica: return spec.replicas.count > 0
        case .readYourWrites: return spec.replicas.readYourWrites
        case .backgroundWorkers: return spec.backgroundWorkers > 0
        case .cdn: return spec.cdn
        case .backgroundBilling: return spec.backgroundBilling
        case .queue: return spec.queue != nil
        case .responseCache: return spec.responseCache != nil
        case .tenantLimits: return spec.tenantLimits
        case .partitions: return spec.partitions != nil
        case .fallbackProvider: return spec.fallbackProvider
        case .promptCaching: return spec.promptCaching
        }
    }

    /// Switches this part on (with the stage presets' sizes) or off in `spec`.
    public func set(_ on: Bool, in spec: inout ArchitectureSpec) {
        let full = ArchitecturePreset.stage4.architecture
        switch self {
        case .indexes: spec.indexes = on
        case .lateralListing: spec.listingQuery = on ? .lateral : .nPlusOne
        case .pooler: spec.pooler = on ? (spec.pooler ?? full.pooler) : nil
        case .replica: spec.replicas.count = on ? max(1, spec.replicas.count) : 0
        case .readYourWrites: spec.replicas.readYourWrites = on
        case .backgroundWorkers: spec.backgroundWorkers = on ? max(full.backgroundWorkers, spec.backgroundWorkers) : 0
        case .cdn: spec.cdn = on
        case .backgroundBilling: spec.backgroundBilling = on
        case .queue: spec.queue = on ? (spec.queue ?? full.queue) : nil
        case .responseCache: spec.responseCache = on ? (spec.responseCache ?? full.responseCache) : nil
        case .tenantLimits: spec.tenantLimits = on
        case .partitions: spec.partitions = on ? (spec.partitions ?? full.partitions) : nil
        case .fallbackProvider: spec.fallbackProvider = on
        case .promptCaching: spec.promptCaching = on
        }
    }
}
