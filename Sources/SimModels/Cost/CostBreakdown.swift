import Foundation

/// One line of a monthly bill.
public struct CostPart: Sendable, Equatable {
    /// The name the CLI prints, such as "app servers".
    public let name: String
    /// US dollars per month, never negative.
    public let dollarsPerMonth: Double
    /// The arithmetic behind the figure, for the CLI to print.
    public let derivation: String

    public init(name: String, dollarsPerMonth: Double, derivation: String) {
        self.name = name
        self.dollarsPerMonth = dollarsPerMonth
        self.derivation = derivation
    }
}

/// The monthly cost of an architecture, part by part, in US dollars per month.
public struct CostBreakdown: Sendable, Equatable {
    public let appServers: CostPart
    public let database: CostPart
    public let replicas: CostPart
    public let redis: CostPart
    public let pooler: CostPart
    public let runtimeWorkers: CostPart
    public let backgroundWorkers: CostPart
    public let cdn: CostPart
    public let llm: CostPart

    /// Every part, in the order the CLI prints them.
    public var parts: [CostPart] {
        [appServers, database, replicas, redis, pooler, runtimeWorkers, backgroundWorkers, cdn, llm]
    }

    /// Dollars per month for infrastructure and LLM together: the sum of `parts`.
    public var totalDollarsPerMonth: Double {
        parts.reduce(0) { $0 + $1.dollarsPerMonth }
    }

    /// Dollars per month of everything but the LLM.
    public var infrastructureDollarsPerMonth: Double {
        totalDollarsPerMonth - llm.dollarsPerMonth
    }

    /// Returns the total per customer per month, or nil when there are no customers.
    public func dollarsPerCustomerPerMonth(customers: Int) -> Double? {
        guard customers > 0 else { return nil }
        return totalDollarsPerMonth / Double(customers)
    }

    /// The derivation of every part, one line each, then the total.
    public var derivation: String {
        let lines = parts.map { "\($0.name): \($0.derivation)" }
        return (lines + [String(format: "total: $%.2f per month", totalDollarsPerMonth)]).joined(separator: "\n")
    }
}
