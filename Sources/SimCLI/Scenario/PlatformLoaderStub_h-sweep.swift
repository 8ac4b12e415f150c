import SimModels

/// Decodes a SaaS scenario file into a `PlatformScenario`, throwing `InputError` with every
/// diagnostic.
///
/// NOTE: a stub until the SaaS scenario decoder lands on main; it rejects every SaaS file.
func loadPlatformScenario(_ file: ScenarioFile) throws -> PlatformScenario {
    throw InputError("\(file.path): SaaS scenarios are not supported yet")
}
