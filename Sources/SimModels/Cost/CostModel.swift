import Foundation

/// The use-billed consumption of the simulated hour: CDN bytes and LLM spend.
public struct HourlyUsage: Sendable, Equatable {
    /// Bytes the CDN served in the simulated hour.
    public var cdnBytes: Double
    /// US dollars spent on LLM tokens in the simulated hour, fallback provider included.
    public var llmDollars: Double
    /// The simulated hour's share of a day's traffic (the daily profile's peak-hour share when
    /// the peak hour is simulated), in (0, 1].
    public var shareOfDay: Double

    public init(cdnBytes: Double, llmDollars: Double, shareOfDay: Double) {
        self.cdnBytes = cdnBytes
        self.llmDollars = llmDollars
        self.shareOfDay = shareOfDay
    }
}

/// The monthly cost of an architecture from list prices and one simulated hour's usage.
///
/// Servers are always on: each costs its hourly price x 24 x `daysPerMonth`, because the
/// architecture has no autoscaling, so servers do not scale down off-peak. The runtime and
/// background workers run on servers of `workerSlotsPerServer` slots, ceil(slots / slots per
/// server) of each. Redis and the primary are always present (every stage has them).
///
/// Use-billed parts scale the simulated hour to a month through the daily traffic profile:
///
///     monthly = hour's use / hour's share of the day x daysPerMonth
///
/// CDN bytes convert to decimal GB (10^9 bytes) at `cdnPerGB`. Negative prices or usage count
/// as zero, so no part is ever negative.
public struct CostModel: Sendable, Equatable {
    public let prices: InfrastructurePrices

    /// Creates a model.
    ///
    /// - Precondition: `prices.workerSlotsPerServer >= 1`.
    public init(prices: InfrastructurePrices = InfrastructurePrices()) {
        precondition(prices.workerSlotsPerServer >= 1, "workerSlotsPerServer must be at least 1, got \(prices.workerSlotsPerServer)")
        self.prices = prices
    }

    /// Returns the monthly cost of `architecture` given the simulated hour's `usage`.
    ///
    /// - Precondition: `usage.shareOfDay` is in (0, 1].
    public func monthlyCost(of architecture: ArchitectureSpec, usage: HourlyUsage) -> CostBreakdown {
        precondition(usage.shareOfDay > 0 && usage.shareOfDay <= 1, "shareOfDay must be in (0, 1], got \(usage.shareOfDay)")

        let runtimeSlots = architecture.queue?.runtimeWorkers ?? 0
        return CostBreakdown(
            appServers: servers("app servers", count: architecture.appServers, pricePerHour: prices.appServerPerHour),
            database: servers("database primary", count: 1, pricePerHour: prices.databasePerHour),
            replicas: servers("read replicas", count: architecture.replicas.count, pricePerHour: prices.replicaPerHour),
            redis: servers("redis", count: 1, pricePerHour: prices.redisPerHour),
            pooler: servers("pooler", count: architecture.pooler == nil ? 0 : 1, pricePerHour: prices.poolerPerHour),
            runtimeWorkers: workerServers("runtime workers", slots: runtimeSlots),
            backgroundWorkers: workerServers("background workers", slots: architecture.backgroundWorkers),
            cdn: cdn(bytesInHour: architecture.cdn ? usage.cdnBytes : 0, shareOfDay: usage.shareOfDay),
            llm: llm(dollarsInHour: usage.llmDollars, shareOfDay: usage.shareOfDay))
    }

    /// Returns the servers needed for `slots` worker slots: ceil(slots / workerSlotsPerServer).
    public func workerServerCount(slots: Int) -> Int {
        guard slots > 0 else { return 0 }
        return (slots + prices.workerSlotsPerServer - 1) / prices.workerSlotsPerServer
    }

    private var hoursPerMonth: Double { 24 * max(0, prices.daysPerMonth) }

    private func servers(_ name: String, count: Int, pricePerHour: Double) -> CostPart {
        let count = max(0, count)
        let price = max(0, pricePerHour)
        let dollars = Double(count) * price * hoursPerMonth
        let derivation = String(format: "%d x $%.3f/h x 24 h x %g days = $%.2f", count, price, max(0, prices.daysPerMonth), dollars)
        return CostPart(name: name, dollarsPerMonth: dollars, derivation: derivation)
    }

    private func workerServers(_ name: String, slots: Int) -> CostPart {
        let count = workerServerCount(slots: slots)
        let part = servers(name, count: count, pricePerHour: prices.workerServerPerHour)
        let derivation = "ceil(\(max(0, slots)) slots / \(prices.workerSlotsPerServer)) = \(part.derivation)"
        return CostPart(name: name, dollarsPerMonth: part.dollarsPerMonth, derivation: derivation)
    }

    private func cdn(bytesInHour: Double, shareOfDay: Double) -> CostPart {
        let gigabytesInHour = max(0, bytesInHour) / 1e9
        let gigabytesPerMonth = gigabytesInHour / shareOfDay * max(0, prices.daysPerMonth)
        let price = max(0, prices.cdnPerGB)
        let dollars = gigabytesPerMonth * price
        let derivation = String(format: "%.3f GB in the hour / %.4f of the day x %g days = %.1f GB x $%.3f/GB = $%.2f",
                                gigabytesInHour, shareOfDay, max(0, prices.daysPerMonth), gigabytesPerMonth, price, dollars)
        return CostPart(name: "cdn", dollarsPerMonth: dollars, derivation: derivation)
    }

    private func llm(dollarsInHour: Double, shareOfDay: Double) -> CostPart {
        let hourDollars = max(0, dollarsInHour)
        let dollars = hourDollars / shareOfDay * max(0, prices.daysPerMonth)
        let derivation = String(format: "$%.2f in the hour / %.4f of the day x %g days = $%.2f",
                                hourDollars, shareOfDay, max(0, prices.daysPerMonth), dollars)
        return CostPart(name: "llm", dollarsPerMonth: dollars, derivation: derivation)
    }
}
