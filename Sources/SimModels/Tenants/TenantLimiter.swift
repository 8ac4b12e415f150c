import ScaleSim

/// The outcome of `TenantLimiter.admit`.
public enum TenantAdmission: Equatable, Sendable {
    /// The request occupies one of the tenant's concurrency slots until `release` or `holderDied`.
    case admitted
    /// Every concurrency slot of the tenant is held, by live or dead holders.
    case rejectedConcurrency
    /// The tenant's request-rate bucket is empty.
    case rejectedRate
}

/// Per-tenant concurrency slots and request-rate token buckets, sized by plan.
///
/// Each tenant has `PlanProfile.concurrencyLimit` slots and a token bucket of
/// `requestsPerSecondLimit` tokens per second with a burst of one second's worth, full at the
/// tenant's first request. A request first needs a free slot, then a token, so a request turned
/// away for concurrency takes no token.
///
/// A holder that dies without releasing (a crashed worker) keeps its slot. Without a safety TTL
/// the slot leaks for good and the tenant's usable concurrency shrinks. With one, the slot comes
/// back `slotTTL` after the death, as a Redis slot key with an EXPIRE would. Expiry is computed
/// from time when the tenant is next seen: each tenant keeps its dead holders' expiry instants
/// in order, so no event is needed. Live holders' slots never expire; the model assumes they
/// finish or refresh the EXPIRE within the TTL.
///
/// - Complexity: `admit` is O(1) amortized, `release` and `holderDied` O(1).
public struct TenantLimiter: Sendable {
    /// The EXPIRE on each slot; nil for slots that leak when their holder dies.
    public let slotTTL: SimDuration?

    private let profiles: [PlanProfile]
    private var tenants: [TenantSlots]

    /// Requests rejected for concurrency, by tenant.
    public private(set) var rejectedConcurrency: [Int]
    /// Requests rejected for rate, by tenant.
    public private(set) var rejectedRate: [Int]
    /// Slots lost for good to holders that died without a TTL, over all tenants.
    public private(set) var leakedSlotsTotal = 0
    /// Slots that came back when their TTL expired, over all tenants.
    public private(set) var expiredSlotsTotal = 0

    /// Creates a limiter for tenants 0..<tenantCount, with no slot held.
    ///
    /// `profiles` gives each plan's limits; a plan missing from it uses `PlanProfile.defaults`.
    ///
    /// - Precondition: `tenantCount >= 0`; `slotTTL`, when given, is positive; every limit is
    ///   at least 1 slot and a positive rate.
    public init(tenantCount: Int, profiles: [Plan: PlanProfile] = [:], slotTTL: SimDuration?) {
        precondition(tenantCount >= 0, "tenantCount must not be negative, got \(tenantCount)")
        if let slotTTL {
            precondition(slotTTL > .zero, "slotTTL must be positive, got \(slotTTL)")
        }
        self.profiles = Plan.allCases.map { plan in profiles[plan] ?? PlanProfile.defaults(for: plan) }
        for (plan, profile) in zip(Plan.allCases, self.profiles) {
            precondition(profile.concurrencyLimit >= 1, "\(plan) concurrency limit must be at least 1, got \(profile.concurrencyLimit)")
            precondition(profile.requestsPerSecondLimit > 0, "\(plan) rate limit must be positive, got \(profile.requestsPerSecondLimit)")
        }
        self.slotTTL = slotTTL
        self.tenants = Array(repeating: TenantSlots(), count: tenantCount)
        self.rejectedConcurrency = Array(repeating: 0, count: tenantCount)
        self.rejectedRate = Array(repeating: 0, count: tenantCount)
    }

    /// Creates a limiter from the customers' plan profiles and the tenant-limit parameters.
    public init(tenantCount: Int, customers: CustomerSpec, parameters: TenantLimitParameters) {
        self.init(tenantCount: tenantCount, profiles: customers.plans, slotTTL: parameters.slotTTL)
    }

    /// Tenants the limiter tracks.
    public var tenantCount: Int { tenants.count }

    /// Requests rejected for concurrency, all tenants.
    public var rejectedConcurrencyTotal: Int { rejectedConcurrency.reduce(0, +) }

    /// Requests rejected for rate, all tenants.
    public var rejectedRateTotal: Int { rejectedRate.reduce(0, +) }

    /// Returns the limits of `plan`.
    public func profile(_ plan: Plan) -> PlanProfile {
        profiles[plan.index]
    }

    // MARK: Admission

    /// Admits a request of `tenant` or rejects it, counting the rejection by cause.
    ///
    /// - Precondition: `tenant` is in 0..<tenantCount, the tenant keeps one plan, and `now` is
    ///   not before the tenant's previous call.
    public mutating func admit(tenant: Int, plan: Plan, at now: SimTime) -> TenantAdmission {
        checkTenant(tenant)
        let profile = profiles[plan.index]
        expireSlots(of: tenant, at: now)

        if tenants[tenant].plan == nil {
            tenants[tenant].plan = plan
            tenants[tenant].bucket = TokenBucket(ratePerSecond: profile.requestsPerSecondLimit,
                                                 burst: max(1, profile.requestsPerSecondLimit), at: now)
        }
        precondition(tenants[tenant].plan == plan, "tenant \(tenant) changed plan from \(tenants[tenant].plan.map { "\($0)" } ?? "none") to \(plan)")

        guard tenants[tenant].heldSlots < profile.concurrencyLimit else {
            rejectedConcurrency[tenant] += 1
            return .rejectedConcurrency
        }
        guard tenants[tenant].bucket?.tryTake(at: now) == true else {
            rejectedRate[tenant] += 1
            return .rejectedRate
        }
        tenants[tenant].inUse += 1
        return .admitted
    }

    /// Frees a slot whose holder finished.
    ///
    /// - Precondition: the tenant has a live holder.
    public mutating func release(tenant: Int, at now: SimTime) {
        checkTenant(tenant)
        precondition(tenants[tenant].inUse > 0, "tenant \(tenant) released a slot it does not hold")
        expireSlots(of: tenant, at: now)
        tenants[tenant].inUse -= 1
    }

    /// Records a holder that died without releasing its slot: the slot leaks, or expires
    /// `slotTTL` after `now`.
    ///
    /// - Precondition: the tenant has a live holder, and `now` is not before the tenant's
    ///   previous call.
    public mutating func holderDied(tenant: Int, at now: SimTime) {
        checkTenant(tenant)
        precondition(tenants[tenant].inUse > 0, "tenant \(tenant) lost a holder it does not have")
        expireSlots(of: tenant, at: now)
        tenants[tenant].inUse -= 1

        guard let slotTTL else {
            tenants[tenant].leaked += 1
            leakedSlotsTotal += 1
            return
        }
        tenants[tenant].expiries.append(now + slotTTL)
    }

    // MARK: Reading

    /// Returns the slots live holders of `tenant` use.
    public func inUse(tenant: Int) -> Int {
        checkTenant(tenant)
        return tenants[tenant].inUse
    }

    /// Returns the slots of `tenant` leaked for good.
    public func leakedSlots(tenant: Int) -> Int {
        checkTenant(tenant)
        return tenants[tenant].leaked
    }

    /// Returns the slots of `tenant` held by dead holders whose TTL has not expired at `now`.
    public func slotsAwaitingExpiry(tenant: Int, at now: SimTime) -> Int {
        checkTenant(tenant)
        return tenants[tenant].expiries.reduce(0) { count, expiry in expiry > now ? count + 1 : count }
    }

    /// Returns the slots of `tenant` that a new request could take at `now`: the limit less
    /// the live, leaked and not yet expired slots.
    public func freeSlots(tenant: Int, plan: Plan, at now: SimTime) -> Int {
        let held = inUse(tenant: tenant) + leakedSlots(tenant: tenant) + slotsAwaitingExpiry(tenant: tenant, at: now)
        return max(0, profiles[plan.index].concurrencyLimit - held)
    }

    // MARK: Internals

    /// Frees the slots of dead holders whose expiry is at or before `now`.
    private mutating func expireSlots(of tenant: Int, at now: SimTime) {
        precondition(now >= tenants[tenant].latestCall, "tenant \(tenant) called at \(now), before its previous call at \(tenants[tenant].latestCall)")
        tenants[tenant].latestCall = now
        while let expiry = tenants[tenant].expiries.first, expiry <= now {
            _ = tenants[tenant].expiries.popFirst()
            expiredSlotsTotal += 1
        }
    }

    private func checkTenant(_ tenant: Int) {
        precondition(tenants.indices.contains(tenant), "tenant \(tenant) is outside 0..<\(tenants.count)")
    }
}

/// One tenant's slots and rate bucket.
private struct TenantSlots: Sendable {
    /// The plan of the tenant's first request; nil before it.
    var plan: Plan?
    var bucket: TokenBucket?
    /// Slots held by live holders.
    var inUse = 0
    /// Slots of dead holders without a TTL.
    var leaked = 0
    /// Expiry instants of dead holders' slots, earliest first: appended in call order, and
    /// call times never decrease while the TTL is fixed.
    var expiries = RingBuffer<SimTime>()
    var latestCall = SimTime.zero

    /// Slots unavailable to a new request once expired slots are freed.
    var heldSlots: Int { inUse + leaked + expiries.count }
}
