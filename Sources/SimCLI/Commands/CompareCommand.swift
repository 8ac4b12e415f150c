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
        .value("architectures", "LIST", help: "With one FILE: the presets to run in place of its preset, comma-separated, each once (default: stage1,stage2,stage3,stage4)."),
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
        architectures and model parameters may differ. With one FILE, each preset replaces the file's \
        architecture.preset as 'run --architecture' does: the file's architecture.add and \
        architecture.remove lists and its sizes stay, and the column is named after the whole \
        architecture, such as stage2+response_cache.
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
            scenarios.append((URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent,
                              try decodeForCompare(file, preset: nil).scenario))
        }
        var hashes = files.map(\.hash)
        if scenarios.count == 1 {
            let names = arguments.value("architectures") ?? ArchitecturePreset.allCases.map(\.rawValue).joined(separator: ",")
            // Like `run --architecture`: each preset replaces the file's, keeping its add and remove
            // lists and its sizes.
            scenarios = try presets(names).map { preset in
                let decoded = try decodeForCompare(files[0], preset: preset)
                return (columnName(decoded), decoded.scenario)
            }
            hashes = scenarios.map { _ in files[0].hash }
        } else {
            guard arguments.value("architectures") == nil else {
                throw UsageError("--architectures applies to one FILE; with several files each brings its own architecture")
            }
            try checkSameWorkload(scenarios, files: files, paths: arguments.positionals)
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

    /// Parses the `--architectures` list; an unknown or repeated preset is a usage error.
    static func presets(_ text: String) throws -> [ArchitecturePreset] {
        var picked: [ArchitecturePreset] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = item.trimmingCharacters(in: .whitespaces)
            guard let preset = ArchitecturePreset(rawValue: name) else {
                let known = ArchitecturePreset.allCases.map(\.rawValue)
                let hint = nearestName(to: name, among: known).map { "did you mean '\($0)'? " } ?? ""
                throw UsageError("--architectures: unknown preset '\(name)'; \(hint)expected \(known.joined(separator: ", "))")
            }
            guard !picked.contains(preset) else {
                throw UsageError("--architectures: '\(name)' is listed twice; list each architecture once")
            }
            picked.append(preset)
        }
        return picked
    }

    /// Decodes a SaaS file for comparison; a file of another kind gets one plain error.
    static func decodeForCompare(_ file: ScenarioFile, preset: ArchitecturePreset?) throws -> PlatformScenarioFile {
        try requireSaaS(file, command: name)
        return try decodePlatform(file, preset: preset)
    }

    /// Returns the column name of a file decoded under one preset: the preset, then `+part` for
    /// each part the file adds and `-part` for each it removes (`stage2+response_cache`).
    static func columnName(_ decoded: PlatformScenarioFile) -> String {
        decoded.preset.rawValue + decoded.addedParts.map { "+" + $0.rawValue }.joined()
            + decoded.removedParts.map { "-" + $0.rawValue }.joined()
    }

    /// Rejects files whose decoded customers, workload or run settings differ from the first's,
    /// naming the first differing field, both values and both files with the field's line.
    static func checkSameWorkload(_ scenarios: [(name: String, scenario: PlatformScenario)], files: [ScenarioFile],
                                  paths: [String]) throws {
        let first = scenarios[0].scenario
        var problems: [String] = []
        for (index, named) in scenarios.enumerated().dropFirst() {
            let sections: [(key: String, left: Any, right: Any, isEqual: Bool)] = [
                ("customers", first.customers, named.scenario.customers, named.scenario.customers == first.customers),
                ("workload", first.workload, named.scenario.workload, named.scenario.workload == first.workload),
                ("run", first.run, named.scenario.run, named.scenario.run == first.run),
            ]
            for section in sections where !section.isEqual {
                let difference = ScenarioDifference.first(section.left, section.right, root: section.key)
                    ?? ScenarioDifference(path: section.key, left: "(differs)", right: "(differs)")
                let firstPlace = place(paths[0], ScenarioDifference.line(of: difference.path, in: files[0].document))
                let otherPlace = place(paths[index], ScenarioDifference.line(of: difference.path, in: files[index].document))
                problems.append("\(difference.path) is \(difference.left) in \(firstPlace) but \(difference.right) in \(otherPlace); "
                    + "compared files must share customers, workload and run, so that only the architecture changes")
            }
        }
        guard problems.isEmpty else { throw InputError(problems.joined(separator: "\n")) }
    }

    /// Returns `path:line`, or `path (default)` when the file leaves the field out.
    static func place(_ path: String, _ line: Int?) -> String {
        line.map { "\(path):\($0)" } ?? "\(path) (default)"
    }
}
