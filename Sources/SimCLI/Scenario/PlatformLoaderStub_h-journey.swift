import ScaleSim
import SimModels

/// Decodes a SaaS scenario file into a `PlatformScenario`.
///
/// NOTE: a stand-in until the SaaS decoder lands. It reads only `customers.count` (default 1,000)
/// and `run.seed` (default 1) and keeps every other field at its model default.
func loadPlatformScenario(_ file: ScenarioFile) throws -> PlatformScenario {
    let diagnostics = ScenarioDiagnostics()
    var scenario = PlatformScenario(customers: CustomerSpec(count: 1_000))
    if let root = ObjectReader(file.document, diagnostics: diagnostics) {
        if let customers = root.optionalObject("customers") {
            scenario.customers.count = customers.int("count", default: 1_000, range: .atLeast(1))
        }
        if let run = root.optionalObject("run") {
            scenario.run.seed = UInt64(run.int("seed", default: 1, range: .atLeast(0)))
        }
    }
    do {
        try diagnostics.throwIfAny(file: file.path)
    } catch let error as ScenarioError {
        throw InputError(error.description)
    }
    return scenario
}
