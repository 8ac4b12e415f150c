import Foundation
import ScaleSim
import SimModels

/// Runs a scenario whose kind is not `queueing_network`: the SaaS platform world.
///
/// Honours `--format`, `--seed`, `--jobs`, `--architecture` and `--out` (see `RunCommand`).
func runPlatformScenario(_ file: ScenarioFile, arguments: ParsedArguments, console: Console) throws -> Int32 {
    let format = arguments.value("format") ?? "table"
    guard ["table", "json", "csv"].contains(format) else {
        throw UsageError("--format: '\(format)' is invalid; expected table, json or csv")
    }
    let seed = try arguments.integer("seed", in: 0...Int.max)
    let jobs = try arguments.integer("jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount
    let preset = try arguments.value("architecture").map { name -> ArchitecturePreset in
        guard let preset = ArchitecturePreset(rawValue: name) else {
            let names = ArchitecturePreset.allCases.map(\.rawValue)
            throw UsageError("--architecture: '\(name)' is invalid; expected one of \(names.joined(separator: ", "))")
        }
        return preset
    }

    var decoded = try decodePlatform(file, preset: preset)
    if let seed {
        decoded.scenario.run.seed = UInt64(seed)
    }

    // The progress line goes to a terminal only, so redirected output stays byte-identical.
    let run = decoded.scenario.run
    if console.isErrorTerminal {
        console.writeError("simctl: running \(run.replications) replication(s) of "
            + "\(NumberFormat.standard.string((run.warmup + run.duration).seconds)) simulated seconds on \(jobs) thread(s)...")
    }
    let replications = PlatformRunner.run(decoded.scenario, jobs: jobs)
    if console.isErrorTerminal {
        console.writeError("\r\u{1B}[K")
    }

    let report = PlatformReport(scenarioHash: file.hash, file: decoded, summary: PlatformSummary(replications))
    if let folder = arguments.value("out") {
        let files = [
            (name: "metrics.json", text: report.json()),
            (name: "timeseries.csv", text: report.timeSeriesCSV()),
            (name: "report.html", text: PlatformHTMLReport(report: report).html()),
        ]
        try OutputFolder(path: folder).write(files)
    }
    switch format {
    case "json": console.write(report.json())
    case "csv": console.write(report.csv())
    default: console.write(report.table())
    }
    return ExitStatus.success
}

/// Checks a scenario whose kind is not `queueing_network` without running it.
func validatePlatformScenario(_ file: ScenarioFile, console: Console) throws -> Int32 {
    let decoded = try decodePlatform(file, preset: nil)
    console.message("\(file.path): valid (\(PlatformScenarioDecoder.kind), preset \(decoded.architectureSummary))")
    return ExitStatus.success
}

/// Decodes a SaaS file, turning a `ScenarioError` into an `InputError` with every line.
func decodePlatform(_ file: ScenarioFile, preset: ArchitecturePreset?) throws -> PlatformScenarioFile {
    do {
        return try PlatformScenarioDecoder.decode(file, preset: preset)
    } catch let error as ScenarioError {
        throw InputError(error.description)
    }
}
