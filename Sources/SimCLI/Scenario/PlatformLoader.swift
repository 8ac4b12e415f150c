import SimModels

/// Decodes a SaaS scenario file into a `PlatformScenario`, throwing `InputError` with every
/// diagnostic, one per line.
func loadPlatformScenario(_ file: ScenarioFile) throws -> PlatformScenario {
    do {
        return try PlatformScenarioDecoder.decode(file).scenario
    } catch let error as ScenarioError {
        throw InputError(error.description)
    }
}
