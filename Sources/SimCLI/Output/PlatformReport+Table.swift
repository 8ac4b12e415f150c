import ScaleSim
import SimModels

/// The fixed-width table of a SaaS run.
extension PlatformReport {
    /// Returns the table: header, request kinds, errors, resources, LLM and cache, costs.
    public func table() -> String {
        var lines = header()
        lines += requestLines()
        lines += errorLines()
        lines += resourceLines()
        lines += llmLines()
        lines += costLines()
        return lines.joined(separator: "\n") + "\n"
    }

    func header() -> [String] {
        let run = file.scenario.run
        let format = NumberFormat.standard
        var lines = [
            "ScaleSim \(ScaleSimVersion.current)  scenario \(ScenarioHash.algorithm):\(scenarioHash)  seed \(seed)",
            "replications \(summary.replications.count)  architecture \(file.architectureSummary)  "
                + "customers \(file.scenario.customers.count)  month \(format.string(summary.mean("database.month")))",
            "duration \(format.string(run.duration.seconds)) s after \(format.string(run.warmup.seconds)) s warm-up  "
                + "\(run.peakHour ? "peak hour" : "mean hour")  events \(summary.events)",
        ]
        if summary.replications.count >= 2 {
            lines.append("values are means over replications; --format json or csv gives the 95% half-widths")
        }
        if summary.stoppedEarlyCount > 0 {
            lines.append("warning: \(summary.stoppedEarlyCount) replication(s) stopped early: a queue grew beyond recovery")
        }
        return lines
    }

    /// The kinds the table shows: `chat_api` only when a queue decouples the runtime.
    var shownKinds: [RequestKind] {
        RequestKind.allCases.filter { $0 != .chatAPI || file.scenario.architecture.queue != nil }
    }

    func requestLines() -> [String] {
        var lines = ["", "requests (latency in ms)"]
        lines.append(Self.row(["kind", "count", "completed", "errors", "p50", "p95", "p99", "max", "bottleneck"]))
        for kind in shownKinds {
            let name = kind.rawValue
            let values = ["count", "completed", "failed", "p50_ms", "p95_ms", "p99_ms", "max_ms"]
                .map { NumberFormat.standard.string(rounded(summary.mean("\(name).\($0)"))) }
            lines.append(Self.row([name] + values + [summary.bottleneck(kind)?.rawValue ?? "-"]))
        }
        return lines
    }

    func errorLines() -> [String] {
        var lines = ["", "errors by cause"]
        for kind in shownKinds {
            var causes: [String] = []
            for cause in FailureCause.allCases {
                let count = summary.mean("\(kind.rawValue).failures.\(cause.rawValue)")
                if count > 0 {
                    causes.append("\(cause.rawValue) \(NumberFormat.standard.string(rounded(count)))")
                }
            }
            if !causes.isEmpty {
                lines.append("  \(kind.rawValue): " + causes.joined(separator: ", "))
            }
        }
        if lines.count == 2 {
            lines.append("  none")
        }
        return lines
    }

    func resourceLines() -> [String] {
        let resources = summary.names.filter { $0.hasPrefix("resources.") && $0.hasSuffix(".utilization") }
        var lines = ["", "utilization"]
        var busiest: (name: String, value: Double)?
        for name in resources {
            let value = summary.mean(name)
            let short = String(name.dropFirst("resources.".count).dropLast(".utilization".count))
            lines.append("  " + Self.pad(short, 28) + Self.pad(percent(value), 8, left: true) + "  " + bar(value))
            if value > (busiest?.value ?? -1) {
                busiest = (short, value)
            }
        }
        if let busiest {
            lines.insert("busiest resource: \(busiest.name) at \(percent(busiest.value))", at: 1)
        }
        return lines
    }

    func llmLines() -> [String] {
        let format = NumberFormat.standard
        return [
            "",
            "llm: requests \(format.string(rounded(summary.mean("llm.requests"))))  429s "
                + "\(format.string(rounded(summary.mean("llm.rate_limited"))))  failures "
                + "\(format.string(rounded(summary.mean("llm.failed"))))  spend $"
                + "\(format.string(cents(summary.mean("llm.spend_dollars_per_hour")))) per hour",
            "cache hit ratio \(percent(summary.mean("cache.hit_ratio")))  stale reads "
                + "\(format.string(rounded(summary.mean("database.stale_reads"))))  jobs lost "
                + "\(format.string(rounded(summary.mean("jobs.lost"))))",
        ]
    }

    func costLines() -> [String] {
        let format = NumberFormat.standard
        var lines = ["", "cost per month (USD)"]
        for part in summary.replications[0].costs.parts {
            let path = "costs.\(part.name.replacingOccurrences(of: " ", with: "_"))_dollars_per_month"
            lines.append("  " + Self.pad(part.name, 22) + Self.pad(format.string(cents(summary.mean(path))), 12, left: true))
        }
        lines.append("  " + Self.pad("total", 22)
            + Self.pad(format.string(cents(summary.mean("costs.total_dollars_per_month"))), 12, left: true))
        lines.append("  " + Self.pad("per customer", 22)
            + Self.pad(format.string(cents(summary.mean("costs.dollars_per_customer_month"))), 12, left: true))
        let source = summary.replications.count >= 2 ? " (replication 1)" : ""
        lines.append("")
        lines.append("how the monthly figures follow from the simulated hour\(source):")
        for line in summary.costDerivation.split(separator: "\n") {
            lines.append("  " + line)
        }
        return lines
    }

    /// Rounds a latency or count to 0.1 for the table; the JSON keeps every digit.
    func rounded(_ value: Double) -> Double {
        value.isFinite ? (value * 10).rounded() / 10 : value
    }

    func cents(_ value: Double) -> Double {
        value.isFinite ? (value * 100).rounded() / 100 : value
    }

    func percent(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        return NumberFormat.standard.string((value * 1000).rounded() / 10) + "%"
    }

    /// A bar of 20 characters for a fraction in [0, 1].
    func bar(_ fraction: Double) -> String {
        let filled = fraction.isFinite ? Int((min(max(fraction, 0), 1) * 20).rounded()) : 0
        return String(repeating: "#", count: filled) + String(repeating: ".", count: 20 - filled)
    }

    static func row(_ cells: [String]) -> String {
        "  " + pad(cells[0], 11) + cells.dropFirst().dropLast().map { pad($0, 11, left: true) }.joined()
            + "  " + (cells.last ?? "")
    }

    static func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        NetworkReport.pad(text, width, left: left)
    }
}
