import ScaleSim

/// A whole SaaS scenario: customers, workload, architecture, model numbers and the run.
public struct PlatformScenario: Sendable, Equatable {
    public var customers: CustomerSpec
    public var workload: WorkloadSpec
    public var architecture: ArchitectureSpec
    public var parameters: ModelParameters
    public var run: PlatformRunSpec

    public init(customers: CustomerSpec, workload: WorkloadSpec = WorkloadSpec(),
                architecture: ArchitectureSpec = ArchitecturePreset.stage1.architecture,
                parameters: ModelParameters = ModelParameters(), run: PlatformRunSpec = PlatformRunSpec()) {
        self.customers = customers
        self.workload = workload
        self.architecture = architecture
        self.parameters = parameters
        self.run = run
    }
}

/// What one run simulates: a window of the platform's life at a given age.
public struct PlatformRunSpec: Sendable, Equatable {
    /// Simulated time after warm-up; an hour of peak traffic by default.
    public var duration: SimDuration = .hours(1)
    /// Time simulated before measuring, so caches, pools, replicas and queues reach their
    /// steady state.
    public var warmup: SimDuration = .minutes(10)
    public var replications: Int = 1
    public var seed: UInt64 = 1
    /// The platform's age in months, which sets the accumulated data volume; nil means the
    /// month at which the growth curve reaches the customer count.
    public var month: Double?
    /// Whether traffic runs at the daily peak hour's rate (true) or at the daily mean.
    public var peakHour: Bool = true
    /// When the next platform month begins, measured from the run's start (warm-up included);
    /// nil when the run ends before it. With partitions whose creation job does not run,
    /// inserts into partitioned tables fail from then on.
    public var nextMonthBoundary: SimDuration?

    public init() {}
}
