import ScaleSim
import SimModels

/// A sweep ready to run: every grid point decoded, the metrics chosen, and its identity.
public struct SweepPlan: Sendable {
    public var identity: SweepIdentity
    /// One decoded model per grid point, in point order.
    var models: [SweepPointModel]
    /// Warnings of the decoded points, such as an unstable station, each naming its point.
    public var warnings: [String]

    /// The largest number of cases a sweep may have.
    public static let maximumCases = 10_000_000

    /// Decodes every grid point of `file` and checks the metrics.
    ///
    /// - Parameters:
    ///   - replications: replications per point; nil takes the file's `run.replications`.
    ///   - seed: the seed of every point; nil takes the file's `run.seed`.
    ///   - metrics: metric paths to report; empty takes the scenario kind's defaults.
    /// - Throws: `InputError` for an invalid file or grid point (the first one, with the
    ///   decoder's diagnostics), `UsageError` for an unknown metric or too many cases.
    public init(file: ScenarioFile, grid: SweepGrid, replications: Int?, seed: UInt64?, metrics: [String]) throws {
        let base = try SweepPointModel.decode(file)
        let replications = replications ?? base.replications
        var caseCount = replications
        for parameter in grid.parameters {
            let (product, overflow) = caseCount.multipliedReportingOverflow(by: parameter.values.count)
            guard !overflow, product <= Self.maximumCases else {
                throw UsageError("the sweep has more than \(Self.maximumCases) cases (grid points times replications); "
                                 + "split it into several sweeps")
            }
            caseCount = product
        }
        let pointCount = grid.pointCount

        var models: [SweepPointModel] = []
        var warnings: [String] = []
        var invalid: [(point: Int, message: String)] = []
        for point in 0..<pointCount {
            do {
                let document = try grid.document(ofPoint: point, base: file.document)
                let edited = ScenarioFile(path: file.path, bytes: file.bytes, document: document)
                let decoded = try SweepPointModel.decode(edited)
                models.append(decoded.model)
                warnings += decoded.warnings.map { "grid point \(point) (\(grid.label(ofPoint: point))): \($0)" }
            } catch let error as JSONEditError {
                invalid.append((point, error.message))
            } catch let error as InputError {
                invalid.append((point, error.message))
            }
        }
        if let first = invalid.first {
            var lines = ["\(file.path): grid point \(first.point) of \(pointCount) (\(grid.label(ofPoint: first.point))) is invalid:",
                         first.message]
            if invalid.count > 1 {
                lines.append("\(file.path): \(invalid.count - 1) more grid point\(invalid.count == 2 ? " is" : "s are") invalid; "
                             + "fix the values above and run again to see them")
            }
            throw InputError(lines.joined(separator: "\n"))
        }

        let chosen = metrics.isEmpty ? base.model.defaultMetrics : metrics
        if !metrics.isEmpty {
            try Self.checkMetrics(metrics, known: models[0].metricNames())
        }
        self.identity = SweepIdentity(
            scenarioHash: file.hash, scenarioKind: file.isQueueingNetwork ? ScenarioFile.queueingNetworkKind : "saas",
            parameters: grid.parameters.map { parameter in
                SweepIdentity.Parameter(path: parameter.path.description, values: parameter.values.map(ReportValue.init))
            },
            metrics: chosen, replications: replications, seed: seed ?? base.seed)
        self.models = models
        self.warnings = warnings
    }

    /// Throws a `UsageError` for the first unknown or repeated metric, listing the known ones.
    static func checkMetrics(_ metrics: [String], known: [String]) throws {
        var seen: [String] = []
        for metric in metrics {
            guard known.contains(metric) else {
                let hint = nearestName(to: metric, among: known).map { "did you mean '\($0)'? " } ?? ""
                throw UsageError("--metric '\(metric)' is not a metric of this scenario; \(hint)known metrics: "
                                 + known.joined(separator: ", "))
            }
            guard !seen.contains(metric) else {
                throw UsageError("--metric '\(metric)' is given twice; give each metric once")
            }
            seen.append(metric)
        }
    }

    /// Runs the cases at `indices` on up to `jobs` threads and returns their values in the
    /// order of `indices`, the same for any `jobs`.
    ///
    /// Case `i` is replication `i mod R` of point `i / R`. Replication r draws from the streams of
    /// (seed, r) at every point.
    public func runCases(_ indices: [Int], jobs: Int) -> [[Double?]] {
        let replications = identity.replications
        return parallelMap(count: indices.count, jobs: jobs) { position in
            let caseIndex = indices[position]
            let model = models[caseIndex / replications]
            let metrics = model.runReplication(seed: identity.seed, replication: caseIndex % replications)
            return identity.metrics.map { metrics.value($0) }
        }
    }
}

extension SweepPointModel {
    /// A decoded scenario with the run settings a sweep takes from the unedited file.
    struct Decoded {
        var model: SweepPointModel
        var replications: Int
        var seed: UInt64
        var warnings: [String]
    }

    /// Decodes `file` as a queueing network or, for kind "saas" or no kind, a SaaS scenario.
    ///
    /// - Throws: `InputError` with every diagnostic.
    static func decode(_ file: ScenarioFile) throws -> Decoded {
        if file.isQueueingNetwork {
            let scenario = try decodeNetwork(file)
            return Decoded(model: .network(scenario.spec), replications: scenario.spec.run.replications,
                           seed: scenario.spec.run.seed, warnings: scenario.warnings)
        }
        let scenario = try loadPlatformScenario(file)
        return Decoded(model: .platform(scenario), replications: scenario.run.replications,
                       seed: scenario.run.seed, warnings: [])
    }
}
