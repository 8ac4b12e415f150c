import ScaleSim

/// One architecture at one checkpoint: its peak hour measured, averaged over replications.
public struct JourneyPoint: Sendable {
    public var customers: Int
    /// Months from launch at which the growth curve reaches `customers`.
    public var month: Double
    /// Every figure, the mean over replications.
    public var metrics: MetricSet
    /// Per request kind, the layer with the most mean time per request, or nil without requests.
    public var bottlenecks: [(kind: RequestKind, layer: Layer?)]
    /// Whether any replication stopped early because requests in flight passed the bound.
    public var stoppedEarly: Bool
    /// Seconds of the peak hour simulated, the shortest over replications.
    public var endSeconds: Double
    public var events: Int
    /// Objectives broken, in objective order.
    public var breaches: [ObjectiveBreach]
    /// Figures beyond `warningFraction` of their objective's bound.
    public var warnings: [ObjectiveBreach]

    /// Whether this checkpoint is past the wall: an objective broke or the run stopped early.
    public var isBroken: Bool { stoppedEarly || !breaches.isEmpty }

    /// Returns the layer where `kind` spends the most time, or nil.
    public func bottleneck(of kind: RequestKind) -> Layer? {
        bottlenecks.first { $0.kind == kind }?.layer ?? nil
    }

    /// The most utilized resource and its utilization (the first among equals), or nil.
    public var busiestResource: (name: String, utilization: Double)? {
        var busiest: (name: String, utilization: Double)?
        for (name, value) in zip(metrics.names, metrics.values)
        where name.hasPrefix("resources.") && name.hasSuffix(".utilization") && value > (busiest?.utilization ?? -1) {
            let resource = name.dropFirst("resources.".count).dropLast(".utilization".count)
            busiest = (String(resource), value)
        }
        return busiest
    }
}

/// The checkpoint where an architecture stops meeting its objectives, its cause and its remedy.
public struct JourneyWall: Sendable {
    /// Index of the wall checkpoint in the spec's checkpoints.
    public var checkpoint: Int
    public var customers: Int
    public var month: Double
    public var breaches: [ObjectiveBreach]
    public var stoppedEarly: Bool
    /// The request kind whose objective broke first (chat when only a resource broke).
    public var kind: RequestKind
    /// The layer where `kind` spends most of its time at the wall.
    public var layer: Layer?
    public var busiestResource: String?
    public var busiestUtilization: Double?
    /// The remedies to try for this bottleneck, in order; the last has no part to switch on.
    public var candidates: [Remedy]
    /// The wall checkpoint run again with each candidate's part on, in candidate order, up to the
    /// first that removes the wall or the first candidate without a part.
    public var checks: [RemedyCheck]
    /// The chosen remedy's migration: the first candidate whose check removes the wall, else the first
    /// candidate without a part; nil when that is a capacity change or a limit raised elsewhere.
    public var migration: String?
    /// The chosen remedy's action in a few words.
    public var remedy: String
    /// Whether a run with the chosen remedy's part on showed the broken objectives holding.
    public var isVerified: Bool
    /// The month work starts: the first checkpoint with warning signs, else the wall's.
    public var startMonth: Double
    /// Whether the team finishes the chosen migration before the wall; nil without a migration.
    public var readiness: MigrationReadiness?
}

/// The wall checkpoint run again, same seed and streams, with one remedy's part switched on.
public struct RemedyCheck: Sendable {
    public var remedy: Remedy
    /// The figures that broke at the wall, measured again with the part on, in breach order.
    public var figures: [ObjectiveBreach]
    /// Every objective broken with the part on.
    public var breaches: [ObjectiveBreach]
    /// Whether a replication with the part on stopped early, overloaded.
    public var stoppedEarly: Bool
    /// Events simulated by the check's replications.
    public var events: Int

    /// The figures that decide `removesWall`: the request figures (latency, error rate) among `figures`
    /// when there are any, else all of `figures`.
    ///
    /// A wall with a request breach is judged by what requests see. A resource figure may stay
    /// over its bound once the remedy works, as a provider's token quota stays fully used while a
    /// fallback provider takes the calls it rejects.
    public var decidingFigures: [ObjectiveBreach] {
        let requests = figures.filter { $0.kind != nil }
        return requests.isEmpty ? figures : requests
    }

    /// Whether the remedy removes the wall: no deciding figure breaks and no run stops early. A
    /// wall that only stopped early needs every objective to hold.
    public var removesWall: Bool {
        guard !stoppedEarly else { return false }
        if figures.isEmpty { return breaches.isEmpty }
        return !decidingFigures.contains { $0.objective.isBroken(by: $0.value) }
    }
}

/// One architecture over the whole journey.
public struct ArchitectureJourney: Sendable {
    public var name: String
    public var architecture: ArchitectureSpec
    public var stage: Int
    /// One point per checkpoint, in checkpoint order.
    public var points: [JourneyPoint]
    /// The first checkpoint that breaks an objective, or nil when all hold.
    public var wall: JourneyWall?
}

/// The outcome of a journey: every architecture at every checkpoint.
public struct JourneyResult: Sendable {
    public var spec: JourneySpec
    public var seed: UInt64
    /// The in-flight bound of each checkpoint's runs, in checkpoint order.
    public var stopBounds: [Int]
    public var architectures: [ArchitectureJourney]
    /// The team model of the journey: deploy pipelines and incident mitigation per stage.
    public var team: TeamModel
}
