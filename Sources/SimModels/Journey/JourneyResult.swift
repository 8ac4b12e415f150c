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
    /// The migration that removes the wall, or nil when none of `TeamModel`'s migrations does.
    public var migration: String?
    /// The action in a few words, including capacity changes that need no migration.
    public var remedy: String
    /// The month work starts: the first checkpoint with warning signs, else the wall's.
    public var startMonth: Double
    /// Whether the team finishes the migration before the wall; nil without a migration.
    public var readiness: MigrationReadiness?
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
