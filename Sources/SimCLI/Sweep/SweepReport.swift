import ScaleSim
import SimModels

/// The output of a sweep: per grid point, the parameter values and, per metric, the mean and
/// 95% half-width over replications, as JSON or CSV.
///
/// The text depends only on the `SweepResult`, so a merge of shards prints the same bytes as
/// the unsharded run. The half-width is absent with one replication.
public struct SweepReport {
    /// An output format of `simctl sweep` and `simctl merge`.
    public enum Format: String, CaseIterable, Sendable {
        case json
        case csv
    }

    public var result: SweepResult

    public init(result: SweepResult) {
        self.result = result
    }

    public func text(_ format: Format) -> String {
        switch format {
        case .json: return json()
        case .csv: return csv()
        }
    }

    /// Returns pretty JSON with sorted keys and a trailing newline.
    public func json() -> String {
        let identity = result.identity
        var points: [ReportValue] = []
        for point in 0..<identity.pointCount {
            var parameters: [String: ReportValue] = [:]
            for (parameter, value) in zip(identity.parameters, result.parameterValues(point: point)) {
                parameters[parameter.path] = value
            }
            var metrics: [String: ReportValue] = [:]
            for (index, name) in identity.metrics.enumerated() {
                metrics[name] = estimateObject(result.estimate(point: point, metric: index))
            }
            points.append(["index": .int(point), "parameters": .object(parameters), "metrics": .object(metrics)])
        }
        let document: ReportValue = [
            "scalesim_version": .string(identity.scalesimVersion),
            "scenario_hash": .string(identity.scenarioHash),
            "scenario_hash_algorithm": .string(ScenarioHash.algorithm),
            "scenario_kind": .string(identity.scenarioKind),
            "seed": Self.seedValue(identity.seed),
            "replications": .int(identity.replications),
            "confidence_level": .double(0.95),
            "parameters": .array(identity.parameters.map { .string($0.path) }),
            "metrics": .array(identity.metrics.map { .string($0) }),
            "points": .array(points),
        ]
        return JSONWriter().string(document) + "\n"
    }

    private func estimateObject(_ estimate: MetricEstimate?) -> ReportValue {
        guard let estimate else { return ["mean": .null] }
        var object: [String: ReportValue] = ["mean": .double(estimate.value)]
        if let halfWidth = estimate.halfWidth {
            object["half_width"] = .double(halfWidth)
        }
        return .object(object)
    }

    /// Returns CSV with a header record and one record per grid point.
    ///
    /// Columns: `point`, one per parameter (named by its path), `METRIC.mean` and, with two or
    /// more replications, `METRIC.half_width` per metric, then `replications`, `seed`,
    /// `scenario_hash` and `scalesim_version`, repeated on every record so that each record is
    /// self-contained.
    public func csv() -> String {
        let identity = result.identity
        let hasHalfWidths = identity.replications >= 2
        var header = ["point"] + identity.parameters.map(\.path)
        for metric in identity.metrics {
            header.append(metric + ".mean")
            if hasHalfWidths { header.append(metric + ".half_width") }
        }
        header += ["replications", "seed", "scenario_hash", "scalesim_version"]

        var rows: [[ReportValue]] = []
        for point in 0..<identity.pointCount {
            var row: [ReportValue] = [.int(point)] + result.parameterValues(point: point)
            for index in identity.metrics.indices {
                let estimate = result.estimate(point: point, metric: index)
                row.append(estimate.map { .double($0.value) } ?? .null)
                if hasHalfWidths {
                    row.append(estimate?.halfWidth.map { .double($0) } ?? .null)
                }
            }
            row += [.int(identity.replications), Self.seedValue(identity.seed), .string(identity.scenarioHash),
                    .string(identity.scalesimVersion)]
            rows.append(row)
        }
        return CSVWriter().document(header: header, rows: rows)
    }

    /// Returns the seed as an integer, or as a string when it exceeds `Int.max`.
    static func seedValue(_ seed: UInt64) -> ReportValue {
        Int(exactly: seed).map { .int($0) } ?? .string(String(seed))
    }
}
