import Foundation
import ScaleSim

/// The tenants of a run, each with a plan and an activity level, built deterministically.
///
/// Tenants are ranked by a key each draws from its own stream, `"workload.tenant"` with its
/// index, so adding tenants leaves the earlier tenants' keys unchanged (their ranks shift).
/// Plans follow the rank: the top `planMix[.enterprise]` share of tenants are enterprise, the
/// next `planMix[.pro]` share pro, the rest free, because the biggest customers are the ones
/// that buy enterprise plans. Counts are rounded cumulatively (enterprise = round(N·e),
/// enterprise + pro = round(N·(e + p)), free takes the rest), so they always sum to N; the mix
/// is normalized by its sum.
///
/// Within a plan, the tenant of within-plan rank r (from 1) has activity factor
/// r^-activitySkew, scaled so that the factors of the plan average exactly 1; its sessions per
/// day are the plan's `sessionsPerDay` times its factor. Because each plan is normalized on its
/// own, the least active enterprise tenants may be less active than the busiest pro tenants.
public struct TenantPopulation: Sendable {
    /// Each tenant's plan, by tenant index.
    public let plans: [Plan]
    /// Each tenant's activity relative to its plan's mean; the mean within each plan is 1.
    public let activityFactors: [Double]
    /// Sessions each tenant opens per day.
    public let sessionsPerDay: [Double]
    /// The sum of `sessionsPerDay`.
    public let totalSessionsPerDay: Double
    /// Each tenant's share of all sessions and so of all rows written; the shares sum to 1.
    public let rowShares: [Double]
    /// Tenants by plan, in `Plan.allCases` order.
    private let planCounts: [Int]
    private let tenantChoice: WeightedChoice?

    /// Builds `customers.count` tenants.
    ///
    /// - Complexity: O(N log N) for N tenants, for the ranking sort.
    public init(customers: CustomerSpec, activitySkew: Double, streams: RandomStreams) {
        precondition(customers.count >= 0, "customer count must not be negative, got \(customers.count)")
        precondition(activitySkew >= 0 && activitySkew.isFinite,
                     "activitySkew must be finite and >= 0, got \(activitySkew)")
        let count = customers.count

        // Rank tenants by their own draw, ties by index, so the order depends on the seed alone.
        let keys = (0..<count).map { index -> UInt64 in
            var rng = streams.stream("workload.tenant", index: UInt64(index))
            return rng.next()
        }
        let ranking = (0..<count).sorted { (keys[$0], $0) < (keys[$1], $1) }

        let segments = TenantPopulation.planSegments(count: count, mix: customers.planMix)
        var plans = [Plan](repeating: .free, count: count)
        var factors = [Double](repeating: 1, count: count)
        var sessions = [Double](repeating: 0, count: count)
        var counts = [Int](repeating: 0, count: Plan.allCases.count)

        for segment in segments {
            let size = segment.ranks.count
            guard size > 0 else { continue }
            let weights = (1...size).map { pow(Double($0), -activitySkew) }
            let meanWeight = weights.reduce(0, +) / Double(size)
            let planSessions = customers.profile(segment.plan).sessionsPerDay

            for (offset, rank) in segment.ranks.enumerated() {
                let tenant = ranking[rank]
                plans[tenant] = segment.plan
                factors[tenant] = weights[offset] / meanWeight
                sessions[tenant] = planSessions * factors[tenant]
            }
            if let planIndex = Plan.allCases.firstIndex(of: segment.plan) {
                counts[planIndex] = size
            }
        }

        let total = sessions.reduce(0, +)
        self.plans = plans
        activityFactors = factors
        sessionsPerDay = sessions
        totalSessionsPerDay = total
        rowShares = total > 0 ? sessions.map { $0 / total } : sessions.map { _ in 0 }
        planCounts = counts
        tenantChoice = total > 0 ? WeightedChoice(uncheckedWeights: sessions) : nil
    }

    /// The number of tenants.
    public var count: Int { plans.count }

    /// Tenants on `plan`.
    public func count(of plan: Plan) -> Int {
        guard let index = Plan.allCases.firstIndex(of: plan) else { return 0 }
        return planCounts[index]
    }

    /// Mean sessions per tenant per day, over all plans: the input of `DataVolume`.
    public var meanSessionsPerCustomerDay: Double {
        count > 0 ? totalSessionsPerDay / Double(count) : 0
    }

    /// Draws a tenant index with probability proportional to its sessions per day; nil when no
    /// tenant is active.
    ///
    /// - Complexity: O(1), by an alias table.
    public func sampleTenant(using rng: inout Xoshiro256StarStar) -> Int? {
        tenantChoice?.sample(using: &rng)
    }

    /// Splits the ranks into one range per plan, busiest plan first.
    private static func planSegments(count: Int, mix: [Plan: Double]) -> [(plan: Plan, ranks: Range<Int>)] {
        let order: [Plan] = Plan.allCases.reversed()
        let shares = order.map { max(0, mix[$0] ?? 0) }
        let total = shares.reduce(0, +)

        var segments: [(plan: Plan, ranks: Range<Int>)] = []
        var cumulativeShare = 0.0
        var lower = 0
        for (index, plan) in order.enumerated() {
            cumulativeShare += shares[index]
            let isLast = index == order.count - 1
            let fraction = total > 0 ? cumulativeShare / total : (isLast ? 1 : 0)
            let upper = isLast ? count : min(count, max(lower, Int((Double(count) * fraction).rounded())))
            segments.append((plan, lower..<upper))
            lower = upper
        }
        return segments
    }
}
