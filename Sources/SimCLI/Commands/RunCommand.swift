import Foundation
import ScaleSim
import SimModels

/// `simctl run FILE`: runs a scenario and prints its results.
public enum RunCommand: Command {
    public static let name = "run"
    public static let summary = "Run a scenario file and print its results."
    public static let usage = "FILE [--format table|json|csv] [--seed N] [--jobs N] [--architecture stageK] [--out DIR]"
    public static let options: [OptionSpec] = [
        .value("format", "FORMAT", help: "Output format: table (default) or json; SaaS scenarios also take csv."),
        .value("seed", "N", help: "Seed in 0...2^63-1, replacing run.seed of the file."),
        .value("jobs", "N", help: "Replications run in parallel, 1 to 256 (default: the core count). The output is the same for any N."),
        .value("architecture", "STAGE", help: "SaaS only: stage1 to stage4, replacing architecture.preset and keeping add, remove and sizes."),
        .value("out", "DIR", help: "SaaS only: also write metrics.json, timeseries.csv and report.html into DIR, all or none."),
    ]
    public static let discussion = """
        A file's "kind" is "saas" (the SaaS platform, also when kind is absent) or \
        "queueing_network"; any other kind is rejected. Warnings, such as an unstable station, go to standard error. \
        Network times are in seconds and rates per second; SaaS latencies are in milliseconds and \
        costs in US dollars. docs/output.md describes every output.
        """

    public static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let path = try singleFile(arguments)
        let file = try loadScenario(path)
        guard file.isQueueingNetwork else {
            return try runPlatformScenario(file, arguments: arguments, console: console)
        }

        let format = arguments.value("format") ?? "table"
        guard format == "table" || format == "json" else {
            throw UsageError("--format: '\(format)' is invalid; expected table or json")
        }
        for option in ["architecture", "out"] where arguments.value(option) != nil {
            throw UsageError("--\(option) applies to SaaS scenarios only")
        }
        let seed = try arguments.integer("seed", in: 0...Int.max)
        let jobs = try arguments.integer("jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
        var scenario = try decodeNetwork(file)
        if let seed {
            scenario.spec.run.seed = UInt64(seed)
        }
        for warning in scenario.warnings {
            console.message(warning)
        }

        let result = NetworkRunner.run(scenario.spec, jobs: jobs)
        let report = NetworkReport(scenarioHash: file.hash, spec: scenario.spec, result: result)
        console.write(format == "json" ? report.json() : report.table())
        return ExitStatus.success
    }

    /// Returns the one positional argument, the scenario file.
    static func singleFile(_ arguments: ParsedArguments) throws -> String {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            throw UsageError(arguments.positionals.isEmpty
                ? "missing scenario FILE"
                : "expected one scenario FILE, got \(arguments.positionals.count) arguments")
        }
        return path
    }
}

/// Reads and parses a scenario file and checks its `kind`, turning a `ScenarioError` into an
/// `InputError` with every line.
func loadScenario(_ path: String) throws -> ScenarioFile {
    do {
        let file = try ScenarioFile.load(path)
        try file.checkKind()
        return file
    } catch let error as ScenarioError {
        throw InputError(error.description)
    }
}

/// Decodes a queueing-network file, turning a `ScenarioError` into an `InputError` with every line.
func decodeNetwork(_ file: ScenarioFile) throws -> NetworkScenario {
    do {
        return try NetworkScenarioDecoder.decode(file)
    } catch let error as ScenarioError {
        throw InputError(error.description)
    }
}
