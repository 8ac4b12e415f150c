import ScaleSim

/// The ranges SaaS cases are drawn from; each shrinks toward its lower bound or first option.
public struct PlatformRanges: Sendable, Equatable {
    /// Customers (tenants); shrinks toward fewer.
    public var customers: ClosedRange<Int> = 20...200
    public var proShare: ClosedRange<Double> = 0...0.5
    public var enterpriseShare: ClosedRange<Double> = 0...0.1
    /// Factor on sessions per day; shrinks toward less traffic.
    public var trafficMultiplier: ClosedRange<Double> = 0.5...2
    public var activitySkew: ClosedRange<Double> = 0...1.5
    /// Presets to pick from; shrinks toward the first.
    public var presets: [ArchitecturePreset] = ArchitecturePreset.allCases
    /// Parts that may be switched on over the preset, each independently; shrinks toward off.
    public var optionalParts: [ArchitecturePart] = []

    public init() {}
}

/// Generators of SaaS scenario variants for property checks.
public enum PlatformGenerators {
    /// Shares and multipliers shrink in steps of 0.01: finer steps change no figure that
    /// matters and would only spend the shrink budget.
    public static let resolution = 0.01

    /// Variants within `ranges`.
    ///
    /// - Precondition: `ranges.presets` is not empty.
    public static func variant(_ ranges: PlatformRanges) -> Generator<PlatformVariant> {
        let mix = Generator<(Double, Double)>.zip(
            .double(in: ranges.proShare, resolution: resolution),
            .double(in: ranges.enterpriseShare, resolution: resolution))
        let load = Generator<(Double, Double)>.zip(
            .double(in: ranges.trafficMultiplier, resolution: resolution),
            .double(in: ranges.activitySkew, resolution: resolution))
        let parts = partsGenerator(ranges.optionalParts)
        let architecture = Generator<(ArchitecturePreset, [ArchitecturePart])>.zip(.element(of: ranges.presets), parts)
        let knobs = Generator<(Int, (Double, Double))>.zip(.int(in: ranges.customers), mix)
        let rest = Generator<((Double, Double), (ArchitecturePreset, [ArchitecturePart]))>.zip(load, architecture)
        return Generator<((Int, (Double, Double)), ((Double, Double), (ArchitecturePreset, [ArchitecturePart])))>
            .zip(knobs, rest)
            .map { knobs, rest in
                PlatformVariant(customers: knobs.0, proShare: knobs.1.0, enterpriseShare: knobs.1.1,
                                trafficMultiplier: rest.0.0, activitySkew: rest.0.1,
                                preset: rest.1.0, partsOn: rest.1.1)
            }
    }

    /// Scenarios: `base` with a variant within `ranges` applied.
    public static func scenario(_ ranges: PlatformRanges, base: PlatformScenario) -> Generator<PlatformScenario> {
        variant(ranges).map { $0.apply(to: base) }
    }

    /// A small scenario for property suites: a short run with a short warm-up, one replication.
    public static func smallBase(minutes: Int = 5, seed: UInt64 = 1) -> PlatformScenario {
        var scenario = PlatformScenario(customers: CustomerSpec(count: 50))
        scenario.run.duration = .minutes(Double(minutes))
        scenario.run.warmup = .minutes(1)
        scenario.run.replications = 1
        scenario.run.seed = seed
        return scenario
    }

    /// Subsets of `parts` in their given order; each shrinks toward fewer parts switched on.
    static func partsGenerator(_ parts: [ArchitecturePart]) -> Generator<[ArchitecturePart]> {
        var generator = Generator<[ArchitecturePart]>.constant([])
        for part in parts {
            generator = Generator<([ArchitecturePart], Bool)>.zip(generator, .bool).map { chosen, isOn in
                isOn ? chosen + [part] : chosen
            }
        }
        return generator
    }
}
