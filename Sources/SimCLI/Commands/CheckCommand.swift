import Foundation
import ScaleSim
import SimModels

/// `simctl check FILE`: runs a SaaS scenario, or generated variants of it, and checks its
/// `assert` list.
///
/// A failure is shrunk and printed with the command that replays it.
public enum CheckCommand: Command {
    public static let name = "check"
    public static let summary = "Check a scenario's assertions, over generated variants when it has ranges."
    public static let usage = "FILE [--cases N] [--seed S] [--case K] [--jobs N] | --metrics"
    public static let options: [OptionSpec] = [
        .value("cases", "N", help: "Generated variants to check, 1 to 100000 (default: 20 with ranges, else 1)."),
        .value("seed", "S", help: "Seed of the variant draws in 0...2^63-1 (default 1); the runs keep run.seed."),
        .value("case", "K", help: "Check only variant K of the seed, as a failure's replay command does."),
        .value("jobs", "N", help: "Runs in parallel, 1 to 256 (default: the core count). The output is the same for any N."),
        .flag("metrics", help: "List every metric path an assertion can name, then exit."),
    ]
    public static let discussion = """
        Exit status: 0 when every assertion holds in every case, 1 when one fails, 2 for invalid \
        input. docs/properties.md describes "assert" and "ranges".
        """

    /// Shrink steps per failure; each step is one simulation run or more.
    static let shrinkSteps = 100

    public static func run(_ arguments: ParsedArguments, console: Console) throws -> Int32 {
        if arguments.has("metrics") {
            console.write(MetricNames.all.joined(separator: "\n") + "\n")
            return ExitStatus.success
        }
        let path = try RunCommand.singleFile(arguments)
        let cases = try arguments.integer("cases", in: 1...100_000)
        let seed = UInt64(try arguments.integer("seed", in: 0...Int.max) ?? 1)
        let single = try arguments.integer("case", in: 0...Int.max)
        let jobs = try arguments.integer("jobs", in: 1...256) ?? ProcessInfo.processInfo.activeProcessorCount

        let file = try loadScenario(path)
        try requireSaaS(file, command: name)
        let spec: CheckSpec
        do {
            spec = try CheckSpec.decode(file, knownMetrics: MetricNames.all)
        } catch let error as ScenarioError {
            throw InputError(error.description)
        }
        guard !spec.assertions.isEmpty else {
            throw InputError("\(path): no \"assert\" list; add one such as [{\"metric\": \"chat.p95_ms\", \"below\": 2000}]")
        }
        _ = try loadPlatformScenario(file)

        guard !spec.ranges.isEmpty else {
            let evaluation = try CheckEvaluation.run(file, document: file.document, assertions: spec.assertions, jobs: jobs)
            return report(evaluation, console: console, path: path)
        }
        let indices = single.map { [$0] } ?? Array(0..<(cases ?? 20))
        return try checkVariants(file, spec: spec, seed: seed, indices: indices, jobs: jobs, console: console)
    }

    static func report(_ evaluation: CheckEvaluation, console: Console, path: String) -> Int32 {
        guard evaluation.holds else {
            let lines = ["\(path): failed"] + evaluation.failureLines + evaluation.unmeasuredLines
            console.write(lines.joined(separator: "\n") + "\n")
            return ExitStatus.checkFailed
        }
        let lines = ["\(path): every assertion holds"] + evaluation.unmeasuredLines
        console.write(lines.joined(separator: "\n") + "\n")
        return ExitStatus.success
    }

    static func checkVariants(_ file: ScenarioFile, spec: CheckSpec, seed: UInt64, indices: [Int], jobs: Int,
                              console: Console) throws -> Int32 {
        let generator = ScenarioVariants.generator(spec.ranges)
        let trees = indices.map { index -> ShrinkTree<ScenarioVariant> in
            var stream = PropertyCheck.caseStream(seed: seed, case: index)
            return generator.generate(using: &stream)
        }
        let evaluate = { (variant: ScenarioVariant, jobs: Int) -> Result<CheckEvaluation, Error> in
            Result { try CheckEvaluation.run(file, document: variant.apply(to: file.document),
                                             assertions: spec.assertions, jobs: jobs) }
        }
        // Cases run in parallel, one replication thread each; results come back in case order.
        let outcomes = parallelMap(count: trees.count, jobs: jobs) { evaluate(trees[$0].value, 1) }

        for (position, outcome) in outcomes.enumerated() {
            let evaluation: CheckEvaluation
            switch outcome {
            case .success(let value): evaluation = value
            case .failure(let error):
                throw InputError("case \(indices[position]) (\(trees[position].value)): \(error)")
            }
            guard !evaluation.holds else { continue }

            // A candidate counts as failing only when it breaks exactly the original's bounds, so
            // shrinking cannot drift to another failure, such as a cost bound that fewer
            // customers break. The property "holds" for every other candidate.
            let target = evaluation.brokenBounds
            let (shrunk, steps) = PropertyCheck.shrink(trees[position], budget: shrinkSteps) { variant in
                guard case .success(let candidate) = evaluate(variant, jobs) else { return true }
                return candidate.brokenBounds != target
            }
            let shrunkEvaluation = try evaluate(shrunk, jobs).get()
            var lines = ["\(file.path): case \(indices[position]) of seed \(seed) failed",
                         "  variant: \(trees[position].value)"]
            lines += evaluation.failureLines
            lines.append("shrunk (\(steps) steps): \(shrunk)")
            lines += shrunkEvaluation.failureLines
            lines += shrunkEvaluation.unmeasuredLines
            if steps >= shrinkSteps {
                lines.append("  shrinking stopped at its budget of \(shrinkSteps) steps; a smaller failing case may exist")
            }
            lines.append("replay: simctl check \(file.path) --seed \(seed) --case \(indices[position])")
            console.write(lines.joined(separator: "\n") + "\n")
            return ExitStatus.checkFailed
        }
        console.write("\(file.path): every assertion holds in \(indices.count) case\(indices.count == 1 ? "" : "s") of seed \(seed)\n")
        return ExitStatus.success
    }
}
