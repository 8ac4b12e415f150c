import ScaleSim

/// The knobs a generated SaaS case turns on a base scenario: customers, plan mix, traffic,
/// activity skew, preset and parts.
///
/// A variant is a small value, so a failing case prints readably and shrinks knob by knob.
public struct PlatformVariant: Sendable, Equatable, CustomStringConvertible {
    public var customers: Int
    /// Share of customers on the pro plan; enterprise takes `enterpriseShare`, free the rest.
    public var proShare: Double
    public var enterpriseShare: Double
    /// Factor on every plan's sessions per day (1: the plan defaults).
    public var trafficMultiplier: Double
    /// Zipf exponent of activity across tenants.
    public var activitySkew: Double
    public var preset: ArchitecturePreset
    /// Parts switched on over the preset, in `ArchitecturePart.allCases` order.
    public var partsOn: [ArchitecturePart]

    public init(customers: Int, proShare: Double, enterpriseShare: Double, trafficMultiplier: Double,
                activitySkew: Double, preset: ArchitecturePreset, partsOn: [ArchitecturePart]) {
        self.customers = customers
        self.proShare = proShare
        self.enterpriseShare = enterpriseShare
        self.trafficMultiplier = trafficMultiplier
        self.activitySkew = activitySkew
        self.preset = preset
        self.partsOn = partsOn
    }

    /// Returns `base` with this variant's knobs set; the run, parameters and other workload
    /// fields stay as in `base`.
    public func apply(to base: PlatformScenario) -> PlatformScenario {
        var scenario = base
        scenario.customers.count = customers
        let free = max(0, 1 - proShare - enterpriseShare)
        scenario.customers.planMix = [.free: free, .pro: proShare, .enterprise: enterpriseShare]
        for plan in Plan.allCases {
            var profile = base.customers.profile(plan)
            profile.sessionsPerDay *= trafficMultiplier
            scenario.customers.plans[plan] = profile
        }
        scenario.workload.activitySkew = activitySkew
        scenario.architecture = preset.architecture
        for part in partsOn {
            part.set(true, in: &scenario.architecture)
        }
        return scenario
    }

    public var description: String {
        let parts = partsOn.isEmpty ? "none" : partsOn.map(\.rawValue).joined(separator: ",")
        return "customers=\(customers) pro=\(proShare) enterprise=\(enterpriseShare) "
            + "traffic=\(trafficMultiplier) skew=\(activitySkew) preset=\(preset.rawValue) parts+=\(parts)"
    }
}
