import ScaleSim
import SimModels

/// The output of a SaaS run as JSON, CSV or a table (see `PlatformReport+Table.swift`).
///
/// Every form names the ScaleSim version, the scenario hash and the seed. docs/output.md
/// describes the schema and every metric path.
public struct PlatformReport {
    public var scenarioHash: String
    public var file: PlatformScenarioFile
    public var summary: PlatformSummary

    public init(scenarioHash: String, file: PlatformScenarioFile, summary: PlatformSummary) {
        self.scenarioHash = scenarioHash
        self.file = file
        self.summary = summary
    }

    var seed: UInt64 { file.scenario.run.seed }

    var seedValue: ReportValue {
        Int(exactly: seed).map { .int($0) } ?? .string(String(seed))
    }

    /// Returns the report as pretty JSON with sorted keys and a trailing newline.
    ///
    /// Metric paths become nested objects: `chat.p95_ms` is `{"chat": {"p95_ms": ...}}`.
    public func json() -> String {
        var document: [String: ReportValue] = [
            "kind": .string(PlatformScenarioDecoder.kind),
            "scalesim_version": .string(ScaleSimVersion.current),
            "scenario_hash": .string(scenarioHash),
            "scenario_hash_algorithm": .string(ScenarioHash.algorithm),
            "seed": seedValue,
            "replications": .int(summary.replications.count),
            "events": .int(summary.events),
            "architecture": .string(file.architectureSummary),
            "customers": .int(file.scenario.customers.count),
            "duration_s": .double(file.scenario.run.duration.seconds),
            "warmup_s": .double(file.scenario.run.warmup.seconds),
            "stopped_early": .int(summary.stoppedEarlyCount),
            "cost_derivation": .string(summary.costDerivation),
        ]
        var units: [String: ReportValue] = [:]
        var metrics = NestedObject()
        var confidence = NestedObject()
        for (index, name) in summary.names.enumerated() {
            units[name] = .string(MetricUnit.unit(of: name))
            metrics.insert(.double(summary.means[index]), at: name)
            if summary.replications.count >= 2 {
                confidence.insert(summary.halfWidths[index].map { .double($0) } ?? .null, at: name)
            }
        }
        document["units"] = .object(units)
        for (key, value) in metrics.members {
            document[key] = value
        }
        if summary.replications.count >= 2 {
            document["confidence_level"] = .double(0.95)
            document["confidence"] = .object(confidence.members)
        }
        var bottlenecks: [String: ReportValue] = [:]
        for (kind, layer) in summary.bottlenecks {
            bottlenecks[kind.rawValue] = layer.map { .string($0.rawValue) } ?? .null
        }
        document["bottlenecks"] = .object(bottlenecks)
        return JSONWriter().string(.object(document)) + "\n"
    }

    /// Returns one row per metric, `metric,value,half_width,unit`, after a header and four
    /// rows that name the version, hash, seed and replication count.
    public func csv() -> String {
        var rows: [[ReportValue]] = [
            ["scalesim_version", .string(ScaleSimVersion.current), .null, .null],
            ["scenario_hash", .string("\(ScenarioHash.algorithm):\(scenarioHash)"), .null, .null],
            ["seed", seedValue, .null, .null],
            ["replications", .int(summary.replications.count), .null, "count"],
        ]
        for (index, name) in summary.names.enumerated() {
            rows.append([.string(name), .double(summary.means[index]),
                         summary.halfWidths[index].map { .double($0) } ?? .null, .string(MetricUnit.unit(of: name))])
        }
        return CSVWriter().document(header: ["metric", "value", "half_width", "unit"], rows: rows)
    }

    /// Returns the time series of every replication as CSV: a `replication` column (from 1),
    /// then `TimeSeries.columns`.
    public func timeSeriesCSV() -> String {
        var rows: [[ReportValue]] = []
        for (index, replication) in summary.replications.enumerated() {
            for row in replication.series.rows {
                rows.append([.int(index + 1)] + row.map { .double($0) })
            }
        }
        return CSVWriter().document(header: ["replication"] + TimeSeries.columns, rows: rows)
    }
}

/// Objects nested by the dot-separated segments of metric paths.
struct NestedObject {
    private(set) var members: [String: ReportValue] = [:]

    /// Puts `value` at `path`, creating the objects on the way.
    ///
    /// - Precondition: no path is a prefix of another, which the engine's names guarantee.
    mutating func insert(_ value: ReportValue, at path: String) {
        let segments = path.split(separator: ".").map(String.init)
        members = Self.inserting(value, segments: segments[...], into: members)
    }

    private static func inserting(_ value: ReportValue, segments: ArraySlice<String>,
                                  into object: [String: ReportValue]) -> [String: ReportValue] {
        var object = object
        guard let first = segments.first else { return object }
        if segments.count == 1 {
            precondition(object[first] == nil, "metric path segment '\(first)' is both a value and an object")
            object[first] = value
            return object
        }
        var child: [String: ReportValue] = [:]
        if let existing = object[first] {
            guard case .object(let members) = existing else {
                preconditionFailure("metric path segment '\(first)' is both a value and an object")
            }
            child = members
        }
        object[first] = .object(inserting(value, segments: segments.dropFirst(), into: child))
        return object
    }
}
