import ScaleSim
import SimModels

/// The figures of one case and the assertions they break.
struct CheckEvaluation {
    /// Each assertion with the value it saw: the mean over replications.
    var results: [(assertion: MetricAssertion, value: Double)]

    var failures: [(assertion: MetricAssertion, value: Double)] {
        results.filter { !$0.assertion.holds($0.value) }
    }

    var holds: Bool { failures.isEmpty }

    /// The broken bounds, each as an assertion's index and side, in `assert` order.
    ///
    /// Shrinking compares these: a smaller case counts as the same failure only when it breaks
    /// exactly the same bounds.
    var brokenBounds: [BrokenBound] {
        results.enumerated().flatMap { index, result in
            result.assertion.brokenBounds(result.value).map { BrokenBound(assertion: index, bound: $0) }
        }
    }

    /// Assertions whose metric had no observation (NaN), which were therefore not checked.
    var unmeasured: [MetricAssertion] {
        results.filter { $0.value.isNaN }.map(\.assertion)
    }

    /// Runs the scenario of `document` and evaluates `assertions` on it.
    static func run(_ file: ScenarioFile, document: JSONValue, assertions: [MetricAssertion],
                    jobs: Int) throws -> CheckEvaluation {
        var edited = file
        edited.document = document
        let scenario = try loadPlatformScenario(edited, command: CheckCommand.name)
        let replications = PlatformRunner.run(scenario, jobs: jobs)
        let results = assertions.map { assertion -> (assertion: MetricAssertion, value: Double) in
            let values = replications.map { $0.metrics.value(assertion.metric) ?? .nan }
            let mean = values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count)
            return (assertion, mean)
        }
        return CheckEvaluation(results: results)
    }

    /// One line per broken assertion: the figure, its value and the bound.
    var failureLines: [String] {
        failures.map { "  \($0.assertion.metric) = \(NumberFormat.standard.string($0.value)); expected \($0.assertion)" }
    }

    /// One line per assertion left unchecked because its metric had no observation.
    var unmeasuredLines: [String] {
        unmeasured.map { "  \($0.metric) not measured (no observation), so \"\($0)\" was not checked" }
    }
}

/// One bound of one assertion that a case breaks.
struct BrokenBound: Hashable {
    /// The index of the assertion in the file's `assert` list.
    var assertion: Int
    var bound: MetricAssertion.Bound
}
