/// A customer's plan; it sets the tenant's size, activity and limits.
public enum Plan: String, Sendable, CaseIterable, Comparable {
    case free
    case pro
    case enterprise

    public static func < (lhs: Plan, rhs: Plan) -> Bool {
        lhs.index < rhs.index
    }
}

extension Plan {
    /// The position in `allCases`, for per-plan arrays.
    var index: Int {
        switch self {
        case .free: return 0
        case .pro: return 1
        case .enterprise: return 2
        }
    }
}

/// Per-plan figures: how active a tenant of the plan is and what it may use.
public struct PlanProfile: Sendable, Equatable {
    /// Conversations (sessions) a tenant of this plan opens per day on average.
    public var sessionsPerDay: Double
    /// Agents a tenant configures; each conversation talks to one of them.
    public var agents: Int
    /// Concurrent conversations allowed when tenant limits are on.
    public var concurrencyLimit: Int
    /// Requests per second allowed when tenant limits are on (the burst is one second's worth).
    public var requestsPerSecondLimit: Double

    public init(sessionsPerDay: Double, agents: Int, concurrencyLimit: Int, requestsPerSecondLimit: Double) {
        self.sessionsPerDay = sessionsPerDay
        self.agents = agents
        self.concurrencyLimit = concurrencyLimit
        self.requestsPerSecondLimit = requestsPerSecondLimit
    }

    /// Defaults per plan. The limits are the product's published defaults (free 5 concurrent and
    /// 10 requests/s, pro 50 and 100, enterprise 500 and 1,000). Activity is an estimate for a
    /// B2B agent product: a free workspace tries a few chats a day, an enterprise runs agents for
    /// many seats.
    public static func defaults(for plan: Plan) -> PlanProfile {
        switch plan {
        case .free: return PlanProfile(sessionsPerDay: 4, agents: 1, concurrencyLimit: 5, requestsPerSecondLimit: 10)
        case .pro: return PlanProfile(sessionsPerDay: 30, agents: 3, concurrencyLimit: 50, requestsPerSecondLimit: 100)
        case .enterprise:
            return PlanProfile(sessionsPerDay: 250, agents: 10, concurrencyLimit: 500, requestsPerSecondLimit: 1_000)
        }
    }
}
