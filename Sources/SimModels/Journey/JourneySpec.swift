import ScaleSim

/// An architecture of the journey under the name reports use.
public struct NamedArchitecture: Sendable, Equatable {
    public var name: String
    public var architecture: ArchitectureSpec
    /// The growth stage (1 to 4) whose team does the migrations, for `TeamModel`.
    public var stage: Int

    public init(name: String, architecture: ArchitectureSpec, stage: Int) {
        self.name = name
        self.architecture = architecture
        self.stage = stage
    }

    /// Creates the preset under its own name (`stage1`), with its stage number.
    public init(preset: ArchitecturePreset) {
        let stage = (ArchitecturePreset.allCases.firstIndex(of: preset) ?? 0) + 1
        self.init(name: preset.rawValue, architecture: preset.architecture, stage: stage)
    }
}

/// The plan of a growth journey: customer checkpoints, architectures, the objectives that define
/// a wall, and the peak hour simulated at each checkpoint.
public struct JourneySpec: Sendable, Equatable {
    /// Customer counts, ascending.
    public var checkpoints: [Int] = JourneySpec.defaultCheckpoints
    public var architectures: [NamedArchitecture] = ArchitecturePreset.allCases.map(NamedArchitecture.init(preset:))
    public var objectives: [Objective] = JourneySpec.defaultObjectives
    /// The measured peak hour.
    public var duration: SimDuration = .hours(1)
    /// Simulated before the peak hour and discarded, so caches, pools and queues start warm.
    public var warmup: SimDuration = .minutes(10)
    public var replications: Int = 1
    /// The share of an objective's bound beyond which a checkpoint shows warning signs (see
    /// `JourneyWall.startMonth`).
    public var warningFraction: Double = 0.5

    public init() {}

    /// The steps of the default growth curve, from launch to 10,000 customers.
    public static let defaultCheckpoints = [10, 100, 200, 500, 1_000, 2_000, 5_000, 10_000]

    /// The default objectives.
    public static let defaultObjectives: [Objective] = [
        // A chat turn waits on an LLM reply of a few seconds; past 15 s users give up on the answer.
        Objective(metric: "chat.p95_ms", bound: 15_000),
        // The sidebar listing blocks the page; one second is the usual limit of a responsive page.
        Objective(metric: "listing.p95_ms", bound: 1_000),
        // A dashboard may take a few seconds to load, but not more than five.
        Objective(metric: "analytics.p95_ms", bound: 5_000),
        // At most one failed chat turn in a hundred, an SLO of 99% success.
        Objective(metric: "chat.error_rate", bound: 0.01),
        // Above 90% busy, queueing delay grows steeply (1 / (1 - rho)) and bursts have no headroom.
        Objective(metric: "resources.*.utilization", bound: 0.9),
    ]
}
