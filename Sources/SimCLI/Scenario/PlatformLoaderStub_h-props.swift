import ScaleSim
import SimModels

/// Decodes the few SaaS fields `simctl check` needs until the full platform decoder lands.
///
/// Reads `customers.count`, `workload.activity_skew`, `architecture.preset`, `architecture.parts`
/// (parts switched on over the preset), and `run.duration_seconds`, `run.warmup_seconds`,
/// `run.replications` and `run.seed`; `assert`, `ranges` and `journey` are left to their readers.
///
/// NOTE: a stand-in to delete when PlatformScenarioDecoder reaches main; its field names may differ.
func loadPlatformScenario(_ file: ScenarioFile) throws -> PlatformScenario {
    let diagnostics = ScenarioDiagnostics()
    var scenario = PlatformScenario(customers: CustomerSpec(count: 100))
    if let root = ObjectReader(file.document, diagnostics: diagnostics) {
        root.markKnown("kind", "description", "assert", "ranges", "journey")
        if let customers = root.optionalObject("customers") {
            scenario.customers.count = customers.int("count", default: 100, range: .atLeast(1))
            customers.finish()
        }
        if let workload = root.optionalObject("workload") {
            scenario.workload.activitySkew = workload.double("activity_skew", default: 1, range: .atLeast(0))
            workload.finish()
        }
        if let architecture = root.optionalObject("architecture") {
            let presets = ArchitecturePreset.allCases.map(\.rawValue)
            let preset = ArchitecturePreset(rawValue: architecture.string("preset", default: "stage1", oneOf: presets))
            scenario.architecture = (preset ?? .stage1).architecture
            let names = ArchitecturePart.allCases.map(\.rawValue)
            for element in architecture.optionalArray("parts") ?? [] {
                if let name = element.string(oneOf: names), let part = ArchitecturePart(rawValue: name) {
                    part.set(true, in: &scenario.architecture)
                }
            }
            architecture.finish()
        }
        if let run = root.optionalObject("run") {
            scenario.run.duration = run.durationSeconds("duration_seconds", default: scenario.run.duration,
                                                        range: .greaterThan(0))
            scenario.run.warmup = run.durationSeconds("warmup_seconds", default: scenario.run.warmup)
            scenario.run.replications = run.int("replications", default: 1, range: .within(1...1_000))
            scenario.run.seed = UInt64(run.int("seed", default: 1, range: .atLeast(0)))
            run.finish()
        }
        root.finish()
    }
    do {
        try diagnostics.throwIfAny(file: file.path)
    } catch let error as ScenarioError {
        throw InputError(error.description)
    }
    return scenario
}
