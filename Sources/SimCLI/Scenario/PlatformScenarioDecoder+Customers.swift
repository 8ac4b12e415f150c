import ScaleSim
import SimModels

/// The `customers` section: count, plan mix, plan profiles and the growth curve.
extension PlatformScenarioDecoder {
    /// The tolerance on the plan mix's sum, so decimal fractions such as 0.7 + 0.25 + 0.05 pass.
    static let planMixTolerance = 1e-9

    static func decodeCustomers(_ reader: ObjectReader) -> CustomerSpec? {
        let count = reader.int("count", range: .atLeast(1))
        var spec = CustomerSpec(count: count ?? 1)
        if let field = reader.field("plan_mix") {
            spec.planMix = decodePlanMix(field) ?? spec.planMix
        }
        if let plans = reader.optionalObject("plans") {
            for plan in Plan.allCases {
                guard let profile = plans.optionalObject(plan.rawValue) else { continue }
                spec.plans[plan] = decodePlanProfile(profile, defaults: spec.profile(plan))
                profile.finish()
            }
            plans.finish()
        }
        if let growth = reader.field("growth") {
            spec.growth = decodeGrowth(growth) ?? spec.growth
        }
        guard count != nil else { return nil }
        return spec
    }

    /// Reads the three plan shares; an absent plan has share 0. The shares must sum to 1.
    static func decodePlanMix(_ field: ValueReader) -> [Plan: Double]? {
        guard let reader = field.object() else { return nil }
        defer { reader.finish() }
        var mix: [Plan: Double] = [:]
        var isValid = true
        for plan in Plan.allCases {
            let share = reader.field(plan.rawValue).map { $0.double(range: .within(0...1)) } ?? 0
            if let share {
                mix[plan] = share
            } else {
                isValid = false
            }
        }
        guard isValid else { return nil }

        let sum = Plan.allCases.reduce(0.0) { $0 + (mix[$1] ?? 0) }
        guard abs(sum - 1) <= planMixTolerance else {
            return field.reject(expected: "free, pro and enterprise shares that sum to 1 (they sum to \(NumberFormat.standard.string(sum)))")
        }
        return mix
    }

    static func decodePlanProfile(_ reader: ObjectReader, defaults: PlanProfile) -> PlanProfile {
        PlanProfile(
            sessionsPerDay: reader.double("sessions_per_day", default: defaults.sessionsPerDay, range: .atLeast(0)),
            agents: reader.int("agents", default: defaults.agents, range: .atLeast(1)),
            concurrencyLimit: reader.int("concurrency_limit", default: defaults.concurrencyLimit, range: .atLeast(1)),
            requestsPerSecondLimit: reader.double("requests_per_second_limit", default: defaults.requestsPerSecondLimit,
                                                  range: .greaterThan(0)))
    }

    /// Reads `[{"month": m, "customers": c}, ...]`: at least one point, months strictly
    /// increasing, customers never decreasing.
    static func decodeGrowth(_ field: ValueReader) -> GrowthCurve? {
        guard let elements = field.elements() else { return nil }
        guard !elements.isEmpty else {
            return field.reject(expected: "at least one {\"month\", \"customers\"} point")
        }
        var points: [(month: Double, customers: Double)] = []
        var isValid = true
        for element in elements {
            guard let reader = element.object() else {
                isValid = false
                continue
            }
            defer { reader.finish() }
            let month = reader.double("month", range: .atLeast(0))
            let customers = reader.double("customers", range: .atLeast(0))
            guard let month, let customers else {
                isValid = false
                continue
            }
            if let previous = points.last {
                if month <= previous.month {
                    let _: Int? = reader.requiredField("month", expected: "")?.reject(
                        expected: "a month greater than the previous point's \(NumberFormat.standard.string(previous.month))")
                    isValid = false
                }
                if customers < previous.customers {
                    let _: Int? = reader.requiredField("customers", expected: "")?.reject(
                        expected: "customers >= the previous point's \(NumberFormat.standard.string(previous.customers)); the curve never falls")
                    isValid = false
                }
            }
            points.append((month, customers))
        }
        return isValid ? GrowthCurve(points: points) : nil
    }
}
