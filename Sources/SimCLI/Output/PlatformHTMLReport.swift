import ScaleSim
import SimModels

/// report.html: one self-contained page with inline SVG charts of a SaaS run.
///
/// It shows the latency percentiles per request kind, where each kind spends its time, the
/// utilization of every resource, the monthly cost parts, and chat p95 and the job queue's
/// length over time (first replication). No scripts, styles from elsewhere or fonts are loaded.
struct PlatformHTMLReport {
    var report: PlatformReport

    func html() -> String {
        let summary = report.summary
        let kinds = report.shownKinds
        var body = "<h1>ScaleSim run: \(SVGChart.escape(report.file.description ?? "SaaS scenario"))</h1>\n"
        body += "<p>ScaleSim \(ScaleSimVersion.current) &middot; scenario \(ScenarioHash.algorithm):\(report.scenarioHash) "
            + "&middot; seed \(report.seed) &middot; \(summary.replications.count) replication(s) &middot; architecture "
            + "\(SVGChart.escape(report.file.architectureSummary)) &middot; \(report.file.scenario.customers.count) customers</p>\n"
        if summary.replications.count >= 2 {
            body += "<p>Values are means over replications.</p>\n"
        }

        for percentile in ["p50", "p95", "p99"] {
            body += section("Latency \(percentile) by request kind", SVGChart.bars(kinds.map { kind in
                let count = NumberFormat.standard.string(summary.mean("\(kind.rawValue).count").rounded())
                return ("\(kind.rawValue) (n=\(count))", summary.mean("\(kind.rawValue).\(percentile)_ms"))
            }, unit: "ms"))
        }
        let layers = Layer.allCases
        body += section("Mean time per request by layer", SVGChart.stackedBars(kinds.map { kind in
            (kind.rawValue, layers.map { summary.mean("\(kind.rawValue).layers_ms.\($0.rawValue)") })
        }, segments: layers.map(\.rawValue), unit: "ms"))

        let resources = summary.names.filter { $0.hasPrefix("resources.") && $0.hasSuffix(".utilization") }
        body += section("Utilization", SVGChart.bars(resources.map { name in
            (String(name.dropFirst("resources.".count).dropLast(".utilization".count)), summary.mean(name) * 100)
        }, unit: "%", maximum: 100))

        let costs = summary.replications[0].costs.parts.map { part -> (label: String, value: Double) in
            let path = "costs.\(part.name.replacingOccurrences(of: " ", with: "_"))_dollars_per_month"
            return (part.name, summary.mean(path))
        }
        body += section("Cost per month (USD), total \(NumberFormat.standard.string(summary.mean("costs.total_dollars_per_month").rounded()))",
                        SVGChart.bars(costs, unit: "USD"))
        body += "<pre>\(SVGChart.escape(summary.costDerivation))</pre>\n"

        let series = summary.replications[0].series
        let time = TimeSeries.columns.firstIndex(of: "time_s") ?? 0
        for (column, title) in [("chat_p95_ms", "Chat p95 per minute (ms)"), ("job_queue_length", "Job queue length")] {
            guard let index = TimeSeries.columns.firstIndex(of: column) else { continue }
            let points = series.rows.map { (x: $0[time], y: $0[index]) }
            body += section("\(title), replication 1", SVGChart.line(points, xLabel: "x: seconds since start", yLabel: column))
        }

        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>ScaleSim report \(report.scenarioHash)</title>
            <style>body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#222}h2{font-size:1.1em;margin-top:2em}pre{background:#f4f4f4;padding:.5em;overflow-x:auto}</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    func section(_ title: String, _ svg: String) -> String {
        "<h2>\(SVGChart.escape(title))</h2>\n\(svg)\n"
    }
}
