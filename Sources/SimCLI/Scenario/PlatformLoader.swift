import SimModels

/// Decodes a SaaS scenario file into a `PlatformScenario`, throwing `InputError` with every
/// diagnostic, one per line.
///
/// A queueing-network file is rejected with one line saying so, rather than with the SaaS
/// decoder's complaints about its fields. `command` names the caller in that line.
func loadPlatformScenario(_ file: ScenarioFile, command: String? = nil) throws -> PlatformScenario {
    try requireSaaS(file, command: command)
    do {
        return try PlatformScenarioDecoder.decode(file).scenario
    } catch let error as ScenarioError {
        throw InputError(error.description)
    }
}

/// Throws unless `file` is a SaaS scenario, naming its kind and the commands that take it.
func requireSaaS(_ file: ScenarioFile, command: String?) throws {
    guard file.isQueueingNetwork else { return }
    let caller = command.map { "simctl \($0)" } ?? "this command"
    throw InputError("\(file.path): \(caller) needs a SaaS scenario, but the file is a \(ScenarioFile.queueingNetworkKind) "
        + "scenario; run it with 'simctl run' or 'simctl validate'")
}
