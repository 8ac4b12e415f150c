/// A migration (a `TeamModel` migration name) that may remove a bottleneck, and the action.
public struct Remedy: Sendable, Equatable {
    /// The `TeamModel` migration name, or nil for a capacity change or a limit raised elsewhere.
    public var migration: String?
    public var action: String

    public init(migration: String?, action: String) {
        self.migration = migration
        self.action = action
    }

    /// The architecture part the migration switches on, or nil when the simulator has no such part
    /// (`service_split`, capacity changes), so the remedy cannot be checked by a run.
    public var part: ArchitecturePart? {
        migration.flatMap(ArchitecturePart.init(rawValue:))
    }

    /// Returns the parts not yet on that relieve the database for `kind`, in the order a team
    /// tries them, then the service split.
    static func database(kind: RequestKind, architecture: ArchitectureSpec) -> [Remedy] {
        var parts: [ArchitecturePart] = [.indexes]
        if kind == .listing { parts.append(.lateralListing) }
        parts += [.replica, .partitions]
        let remedies = parts.filter { !$0.isOn(in: architecture) }.map { part in
            Remedy(migration: part.rawValue, action: "add \(part.rawValue) to cut database time")
        }
        return remedies + [Remedy(migration: "service_split", action: "split the database by service")]
    }

    /// Returns the remedies to try, in order, for a request kind that spends most of its time in
    /// `layer`. The list ends with a remedy that has no part (a split, a capacity change or a
    /// limit raised elsewhere), which a run cannot check.
    public static func candidates(forLayer layer: Layer, kind: RequestKind, architecture: ArchitectureSpec) -> [Remedy] {
        switch layer {
        case .database:
            return database(kind: kind, architecture: architecture)
        case .poolWait:
            let pooler = architecture.pooler == nil ? [Remedy(migration: "pooler", action: "add a connection pooler")] : []
            return pooler + database(kind: kind, architecture: architecture)
        case .appWait, .appCPU:
            let queue = architecture.queue == nil
                ? [Remedy(migration: "queue", action: "move the agent runtime behind a queue")] : []
            return queue + [Remedy(migration: "service_split", action: "split the API into services scaled apart")]
        case .llm:
            var remedies: [Remedy] = []
            if architecture.responseCache == nil {
                remedies.append(Remedy(migration: "response_cache", action: "cache LLM responses"))
            }
            if !architecture.fallbackProvider {
                remedies.append(Remedy(migration: "fallback_provider",
                                       action: "add a second LLM provider that takes the calls the first rejects"))
            }
            return remedies + [Remedy(migration: nil, action: "raise the provider's rate limit")]
        case .queueWait:
            return [Remedy(migration: nil, action: "add runtime workers (capacity, no migration)")]
        case .tenantLimit:
            return [Remedy(migration: nil, action: "raise the plans' tenant limits or sell a larger plan")]
        case .redis:
            return [Remedy(migration: nil, action: "give Redis a larger instance (capacity, no migration)")]
        case .cdn:
            return [Remedy(migration: nil, action: "nothing in the platform: the CDN edge dominates")]
        }
    }

    /// Returns the remedies to try, in order, for a resource that is too busy, named as in
    /// `resources.<name>.utilization`.
    public static func candidates(forResource resource: String, architecture: ArchitectureSpec) -> [Remedy] {
        switch resource {
        case "app_slots", "app_cpu":
            return candidates(forLayer: .appCPU, kind: .chat, architecture: architecture)
        case "db_connections":
            return candidates(forLayer: .poolWait, kind: .chat, architecture: architecture)
        case "db_primary_cpu":
            return database(kind: .listing, architecture: architecture)
        case "db_replica_cpu":
            return [Remedy(migration: nil, action: "add read replicas (capacity, no migration)")]
        case "llm_requests_per_minute", "llm_tokens_per_minute":
            return candidates(forLayer: .llm, kind: .chat, architecture: architecture)
        case "runtime_workers", "runtime_cpu", "background_workers":
            return candidates(forLayer: .queueWait, kind: .chat, architecture: architecture)
        case "redis":
            return candidates(forLayer: .redis, kind: .chat, architecture: architecture)
        default:
            return [Remedy(migration: nil, action: "relieve \(resource)")]
        }
    }
}
