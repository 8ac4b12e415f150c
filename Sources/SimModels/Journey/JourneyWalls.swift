import ScaleSim

/// Finds an architecture's wall, names its cause and the migration that removes it, and checks with
/// `TeamModel` whether the team finishes that migration in time.
///
/// The rules, also in docs/journey.md:
/// - The wall is the first checkpoint where an objective breaks or the run stops overloaded.
/// - Its kind is the request kind of the first broken latency or error objective, else chat.
/// - A latency or error breach is removed by fixing the layer where that kind spends most time;
///   a breach of utilization alone by relieving the busiest resource.
/// - Work starts in the month of the first checkpoint before the wall where a figure that breaks
///   at the wall had passed `warningFraction` of its bound, or at the wall when none had.
public enum JourneyWalls {
    public static func find(points: [JourneyPoint], architecture: NamedArchitecture, spec: JourneySpec,
                            team: TeamModel) -> JourneyWall? {
        guard let index = points.firstIndex(where: \.isBroken) else { return nil }
        let point = points[index]
        let requestBreach = point.breaches.first { $0.kind != nil }
        let kind = requestBreach?.kind ?? .chat
        let layer = point.bottleneck(of: kind)
        let busiest = point.busiestResource

        let remedy: Remedy
        if requestBreach != nil || point.stoppedEarly, let layer {
            remedy = Remedy.forLayer(layer, kind: kind, architecture: architecture.architecture)
        } else if let busiest {
            remedy = Remedy.forResource(busiest.name, architecture: architecture.architecture)
        } else {
            remedy = Remedy(migration: nil, action: "no bottleneck measured")
        }

        // Warning signs: a figure that breaks at the wall had passed the warning fraction earlier.
        let broken = point.breaches.map(\.metric)
        let warned = points[..<index].firstIndex { earlier in
            earlier.warnings.contains { broken.isEmpty || broken.contains($0.metric) }
        }
        let startMonth = points[warned ?? index].month
        var readiness: MigrationReadiness?
        if let migration = remedy.migration {
            readiness = try? team.readiness(migration: migration, stage: architecture.stage,
                                            startMonth: startMonth, wallMonth: point.month)
        }
        return JourneyWall(checkpoint: index, customers: point.customers, month: point.month, breaches: point.breaches,
                           stoppedEarly: point.stoppedEarly, kind: kind, layer: layer,
                           busiestResource: busiest?.name, busiestUtilization: busiest?.utilization,
                           migration: remedy.migration, remedy: remedy.action, startMonth: startMonth,
                           readiness: readiness)
    }
}

/// The migration (a `TeamModel` migration name) that removes a bottleneck, and the action.
public struct Remedy: Sendable, Equatable {
    public var migration: String?
    public var action: String

    public init(migration: String?, action: String) {
        self.migration = migration
        self.action = action
    }

    /// Returns the first part not yet on among those that relieve the database for `kind`.
    static func database(kind: RequestKind, architecture: ArchitectureSpec) -> Remedy {
        var candidates: [ArchitecturePart] = [.indexes]
        if kind == .listing { candidates.append(.lateralListing) }
        candidates += [.replica, .partitions]
        for part in candidates where !part.isOn(in: architecture) {
            return Remedy(migration: part.rawValue, action: "add \(part.rawValue) to cut database time")
        }
        return Remedy(migration: "service_split", action: "split the database by service (every database part is on)")
    }

    /// Returns the remedy for a request kind that spends most of its time in `layer`.
    public static func forLayer(_ layer: Layer, kind: RequestKind, architecture: ArchitectureSpec) -> Remedy {
        switch layer {
        case .database:
            return database(kind: kind, architecture: architecture)
        case .poolWait:
            if architecture.pooler == nil { return Remedy(migration: "pooler", action: "add a connection pooler") }
            return database(kind: kind, architecture: architecture)
        case .appWait, .appCPU:
            if architecture.queue == nil {
                return Remedy(migration: "queue", action: "move the agent runtime behind a queue")
            }
            return Remedy(migration: "service_split", action: "split the API into services scaled apart")
        case .llm:
            if architecture.responseCache == nil {
                return Remedy(migration: "response_cache",
                              action: "cache LLM responses (a fallback provider also absorbs 429s)")
            }
            return Remedy(migration: nil, action: "raise the provider's rate limit or add a fallback provider")
        case .queueWait:
            return Remedy(migration: nil, action: "add runtime workers (capacity, no migration)")
        case .tenantLimit:
            return Remedy(migration: nil, action: "raise the plans' tenant limits or sell a larger plan")
        case .redis:
            return Remedy(migration: nil, action: "give Redis a larger instance (capacity, no migration)")
        case .cdn:
            return Remedy(migration: nil, action: "nothing in the platform: the CDN edge dominates")
        }
    }

    /// Returns the remedy for a resource, named as in `resources.<name>.utilization`, that is too busy.
    public static func forResource(_ resource: String, architecture: ArchitectureSpec) -> Remedy {
        switch resource {
        case "app_slots", "app_cpu":
            return forLayer(.appCPU, kind: .chat, architecture: architecture)
        case "db_connections":
            return forLayer(.poolWait, kind: .chat, architecture: architecture)
        case "db_primary_cpu":
            return database(kind: .listing, architecture: architecture)
        case "db_replica_cpu":
            return Remedy(migration: nil, action: "add read replicas (capacity, no migration)")
        case "llm_requests_per_minute", "llm_tokens_per_minute":
            return forLayer(.llm, kind: .chat, architecture: architecture)
        case "runtime_workers", "runtime_cpu", "background_workers":
            return forLayer(.queueWait, kind: .chat, architecture: architecture)
        case "redis":
            return forLayer(.redis, kind: .chat, architecture: architecture)
        default:
            return Remedy(migration: nil, action: "relieve \(resource)")
        }
    }
}
