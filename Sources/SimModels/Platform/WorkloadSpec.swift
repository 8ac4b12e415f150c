import ScaleSim

/// The customers: how many, on which plans, and how their number grows.
public struct CustomerSpec: Sendable, Equatable {
    /// Customers (tenants) at the moment simulated by `simctl run`.
    public var count: Int
    /// Fractions of customers on free, pro and enterprise; they sum to 1.
    public var planMix: [Plan: Double]
    public var plans: [Plan: PlanProfile]
    /// Customers over the platform's life, for data volume and the journey.
    public var growth: GrowthCurve

    public init(count: Int, planMix: [Plan: Double] = CustomerSpec.defaultPlanMix,
                plans: [Plan: PlanProfile] = Dictionary(uniqueKeysWithValues: Plan.allCases.map { ($0, PlanProfile.defaults(for: $0)) }),
                growth: GrowthCurve = .default) {
        self.count = count
        self.planMix = planMix
        self.plans = plans
        self.growth = growth
    }

    /// A freemium mix: most sign-ups stay free, a quarter pay, a few are enterprises.
    public static let defaultPlanMix: [Plan: Double] = [.free: 0.70, .pro: 0.25, .enterprise: 0.05]

    public func profile(_ plan: Plan) -> PlanProfile {
        plans[plan] ?? PlanProfile.defaults(for: plan)
    }
}

/// The customer count over months, as points joined linearly (months from launch, customers).
public struct GrowthCurve: Sendable, Equatable {
    public var points: [(month: Double, customers: Double)]

    public init(points: [(month: Double, customers: Double)]) {
        self.points = points
    }

    public static func == (lhs: GrowthCurve, rhs: GrowthCurve) -> Bool {
        lhs.points.count == rhs.points.count
            && zip(lhs.points, rhs.points).allSatisfy { $0.month == $1.month && $0.customers == $1.customers }
    }

    /// Ten customers at launch to 10,000 after 24 months, roughly doubling every two to three
    /// months: a steep but not unusual B2B SaaS curve, chosen as a teaching default.
    public static let `default` = GrowthCurve(points: [
        (0, 10), (3, 100), (6, 200), (9, 500), (12, 1_000), (15, 2_000), (19, 5_000), (24, 10_000),
    ])

    /// Customers at `month`, interpolated; constant beyond the ends.
    public func customers(atMonth month: Double) -> Double {
        guard let first = points.first, let last = points.last else { return 0 }
        if month <= first.month { return first.customers }
        if month >= last.month { return last.customers }
        for (left, right) in zip(points, points.dropFirst()) where month <= right.month {
            let fraction = (month - left.month) / (right.month - left.month)
            return left.customers + fraction * (right.customers - left.customers)
        }
        return last.customers
    }

    /// Returns the first month at which the curve reaches `customers`, or nil when it never does.
    public func month(reaching customers: Double) -> Double? {
        guard let first = points.first else { return nil }
        if customers <= first.customers { return first.month }
        for (left, right) in zip(points, points.dropFirst()) where customers <= right.customers {
            guard right.customers > left.customers else { continue }
            let fraction = (customers - left.customers) / (right.customers - left.customers)
            return left.month + fraction * (right.month - left.month)
        }
        return nil
    }
}

/// One request of a replayed trace.
public struct TraceRecord: Sendable, Equatable {
    /// Time since the start of the trace.
    public var offset: SimDuration
    public var inputTokens: Int
    public var outputTokens: Int
    /// Prefix-block hashes (one per 512-token block in the Mooncake trace); empty when unknown.
    public var prefixHashes: [UInt32]

    public init(offset: SimDuration, inputTokens: Int, outputTokens: Int, prefixHashes: [UInt32] = []) {
        self.offset = offset
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.prefixHashes = prefixHashes
    }
}

/// A request trace and how it is scaled to the simulated customer count.
public struct TraceSpec: Sendable, Equatable {
    public var name: String
    public var records: [TraceRecord]
    /// The trace's length; replays that run past it loop only when `loop` is set.
    public var span: SimDuration
    /// Customers whose traffic one copy of the trace stands for.
    public var customersPerCopy: Double
    /// Whether a copy that reaches the end of the trace starts again from its beginning.
    public var loop: Bool

    public init(name: String, records: [TraceRecord], span: SimDuration, customersPerCopy: Double, loop: Bool) {
        self.name = name
        self.records = records
        self.span = span
        self.customersPerCopy = customersPerCopy
        self.loop = loop
    }
}

/// The customers' workload: sessions, chat turns, listings, assets and analytics queries.
public struct WorkloadSpec: Sendable, Equatable {
    /// Zipf exponent of activity across tenants (1.0: the busiest tenant is about as busy as
    /// the next ones together at ten tenants; 0: all equal).
    public var activitySkew: Double = 1.0
    /// Share of a day's sessions that fall in each hour, 24 weights (normalized when used).
    public var dailyProfile: [Double] = WorkloadSpec.businessDayProfile
    /// Chat turns per conversation.
    public var turnsPerSession: Distribution = .fixed(6)
    /// Think time: seconds a user takes to send the next message after a reply.
    public var thinkTime: Distribution = .exponential(mean: 20)
    /// Input and output tokens of a chat turn's LLM call, when no trace is replayed.
    public var inputTokens: Distribution = .lognormal(mean: 1_155, coefficientOfVariation: 0.9)
    public var outputTokens: Distribution = .lognormal(mean: 211, coefficientOfVariation: 0.9)
    /// Distinct message templates users pick from, and the Zipf exponent of their popularity.
    public var messageTemplates: Int = 50_000
    public var templateSkew: Double = 1.0
    /// Tokens of an agent's system prompt and tool definitions, the same for all its
    /// conversations (what provider-side prompt caching can reuse).
    public var systemPromptTokens: Int = 1_024
    /// Share of messages that are free text, never repeated.
    public var freeTextShare: Double = 0.6
    /// Conversation listings a session loads (the sidebar, on open).
    public var listingsPerSession: Double = 1
    /// Chance that the conversation list refreshes after a reply (the sidebar shows the new
    /// last message). This read right after the user's own write is where a replica's lag shows.
    public var listingRefreshAfterTurn: Double = 0.5
    /// Static assets a session loads (scripts, styles, images).
    public var assetsPerSession: Double = 12
    /// Analytics queries per tenant per hour (dashboards).
    public var analyticsPerTenantHour: Double = 0.5
    /// A trace that replaces the synthetic session arrivals and token counts.
    public var trace: TraceSpec?
    /// A closed load generator instead of open sessions.
    public var closedLoop: ClosedLoopSpec?

    public init() {}

    /// Hourly shares of a B2B product's daily traffic (UTC, one region): quiet at night, a
    /// morning ramp and a peak at 10:00-11:00 of about 10% of the day. An estimate, not a
    /// measurement; a scenario can replace it.
    public static let businessDayProfile: [Double] = [
        1, 1, 1, 1, 1, 1, 2, 4, 7, 9, 10, 9, 7, 8, 9, 8, 6, 4, 3, 2, 2, 2, 1, 1,
    ]

    /// The largest hourly share of a day's traffic.
    public var peakHourShare: Double {
        let total = dailyProfile.reduce(0, +)
        guard total > 0 else { return 1.0 / 24 }
        return (dailyProfile.max() ?? 0) / total
    }
}

/// C clients, each sending its next chat turn a think time after its last reply.
public struct ClosedLoopSpec: Sendable, Equatable {
    public var clients: Int
    /// Seconds between a reply and the next request; zero for a saturation test.
    public var thinkTime: Distribution

    public init(clients: Int, thinkTime: Distribution) {
        self.clients = clients
        self.thinkTime = thinkTime
    }
}
