import Foundation
import SimModels

/// `simctl bench`: the kernel's speed on an M/M/c queue and on the hold model.
public enum BenchCommand: Command {
    public static let name = "bench"
    public static let summary = "Measure the simulation kernel's speed in events per second."
    public static let usage = "[--customers N] [--pops N] [--model all|mmc|hold] [--seed N] [--format text|json]"
    public static let options: [OptionSpec] = [
        .value("customers", "N", help: "Customers of the M/M/8 queue at utilization 0.9 (default 5000000)."),
        .value("pops", "N", help: "Events popped and rescheduled per hold run (default 10000000)."),
        .value("model", "NAME", help: "Which benchmark to run: all, mmc or hold (default all)."),
        .value("seed", "N", help: "Seed of the random streams (default 1)."),
        .value("format", "FORMAT", help: "Output format: text or json (default text)."),
    ]
    public static let discussion = """
        An event is one arrival or one departure of the M/M/c queue, or one pop of the hold model.
        The hold model keeps 1000 and then 1000000 timers pending; each pop reschedules its timer
        after an exponential delay of mean 1 s, so the time per event shows the O(log n) event list.
        Peak memory is VmHWM from /proc/self/status, reset before each benchmark where Linux allows.
        Figures are wall-clock timings of this machine: they vary from run to run.
        """

    /// The pending counts of the hold runs, small enough to stay in cache and then far larger.
    static let holdPendingCounts = [1_000, 1_000_000]

    public static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        guard arguments.positionals.isEmpty else {
            throw UsageError("unexpected argument '\(arguments.positionals[0])'; bench takes options only")
        }
        let customers = try arguments.integer("customers", in: 1...1_000_000_000) ?? 5_000_000
        let pops = try arguments.integer("pops", in: 1...1_000_000_000) ?? 10_000_000
        let seed = try arguments.integer("seed", in: 0...Int.max) ?? 1
        let model = arguments.value("model") ?? "all"
        guard ["all", "mmc", "hold"].contains(model) else {
            throw UsageError("--model: '\(model)' is invalid; expected all, mmc or hold")
        }
        let format = arguments.value("format") ?? "text"
        guard format == "text" || format == "json" else {
            throw UsageError("--format: '\(format)' is invalid; expected text or json")
        }

        let mmc = model == "hold" ? nil : runMMcBenchmark(customers: customers, seed: UInt64(seed))
        var holds: [HoldBenchmarkResult] = []
        if model != "mmc" {
            for pending in holdPendingCounts {
                holds.append(runHoldBenchmark(pending: pending, pops: pops, seed: UInt64(seed)))
            }
        }

        let report = BenchReport(seed: seed, mmc: mmc, holds: holds)
        console.write(format == "json" ? report.json() : report.text())
        return ExitStatus.success
    }
}
