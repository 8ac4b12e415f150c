import ScaleSim
import SimModels

/// The output of a queueing-network run, as JSON or as a fixed-width table.
///
/// Both name the ScaleSim version, the scenario hash and the seed. Times are in seconds and
/// rates per second. A half-width is the 95% Student-t half-width over replications, absent
/// with one replication.
public struct NetworkReport {
    public var scenarioHash: String
    public var spec: NetworkSpec
    public var result: NetworkResult

    public init(scenarioHash: String, spec: NetworkSpec, result: NetworkResult) {
        self.scenarioHash = scenarioHash
        self.spec = spec
        self.result = result
    }

    /// The unit of each metric, for the `units` object and the table.
    static func unit(_ metric: String) -> String {
        switch metric {
        case "count": return "customers"
        case "throughput": return "per second"
        case "utilization", "p_wait", "blocking_probability": return "fraction"
        case "mean_queue_length", "mean_in_system": return "customers"
        case "carried_load": return "busy servers"
        default: return "seconds"
        }
    }

    /// Returns the report as pretty JSON with sorted keys and a trailing newline.
    public func json() -> String {
        var stations: [String: ReportValue] = [:]
        for (index, name) in result.stationNames.enumerated() {
            stations[name] = metricsObject(StationMetric.allCases.map(\.rawValue), result.stations[index])
        }
        var units: [String: ReportValue] = [:]
        for metric in StationMetric.allCases.map(\.rawValue) + EndToEndMetric.allCases.map(\.rawValue) {
            units[metric] = .string(Self.unit(metric))
        }
        units["duration_s"] = "seconds"
        units["warmup_s"] = "seconds"
        let document: ReportValue = [
            "kind": .string(ScenarioFile.queueingNetworkKind),
            "scalesim_version": .string(ScaleSimVersion.current),
            "scenario_hash": .string(scenarioHash),
            "scenario_hash_algorithm": .string(ScenarioHash.algorithm),
            "seed": Int(exactly: result.seed).map { .int($0) } ?? .string(String(result.seed)),
            "replications": .int(result.replications.count),
            "events": .int(result.events),
            "duration_s": .double(spec.run.duration.seconds),
            "warmup_s": .double(spec.run.warmup.seconds),
            "confidence_level": .double(0.95),
            "units": .object(units),
            "stations": .object(stations),
            "end_to_end": metricsObject(EndToEndMetric.allCases.map(\.rawValue), result.endToEnd),
        ]
        return JSONWriter().string(document) + "\n"
    }

    func metricsObject(_ names: [String], _ estimates: [MetricEstimate]) -> ReportValue {
        var object: [String: ReportValue] = [:]
        for (name, estimate) in zip(names, estimates) {
            var entry: [String: ReportValue] = ["value": .double(estimate.value)]
            if let halfWidth = estimate.halfWidth {
                entry["half_width"] = .double(halfWidth)
            }
            object[name] = .object(entry)
        }
        return .object(object)
    }

    /// Returns the report as a fixed-width table, one block per station and one for the whole network.
    public func table() -> String {
        let format = NumberFormat.standard
        var lines = [
            "ScaleSim \(ScaleSimVersion.current)  scenario \(ScenarioHash.algorithm):\(scenarioHash)  seed \(result.seed)",
            "replications \(result.replications.count)  duration \(format.string(spec.run.duration.seconds)) s  "
                + "warm-up \(format.string(spec.run.warmup.seconds)) s  events \(result.events)",
        ]
        if result.replications.count >= 2 {
            lines.append("values are means over replications ± the 95% confidence half-width")
        }
        for (index, name) in result.stationNames.enumerated() {
            let station = spec.stations[index]
            let queue = station.queueCapacity.map { "queue capacity \($0)" } ?? "unbounded queue"
            lines.append("")
            lines.append("station \(name) (\(station.servers) server\(station.servers == 1 ? "" : "s"), \(queue))")
            lines += rows(StationMetric.allCases.map(\.rawValue), result.stations[index])
        }
        lines.append("")
        lines.append("end to end")
        lines += rows(EndToEndMetric.allCases.map(\.rawValue), result.endToEnd)
        return lines.joined(separator: "\n") + "\n"
    }

    func rows(_ names: [String], _ estimates: [MetricEstimate]) -> [String] {
        let format = NumberFormat.standard
        return zip(names, estimates).map { name, estimate in
            let value = format.string(estimate.value)
            let halfWidth = estimate.halfWidth.map { "± " + format.string($0) } ?? ""
            return "  " + Self.pad(name, 22) + Self.pad(value, 14, left: true) + "  " + Self.pad(halfWidth, 16)
                + Self.unit(name)
        }
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        guard text.count < width else { return text + " " }
        let padding = String(repeating: " ", count: width - text.count)
        return left ? padding + text : text + padding
    }
}
