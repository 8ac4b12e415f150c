import Foundation
import ScaleSim
import SimModels

/// `simctl compare FILE...`: runs architectures or scenario files under the same workload and
/// prints them side by side with paired differences.
public enum CompareCommand: Command {
    public static let name = "compare"
    public static let summary = "Compare architectures or scenario files under the same workload, with paired confidence intervals."
    public static let usage = "FILE [FILE...] [--architectures stage1,stage2,stage3,stage4] [--replications N] [--seed N] [--jobs N] [--format table|json|csv]"
    public static let options: [OptionSpec] = [
        .value("architectures", "LIST", help: "With one FILE: the presets to run in its place, comma-separated (default: stage1,stage2,stage3,stage4)."),
        .value("replications", "N", help: "Replications per scenario, 1 to 1000 (default: run.replications of the first file). With 1 there is no interval."),
        .value("seed", "N", help: "Seed in 0...2^63-1 shared by every scenario (default: run.seed of the first file)."),
        .value("jobs", "N", help: "Runs in parallel, 1 to 256 (default: the core count). The output is the same for any N."),
        .value("format", "FORMAT", help: "Output format: table (default), json or csv."),
    ]
    public static let discussion = """
        Every scenario runs with the same seed and replication streams (common random numbers), so \
        replication r sees the same sessions, messages and token counts everywhere and differences are \
        paired: each is the mean of per-replication differences to the first scenario, ± the 95% \
        Student-t half-width. Several FILEs must share customers, workload and run settings; only their \
        architectures and model parameters may differ.
        """

    public static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard !arguments.positionals.isEmpty else { throw UsageError("missing scenario FILE") }
        let format = arguments.value("format") ?? "table"
        guard ["table", "json", "csv"].contains(format) else {
            throw UsageError("--format: '\(format)' is invalid; expected table, json or csv")
        }
        let jobs = try arguments.integer("jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
        let replicationsFlag = try arguments.integer("replications", in: 1...1_000)
        let seedFlag = try arguments.integer("seed", in: 0...Int.max)

        var files: [ScenarioFile] = []
        var scenarios: [(name: String, scenario: PlatformScenario)] = []
        for path in arguments.positionals {
            let file = try loadScenario(path)
            files.append(file)
            scenarios.append((URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent, try loadPlatformScenario(file)))
        }
        var hashes = files.map(\.hash)
        if scenarios.count == 1 {
            let base = scenarios[0].scenario
            let names = arguments.value("architectures") ?? ArchitecturePreset.allCases.map(\.rawValue).joined(separator: ",")
            scenarios = try presets(names).map { preset in
                var scenario = base
                scenario.architecture = preset.architecture
                return (preset.rawValue, scenario)
            }
            hashes = scenarios.map { _ in files[0].hash }
        } else {
            guard arguments.value("architectures") == nil else {
                throw UsageError("--architectures applies to one FILE; with several files each brings its own architecture")
            }
            try checkSameWorkload(scenarios, paths: arguments.positionals)
        }

        let first = scenarios[0].scenario
        let replications = replicationsFlag ?? first.run.replications
        let seed = seedFlag.map(UInt64.init) ?? first.run.seed
        let result = CompareRunner.run(scenarios: scenarios, replications: replications, seed: seed, jobs: jobs,
                                       progress: ProgressBar.callback("compare", console: console))
        let report = ComparisonReport(hashes: hashes, result: result)
        switch format {
        case "json": console.write(report.json())
        case "csv": console.write(report.csv())
        default: console.write(report.table())
        }
        return ExitStatus.success
    }

    static func presets(_ text: String) throws -> [ArchitecturePreset] {
        try text.split(separator: ",", omittingEmptySubsequences: false).map { item in
            let name = item.trimmingCharacters(in: .whitespaces)
            guard let preset = ArchitecturePreset(rawValue: name) else {
                let known = ArchitecturePreset.allCases.map(\.rawValue)
                let hint = nearestName(to: name, among: known).map { "did you mean '\($0)'? " } ?? ""
                throw UsageError("--architectures: unknown preset '\(name)'; \(hint)expected \(known.joined(separator: ", "))")
            }
            return preset
        }
    }

    /// Rejects files whose decoded customers, workload or run settings differ from the first's.
    static func checkSameWorkload(_ scenarios: [(name: String, scenario: PlatformScenario)], paths: [String]) throws {
        let first = scenarios[0].scenario
        var problems: [String] = []
        for (index, named) in scenarios.enumerated().dropFirst() {
            var differing: [String] = []
            if named.scenario.customers != first.customers { differing.append("customers") }
            if named.scenario.workload != first.workload { differing.append("workload") }
            if named.scenario.run != first.run { differing.append("run") }
            if !differing.isEmpty {
                problems.append("\(paths[index]): \(differing.joined(separator: ", ")) differ from \(paths[0]); "
                    + "compared files must share customers, workload and run, so that only the architecture changes")
            }
        }
        guard problems.isEmpty else { throw InputError(problems.joined(separator: "\n")) }
    }
}
