import ScaleSim
import SimModels

/// The output of `simctl compare`: metrics as rows, scenarios as columns, then each scenario's
/// difference to the first with its paired 95% half-width.
struct ComparisonReport {
    /// Scenario hash of each entry's file, in entry order.
    var hashes: [String]
    var result: ComparisonResult

    var header: String {
        // Each column's file hash, in column order, so a hash can be traced to its file.
        let hashText = zip(result.entries, hashes).map { "\($0.name)=\(ScenarioHash.algorithm):\($1)" }.joined(separator: " ")
        var text = "ScaleSim \(ScaleSimVersion.current)  seed \(result.seed)  replications \(result.replications)\n"
            + "scenarios \(hashText)\n"
        text += result.replications >= 2
            ? "values are means over replications; differences to \(result.entries[0].name) are paired (common random numbers) ± the 95% Student-t half-width\n"
            : "one replication: differences to \(result.entries[0].name) have no confidence interval (use --replications 2 or more)\n"
        return text
    }

    func table() -> String {
        var rows: [[String]] = [["metric"] + result.entries.map(\.name)
            + result.entries.dropFirst().map { "\($0.name) - \(result.entries[0].name)" }]
        for (m, metric) in result.metrics.enumerated() {
            var row = [metric] + result.entries.indices.map { JourneyReport.number(result.mean(entry: $0, metric: m)) }
            for entry in result.entries.indices.dropFirst() {
                let difference = result.difference(entry: entry, metric: m)
                var cell = JourneyReport.number(difference.mean)
                if let interval = difference.interval { cell += " ± " + JourneyReport.number(interval.halfWidth) }
                row.append(cell)
            }
            rows.append(row)
        }
        var text = header + "\n" + JourneyReport.align(rows, isLastLeft: false)
        text += "\nbottlenecks (layer with the most time per request kind)\n"
        var bottleneckRows: [[String]] = [["kind"] + result.entries.map(\.name)]
        for (index, kind) in RequestKind.allCases.enumerated() {
            bottleneckRows.append([kind.rawValue] + result.entries.map { $0.bottlenecks[index].layer?.rawValue ?? "-" })
        }
        text += JourneyReport.align(bottleneckRows)
        for entry in result.entries where entry.stoppedEarly > 0 {
            text += "\(entry.name): \(entry.stoppedEarly) replication(s) stopped early, overloaded\n"
        }
        return text
    }

    func json() -> String {
        let entries: [ReportValue] = result.entries.enumerated().map { index, entry in
            var metrics: [String: ReportValue] = [:]
            for (m, metric) in result.metrics.enumerated() {
                var object: [String: ReportValue] = [
                    "mean": .double(result.mean(entry: index, metric: m)),
                    "values": .array(entry.values[m].map { .double($0) }),
                ]
                if index > 0 {
                    let difference = result.difference(entry: index, metric: m)
                    object["difference"] = .double(difference.mean)
                    object["difference_half_width"] = difference.interval.map { .double($0.halfWidth) } ?? .null
                }
                metrics[metric] = .object(object)
            }
            var bottlenecks: [String: ReportValue] = [:]
            for item in entry.bottlenecks {
                bottlenecks[item.kind.rawValue] = item.layer.map { .string($0.rawValue) } ?? .null
            }
            return ["name": .string(entry.name), "scenario_hash": .string(hashes[index]), "metrics": .object(metrics),
                    "bottlenecks": .object(bottlenecks), "stopped_early": .int(entry.stoppedEarly)]
        }
        let document: ReportValue = [
            "scalesim_version": .string(ScaleSimVersion.current),
            "scenario_hash_algorithm": .string(ScenarioHash.algorithm),
            "seed": Int(exactly: result.seed).map { .int($0) } ?? .string(String(result.seed)),
            "replications": .int(result.replications),
            "confidence_level": .double(result.level),
            "baseline": .string(result.entries[0].name),
            "metrics": .array(result.metrics.map { .string($0) }),
            "scenarios": .array(entries),
        ]
        return JSONWriter().string(document) + "\n"
    }

    /// Returns one CSV row per scenario and metric, after rows that name the version, the seed,
    /// the replication count and each scenario's hash, as `run --format csv` does.
    func csv() -> String {
        var rows: [[ReportValue]] = [
            [.null, "scalesim_version", .string(ScaleSimVersion.current), .null, .null],
            [.null, "seed", Int(exactly: result.seed).map { .int($0) } ?? .string(String(result.seed)), .null, .null],
            [.null, "replications", .int(result.replications), .null, .null],
        ]
        for (entry, hash) in zip(result.entries, hashes) {
            rows.append([.string(entry.name), "scenario_hash", .string("\(ScenarioHash.algorithm):\(hash)"), .null, .null])
        }
        for (index, entry) in result.entries.enumerated() {
            for (m, metric) in result.metrics.enumerated() {
                let difference = index > 0 ? result.difference(entry: index, metric: m) : nil
                rows.append([.string(entry.name), .string(metric), .double(result.mean(entry: index, metric: m)),
                             difference.map { .double($0.mean) } ?? .null,
                             difference?.interval.map { .double($0.halfWidth) } ?? .null])
            }
        }
        return CSVWriter().document(header: ["scenario", "metric", "mean", "difference", "difference_half_width"], rows: rows)
    }
}
