import Foundation
import ScaleSim

/// `simctl sweep FILE --param PATH=V1,V2,...`: runs a scenario at every point of a parameter grid.
public enum SweepCommand: Command {
    public static let name = "sweep"
    public static let summary = "Run a scenario over a grid of parameter values, whole or as one shard."
    public static let usage = "FILE --param PATH=V1,V2,... [--param ...] [--metric PATH ...] [--replications N] "
        + "[--seed S] [--jobs N] [--format json|csv] [--shard K/N] [--out FILE]"
    public static let options: [OptionSpec] = [
        .repeated("param", "PATH=V1,V2,...",
                  help: "A field of the scenario file and its values, such as customers.count=100,1000. Repeat for a grid."),
        .repeated("metric", "PATH", help: "A metric to report, such as chat.p95_ms; repeat for several (default: key metrics)."),
        .value("replications", "N", help: "Replications per grid point, 1 to 100000 (default: run.replications of the file)."),
        .value("seed", "S", help: "Seed in 0...2^63-1 for every grid point (default: run.seed of the file)."),
        .value("jobs", "N", help: "Cases run in parallel, 1 to 256 (default: the core count). The output is the same for any N."),
        .value("format", "FORMAT", help: "Output format: json (default) or csv. A shard records it for simctl merge."),
        .value("shard", "K/N", help: "Run only shard K of N, the cases i with i mod N == K-1, and write a shard file."),
        .value("out", "FILE", help: "Write to FILE, whole or not at all, instead of standard output."),
    ]
    public static let discussion = """
        The grid is the cartesian product of the --param values in the order the flags are given, \
        the last varying fastest. Each value is a JSON literal (2, 0.5, true, "text") or a string \
        written without quotes (stage2). Case i is replication i mod R of grid point i / R; \
        replication r uses the same random streams at every point. Output gives, per point, the \
        mean and 95% half-width of each metric over replications. Join shard files with \
        'simctl merge'. docs/sweeps.md describes the workflow.
        """

    public static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        let path = try RunCommand.singleFile(arguments)
        let grid = SweepGrid(parameters: try parameters(arguments))
        let format = try reportFormat(arguments)
        let replications = try arguments.integer("replications", in: 1...100_000)
        let seed = try arguments.integer("seed", in: 0...Int.max).map { UInt64($0) }
        let jobs = try arguments.integer("jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
        let shard = try arguments.value("shard").map(SweepShard.init(parsing:))
        let out = arguments.value("out")

        let file = try loadScenario(path)
        let plan = try SweepPlan(file: file, grid: grid, replications: replications, seed: seed,
                                 metrics: arguments.allValues("metric"))
        for warning in plan.warnings {
            console.message(warning)
        }

        let text: String
        if let shard {
            let indices = shard.caseIndices(caseCount: plan.identity.caseCount)
            let values = plan.runCases(indices, jobs: jobs)
            let shardFile = SweepShardFile(identity: plan.identity, shard: shard, scenarioPath: path,
                                           outputFormat: format, cases: Array(zip(indices, values)).map { ($0, $1) })
            text = shardFile.json()
        } else {
            let values = plan.runCases(Array(0..<plan.identity.caseCount), jobs: jobs)
            text = SweepReport(result: SweepResult(identity: plan.identity, caseValues: values)).text(format)
        }
        try emit(text, out: out, console: console)
        return ExitStatus.success
    }

    /// Parses every `--param`, rejecting a path given twice.
    static func parameters(_ arguments: ParsedArguments) throws -> [SweepParameter] {
        var parameters: [SweepParameter] = []
        for argument in arguments.allValues("param") {
            let parameter = try SweepParameter(parsing: argument)
            guard !parameters.contains(where: { $0.path == parameter.path }) else {
                throw UsageError("--param \(parameter.path) is given twice; list all its values in one --param")
            }
            parameters.append(parameter)
        }
        return parameters
    }

    static func reportFormat(_ arguments: ParsedArguments) throws -> SweepReport.Format {
        let text = arguments.value("format") ?? SweepReport.Format.json.rawValue
        guard let format = SweepReport.Format(rawValue: text) else {
            throw UsageError("--format: '\(text)' is invalid; expected json or csv")
        }
        return format
    }

    /// Writes `text` to the file `out`, whole or not at all, or to standard output when nil.
    static func emit(_ text: String, out: String?, console: Console) throws {
        if let out {
            try AtomicFileWriter.write(text, to: out)
        } else {
            console.write(text)
        }
    }
}
