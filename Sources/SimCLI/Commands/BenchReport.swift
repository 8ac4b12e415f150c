import Foundation
import SimModels

/// The figures of one `simctl bench` run, rendered as text or JSON.
struct BenchReport {
    var seed: Int
    var mmc: MMcBenchmarkResult?
    var holds: [HoldBenchmarkResult]

    /// Renders the report as human-readable text.
    func text() -> String {
        var lines: [String] = []
        if let mmc {
            lines.append("M/M/\(mmc.servers) queue at utilization \(mmc.utilization), \(mmc.customers) customers, seed \(seed)")
            lines.append("  events              \(mmc.events)")
            lines.append("  events per second   \(Self.fixed(mmc.eventsPerSecond, digits: 0))")
            lines.append("  ns per event        \(Self.fixed(mmc.nanosecondsPerEvent, digits: 1))")
            lines.append("  peak memory         \(Self.mebibytes(mmc.peakMemoryBytes))")
            lines.append("  mean wait           \(Self.fixed(mmc.meanWaitSeconds, digits: 4)) s (Erlang C: \(Self.fixed(mmc.expectedMeanWaitSeconds, digits: 4)) s)")
            lines.append("  p99 wait            \(Self.fixed(mmc.p99WaitSeconds, digits: 4)) s")
            lines.append("  utilization         \(Self.fixed(mmc.measuredUtilization, digits: 4))")
        }
        if let first = holds.first {
            lines.append("hold model, \(first.pops) pops per run, seed \(seed)")
            lines.append("  pending      events per second   ns per event   peak memory")
            for hold in holds {
                let columns = [
                    String(hold.pending).padding(toLength: 13, withPad: " ", startingAt: 0),
                    Self.fixed(hold.eventsPerSecond, digits: 0).padding(toLength: 20, withPad: " ", startingAt: 0),
                    Self.fixed(hold.nanosecondsPerEvent, digits: 1).padding(toLength: 15, withPad: " ", startingAt: 0),
                    Self.mebibytes(hold.peakMemoryBytes),
                ]
                lines.append("  " + columns.joined())
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Renders the report as a JSON object with sorted keys. Integers stay integers, and every
    /// other number gets 6 decimals (null when it is not finite).
    func json() -> String {
        var root: [String: BenchJSONValue] = ["seed": .integer(seed)]
        if let mmc {
            root["mmc"] = .object([
                "customers": .integer(mmc.customers),
                "servers": .integer(mmc.servers),
                "utilization": .number(mmc.utilization),
                "events": .integer(mmc.events),
                "elapsed_seconds": .number(mmc.elapsedSeconds),
                "events_per_second": .number(mmc.eventsPerSecond),
                "nanoseconds_per_event": .number(mmc.nanosecondsPerEvent),
                "peak_memory_bytes": mmc.peakMemoryBytes.map(BenchJSONValue.integer) ?? .null,
                "simulated_seconds": .number(mmc.simulatedSeconds),
                "mean_wait_seconds": .number(mmc.meanWaitSeconds),
                "expected_mean_wait_seconds": .number(mmc.expectedMeanWaitSeconds),
                "p99_wait_seconds": .number(mmc.p99WaitSeconds),
                "measured_utilization": .number(mmc.measuredUtilization),
                "mean_queue_length": .number(mmc.meanQueueLength),
            ])
        }
        if !holds.isEmpty {
            root["hold"] = .array(holds.map { hold in
                .object([
                    "pending": .integer(hold.pending),
                    "events": .integer(hold.pops),
                    "elapsed_seconds": .number(hold.elapsedSeconds),
                    "events_per_second": .number(hold.eventsPerSecond),
                    "nanoseconds_per_event": .number(hold.nanosecondsPerEvent),
                    "peak_memory_bytes": hold.peakMemoryBytes.map(BenchJSONValue.integer) ?? .null,
                ])
            })
        }
        return BenchJSONValue.object(root).rendered(indent: "") + "\n"
    }

    static func fixed(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }

    static func mebibytes(_ bytes: Int?) -> String {
        guard let bytes else { return "unknown" }
        return fixed(Double(bytes) / 1_048_576, digits: 1) + " MiB"
    }
}

/// A JSON value for the bench report. Objects render with their keys sorted.
enum BenchJSONValue {
    case integer(Int)
    case number(Double)
    case object([String: BenchJSONValue])
    case array([BenchJSONValue])
    case null

    func rendered(indent: String) -> String {
        let inner = indent + "  "
        switch self {
        case .integer(let value):
            return String(value)
        case .number(let value):
            return value.isFinite ? String(format: "%.6f", value) : "null"
        case .null:
            return "null"
        case .array(let items):
            guard !items.isEmpty else { return "[]" }
            let body = items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n")
            return "[\n" + body + "\n" + indent + "]"
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let body = members.keys.sorted().map { key in
                inner + "\"\(key)\": " + (members[key] ?? .null).rendered(indent: inner)
            }.joined(separator: ",\n")
            return "{\n" + body + "\n" + indent + "}"
        }
    }
}
