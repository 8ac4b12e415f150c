import ScaleSim

/// What a run measures, folded as requests finish: latencies and outcomes per request kind,
/// time per layer, and the counts of the failure modes.
///
/// Only requests that arrived after warm-up are measured.
struct PlatformMetrics {
    var kinds: [KindMetrics] = RequestKind.allCases.map { _ in KindMetrics() }
    /// Reads served by a replica that had not yet applied the reader's own last write.
    var staleReads = 0
    /// Reads that went to a replica.
    var replicaReads = 0
    /// Reads that read-your-writes sent to the primary instead of a replica.
    var readYourWritesRedirects = 0
    /// Rejections per tenant (tenant limits), indexed by tenant.
    var tenantRejections: [Int]
    /// p95 latency of chat turns per plan, for the noisy-neighbour view.
    var chatLatencyByPlan: [LatencyHistogram] = Plan.allCases.map { _ in LatencyHistogram() }
    /// Chat latencies of the busiest tenant, apart.
    var busiestTenantChat = LatencyHistogram()
    var otherTenantsChat = LatencyHistogram()
    /// Response-cache hits and lookups among measured requests.
    var cacheHits = 0
    var cacheLookups = 0
    /// LLM attempts of measured chat turns, retries included.
    var llmAttempts = 0
    /// Requests sent to a provider during one of its incidents, after warm-up, whoever sent them.
    var llmRequestsDuringIncidents = 0
    /// Requests of the whole run, warm-up included, for the conservation check: every request
    /// started has completed, failed, or is still in flight.
    var requestsStarted = 0
    var requestsCompleted = 0
    var requestsFailed = 0
    /// The workload as offered, the same under every architecture: sessions opened after
    /// warm-up, the turns they plan, and their first turns that arrived, with those turns'
    /// token counts.
    var sessionsOpened = 0
    var turnsPlanned = 0
    var firstTurns = 0
    var firstTurnInputTokens = 0
    var firstTurnOutputTokens = 0

    init(tenants: Int) {
        tenantRejections = [Int](repeating: 0, count: tenants)
    }

    mutating func charge(_ kind: RequestKind, _ layer: Layer, _ duration: SimDuration) {
        kinds[kind.index].layerNanoseconds[layer.index] += duration.nanoseconds
    }
}

/// Per request kind: arrivals, completions, failures by cause, latency and layer times.
struct KindMetrics {
    var arrivals = 0
    var completed = 0
    var failures: [Int] = FailureCause.allCases.map { _ in 0 }
    var latency = LatencyHistogram()
    var latencyMoments = RunningMoments()
    /// Nanoseconds spent in each layer by all measured requests of this kind.
    var layerNanoseconds: [Int64] = Layer.allCases.map { _ in 0 }

    var failed: Int { failures.reduce(0, +) }
}

extension RequestKind {
    /// Position in `allCases`, for arrays indexed by kind.
    var index: Int {
        switch self {
        case .chat: return 0
        case .chatAPI: return 1
        case .listing: return 2
        case .analytics: return 3
        case .billing: return 4
        case .asset: return 5
        }
    }
}

extension Layer {
    /// Position in `allCases`, for arrays indexed by layer.
    ///
    /// A switch rather than a search of `allCases`: every step of every request charges a layer.
    var index: Int {
        switch self {
        case .tenantLimit: return 0
        case .appWait: return 1
        case .appCPU: return 2
        case .poolWait: return 3
        case .database: return 4
        case .queueWait: return 5
        case .redis: return 6
        case .llm: return 7
        case .cdn: return 8
        }
    }
}

extension FailureCause {
    /// Position in `allCases`, for arrays indexed by cause.
    var index: Int { FailureCause.allCases.firstIndex(of: self) ?? 0 }
}
