/// `simctl validate FILE`: checks a scenario file without running it.
public enum ValidateCommand: Command {
    public static let name = "validate"
    public static let summary = "Check a scenario file without running it."
    public static let usage = "FILE"
    public static let options: [OptionSpec] = []
    public static let discussion = """
        Prints every invalid field as FILE:LINE: field.path: message, in file order, and exits 2; \
        otherwise prints the warnings and one line saying the file is valid, all on standard error, and exits 0.
        """

    public static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let path = try RunCommand.singleFile(arguments)
        let file = try loadScenario(path)
        guard file.isQueueingNetwork else {
            return try validatePlatformScenario(file, console: console)
        }
        let scenario = try decodeNetwork(file)
        for warning in scenario.warnings {
            console.message(warning)
        }
        let spec = scenario.spec
        console.message("\(path): valid queueing_network scenario (\(spec.stations.count) stations, "
            + "\(spec.sources.count) sources, \(spec.closedClasses.count) closed classes, hash \(file.hash))")
        return ExitStatus.success
    }
}
