import Foundation
import ScaleSim
import SimModels

/// `simctl journey [FILE]`: runs every architecture at every customer checkpoint and reports
/// where each hits its wall.
public enum JourneyCommand: Command {
    public static let name = "journey"
    public static let summary = "Run the growth journey: each architecture's peak hour at each customer count, and its wall."
    public static let usage = "[FILE] [--checkpoints 10,100,...] [--architectures stage1,...] [--jobs N] [--format table|json|csv] [--out DIR] [--dir DIR]"
    public static let options: [OptionSpec] = [
        .value("checkpoints", "LIST", help: "Customer counts, ascending and comma-separated, replacing journey.checkpoints."),
        .value("architectures", "LIST", help: "Architectures to run, comma-separated: names from journey.architectures or stage1 to stage4."),
        .value("jobs", "N", help: "Cases run in parallel, 1 to 256 (default: the core count). The output is the same for any N."),
        .value("format", "FORMAT", help: "Output format: table (default), json or csv."),
        .value("out", "DIR", help: "Also write journey.json, journey.csv and report.html into DIR, all or none."),
        .value("dir", "DIR", help: "Without FILE: the scenario folder whose journey.json runs (default: found as 'simctl list' finds it)."),
    ]
    public static let discussion = """
        Without FILE, runs journey.json from --dir, else from the shipped scenarios/ folder that \
        'simctl list --help' describes how to find. Each case simulates a 10-minute warm-up, \
        discarded, then one peak hour event by event at full scale; a run whose requests in flight pass \
        50 times the expected count stops early and counts as overloaded. The wall is the first \
        checkpoint that breaks an objective; the Walls section names its cause, the migration that \
        removes it and whether the team finishes it in time. A progress bar shows on standard error \
        when it is a terminal.
        """

    public static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard arguments.positionals.count <= 1 else {
            throw UsageError("expected at most one scenario FILE, got \(arguments.positionals.count) arguments")
        }
        let format = arguments.value("format") ?? "table"
        guard ["table", "json", "csv"].contains(format) else {
            throw UsageError("--format: '\(format)' is invalid; expected table, json or csv")
        }
        let jobs = try arguments.integer("jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
        if arguments.value("dir") != nil, !arguments.positionals.isEmpty {
            throw UsageError("--dir applies without FILE; pass either a scenario FILE or --dir DIR")
        }
        let path = try arguments.positionals.first ?? defaultScenarioPath(folder: arguments.value("dir"))

        let file = try loadScenario(path)
        let scenario = try loadPlatformScenario(file, command: name)
        var spec = try JourneyDecoder.decode(file)
        if let text = arguments.value("checkpoints") {
            spec.checkpoints = try checkpoints(text)
        }
        if let text = arguments.value("architectures") {
            spec.architectures = try architectures(text, among: spec.architectures)
        }

        let result = JourneyRunner.run(base: scenario, spec: spec, jobs: jobs,
                                       progress: ProgressBar.callback("journey", console: console))
        let report = JourneyReport(scenarioHash: file.hash, result: result)
        if let out = arguments.value("out") {
            try OutputFolder(path: out).write([("journey.json", report.json()), ("journey.csv", report.csv()),
                                               ("report.html", JourneyHTML(report: report).document())])
        }
        switch format {
        case "json": console.write(report.json())
        case "csv": console.write(report.csv())
        default: console.write(report.table())
        }
        return ExitStatus.success
    }

    /// Returns the path of journey.json in `folder`, or in the scenarios folder `simctl list` finds.
    static func defaultScenarioPath(folder: String?) throws -> String {
        let directory = try folder.map(URL.init(fileURLWithPath:)) ?? ListCommand.defaultFolder()
        return directory.appendingPathComponent("journey.json").path
    }

    /// Parses ascending customer counts.
    static func checkpoints(_ text: String) throws -> [Int] {
        var counts: [Int] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = item.trimmingCharacters(in: .whitespaces)
            guard let count = Int(trimmed), count >= 1 else {
                throw UsageError("--checkpoints: '\(trimmed)' is invalid; expected positive customer counts such as 10,100,1000")
            }
            guard count > (counts.last ?? 0) else {
                throw UsageError("--checkpoints: \(count) is not above the previous count; list them in ascending order")
            }
            counts.append(count)
        }
        return counts
    }

    /// Picks architectures by name from `available`, or presets by their names.
    static func architectures(_ text: String, among available: [NamedArchitecture]) throws -> [NamedArchitecture] {
        var picked: [NamedArchitecture] = []
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let name = item.trimmingCharacters(in: .whitespaces)
            guard !picked.contains(where: { $0.name == name }) else {
                throw UsageError("--architectures: '\(name)' is listed twice; list each architecture once")
            }
            if let named = available.first(where: { $0.name == name }) {
                picked.append(named)
            } else if let preset = ArchitecturePreset(rawValue: name) {
                picked.append(NamedArchitecture(preset: preset))
            } else {
                let known = available.map(\.name) + ArchitecturePreset.allCases.map(\.rawValue).filter { preset in
                    !available.contains { $0.name == preset }
                }
                throw UsageError("--architectures: unknown architecture '\(name)'; expected one of \(known.joined(separator: ", "))")
            }
        }
        return picked
    }
}
