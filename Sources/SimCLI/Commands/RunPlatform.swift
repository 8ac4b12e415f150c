/// Runs a scenario whose kind is not `queueing_network`: the SaaS platform world.
///
/// NOTE: a stub until the platform runner lands; it rejects every platform scenario.
func runPlatformScenario(_ file: ScenarioFile, arguments: ParsedArguments, console: Console) throws -> Int32 {
    throw InputError("SaaS scenarios are not supported yet")
}

/// Checks a scenario whose kind is not `queueing_network` without running it.
///
/// NOTE: a stub until the platform decoder lands; it rejects every platform scenario.
func validatePlatformScenario(_ file: ScenarioFile, console: Console) throws -> Int32 {
    throw InputError("SaaS scenarios are not supported yet")
}
