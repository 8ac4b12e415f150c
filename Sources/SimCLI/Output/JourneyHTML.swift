import ScaleSim
import SimModels

/// The self-contained HTML report of a journey: inline SVG charts and tables, no scripts, no
/// fetched resources.
struct JourneyHTML {
    var report: JourneyReport

    var result: JourneyResult { report.result }

    func document() -> String {
        var body = "<h1>ScaleSim growth journey</h1>"
        body += "<p class=\"meta\">" + JourneyChart.escape(report.header).replacingOccurrences(of: "\n", with: "<br>") + "</p>"
        body += "<h2>Where each wall hits</h2>" + wallTable()
        body += "<h2>Latency over the journey</h2><p>Dashed vertical lines mark each architecture's wall. "
            + "A missing point means no request of that kind completed in the peak hour.</p>"
        body += "<div class=\"grid\">"
        for (index, journey) in result.architectures.enumerated() {
            body += latencyChart(journey, color: JourneyChart.palette[index % JourneyChart.palette.count])
        }
        body += "</div>"
        body += "<h2>Per-layer time at the wall</h2><p>Mean milliseconds per request of the kind that broke, by layer, "
            + "at each architecture's wall (at the last checkpoint when it has none).</p>" + layerBars()
        body += "<h2>Busiest resource utilization</h2>" + metricChart(title: "Busiest resource utilization", yLabel: "fraction busy",
                                                                       logY: false, yMaximum: 1,
                                                                       yTicks: [0, 0.25, 0.5, 0.75, 1]) { point in
            point.busiestResource?.utilization
        }
        body += "<h2>Cost per customer</h2>" + metricChart(title: "Cost per customer per month", yLabel: "US dollars per customer-month",
                                                            logY: true, yMaximum: nil) { point in
            point.metrics.value("costs.dollars_per_customer_month")
        }
        return """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>ScaleSim growth journey</title>
            <style>
            body { font-family: sans-serif; margin: 24px; max-width: 1300px; color: #222; }
            .meta { font-family: monospace; font-size: 12px; color: #555; }
            table { border-collapse: collapse; font-size: 13px; margin-bottom: 16px; }
            th, td { border: 1px solid #ccc; padding: 4px 8px; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; }
            .late { color: #b00; font-weight: bold; }
            .ready { color: #060; font-weight: bold; }
            svg { margin: 4px 12px 12px 0; }
            .grid { display: flex; flex-wrap: wrap; }
            </style></head>
            <body>
            \(body)
            </body></html>

            """
    }

    func wallTable() -> String {
        var html = "<table><tr><th>architecture</th><th>wall</th><th>broken</th><th>cause</th><th>remedies checked</th>"
            + "<th>remedy</th><th>team</th></tr>"
        for journey in result.architectures {
            guard let wall = journey.wall else {
                html += "<tr><td>\(JourneyChart.escape(journey.name))</td><td colspan=\"6\">no wall up to \(result.spec.checkpoints.last ?? 0) customers</td></tr>"
                continue
            }
            let broken = wall.breaches.map { "\($0.metric) = \(JourneyReport.number($0.value)) (\(JourneyReport.boundText($0.objective)))" }
                + (wall.stoppedEarly ? ["overloaded: stopped early"] : [])
            var cause = "\(wall.kind.rawValue) mostly in \(wall.layer?.rawValue ?? "no layer")"
            if let resource = wall.busiestResource, let utilization = wall.busiestUtilization {
                cause += "; \(resource) at \(JourneyReport.percent(utilization))"
            }
            let checks = wall.checks.isEmpty ? "none" : wall.checks.map(JourneyReport.checkText).joined(separator: "; ")
            var team = "no migration (warning signs from month \(JourneyReport.month(wall.startMonth)))"
            if let readiness = wall.readiness {
                let verdict = readiness.isReady ? "<span class=\"ready\">ready</span>" : "<span class=\"late\">late</span>"
                team = "\(verdict): \(JourneyReport.month(readiness.engineerWeeks)) engineer-weeks, start month "
                    + "\(JourneyReport.month(readiness.startMonth)), done month \(JourneyReport.month(readiness.finishMonth))"
            }
            html += "<tr><td>\(JourneyChart.escape(journey.name))</td><td>\(wall.customers) customers, month \(JourneyReport.month(wall.month))</td>"
                + "<td>\(JourneyChart.escape(broken.joined(separator: "; ")))</td><td>\(JourneyChart.escape(cause))</td>"
                + "<td>\(JourneyChart.escape(checks))</td><td>\(JourneyChart.escape(JourneyReport.remedyText(wall)))</td><td>\(team)</td></tr>"
        }
        return html + "</table>"
    }

    func wallMarkers() -> [JourneyChart.Marker] {
        result.architectures.enumerated().compactMap { index, journey in
            journey.wall.map { JourneyChart.Marker(x: Double($0.customers), label: "\(journey.name) wall",
                                               color: JourneyChart.palette[index % JourneyChart.palette.count]) }
        }
    }

    func latencyChart(_ journey: ArchitectureJourney, color: String) -> String {
        let metrics = [("chat p50", "chat.p50_ms"), ("chat p95", "chat.p95_ms"), ("chat p99", "chat.p99_ms"),
                       ("listing p95", "listing.p95_ms"), ("analytics p95", "analytics.p95_ms")]
        let series = metrics.enumerated().map { index, metric in
            JourneyChart.Series(name: metric.0, color: JourneyChart.palette[index],
                            points: journey.points.map { (Double($0.customers), $0.metrics.value(metric.1)) },
                            dash: index >= 3 ? "6 3" : nil)
        }
        let markers = journey.wall.map { [JourneyChart.Marker(x: Double($0.customers), label: "wall", color: color)] } ?? []
        return JourneyChart.lines(title: "\(journey.name): latency percentiles", yLabel: "milliseconds (log scale)",
                              series: series, markers: markers, logY: true, width: 620)
    }

    /// Draws one line per architecture. Architectures often share figures (stage 3 and 4 before
    /// their walls), so each line has its own dash pattern and earlier lines are drawn wider,
    /// which keeps every line visible where they coincide.
    func metricChart(title: String, yLabel: String, logY: Bool, yMaximum: Double?, yTicks: [Double]? = nil,
                     value: (JourneyPoint) -> Double?) -> String {
        let count = result.architectures.count
        let series = result.architectures.enumerated().map { index, journey in
            JourneyChart.Series(name: journey.name, color: JourneyChart.palette[index % JourneyChart.palette.count],
                                points: journey.points.map { (Double($0.customers), value($0)) },
                                dash: JourneyChart.dashes[index % JourneyChart.dashes.count],
                                strokeWidth: 1.5 + Double(count - 1 - index))
        }
        return JourneyChart.lines(title: title, yLabel: yLabel, series: series, markers: wallMarkers(), logY: logY,
                                  yMaximum: yMaximum, yTicks: yTicks, width: 900, height: 340 + 13 * Double(wallMarkers().count))
    }

    func layerBars() -> String {
        let layers = Layer.allCases
        var rows: [(label: String, values: [Double])] = []
        for journey in result.architectures {
            guard let point = journey.wall.map({ journey.points[$0.checkpoint] }) ?? journey.points.last else { continue }
            let kind = journey.wall?.kind ?? .chat
            let values = layers.map { point.metrics.value("\(kind.rawValue).layers_ms.\($0.rawValue)") ?? 0 }
            rows.append(("\(journey.name) \(kind.rawValue) @\(point.customers)", values))
        }
        return JourneyChart.stackedBars(title: "Mean time per request by layer", unit: "ms", parts: layers.map(\.rawValue),
                                    rows: rows, width: 900)
    }
}
