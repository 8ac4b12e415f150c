import ScaleSim
import SimModels

/// The output of `simctl journey`: a table, JSON or CSV, each naming the version, the scenario
/// hash and the seed.
///
/// Latencies are in milliseconds, utilization and error rates are fractions, and costs are US
/// dollars per month.
struct JourneyReport {
    var scenarioHash: String
    var result: JourneyResult

    /// The per-checkpoint figures of the table and CSV, in column order.
    static let columns: [(name: String, metric: String)] = [
        ("chat_p50_ms", "chat.p50_ms"), ("chat_p95_ms", "chat.p95_ms"), ("chat_p99_ms", "chat.p99_ms"),
        ("listing_p95_ms", "listing.p95_ms"), ("analytics_p95_ms", "analytics.p95_ms"),
        ("chat_error_rate", "chat.error_rate"), ("llm_dollars_per_month", "costs.llm_dollars_per_month"),
        ("total_dollars_per_month", "costs.total_dollars_per_month"),
        ("dollars_per_customer_month", "costs.dollars_per_customer_month"),
    ]

    var header: String {
        let spec = result.spec
        return "ScaleSim \(ScaleSimVersion.current)  scenario \(ScenarioHash.algorithm):\(scenarioHash)  seed \(result.seed)\n"
            + "peak hour \(Self.number(spec.duration.seconds / 60)) min after a discarded \(Self.number(spec.warmup.seconds / 60)) min warm-up"
            + "  replications \(spec.replications)\n"
            + "objectives: " + spec.objectives.map(Self.objectiveText).joined(separator: ", ") + "\n"
    }

    /// Returns one block per architecture and a closing section on the walls.
    func table() -> String {
        var text = header
        let columns = ["customers", "month", "chat p95 ms", "listing p95 ms", "error rate", "busiest resource", "util",
                       "$/customer/mo", ""]
        for journey in result.architectures {
            text += "\n\(journey.name) (stage \(journey.stage) team)\n"
            var rows: [[String]] = [columns]
            for (index, point) in journey.points.enumerated() {
                let busiest = point.busiestResource
                var mark = ""
                if journey.wall?.checkpoint == index { mark = "<- wall" }
                if point.stoppedEarly { mark += (mark.isEmpty ? "" : ", ") + "stopped at \(Self.number(point.endSeconds)) s" }
                rows.append([
                    String(point.customers), Self.number(point.month),
                    Self.number(point.metrics.value("chat.p95_ms")), Self.number(point.metrics.value("listing.p95_ms")),
                    Self.number(point.metrics.value("chat.error_rate")), busiest?.name ?? "-",
                    busiest.map { Self.percent($0.utilization) } ?? "-",
                    Self.number(point.metrics.value("costs.dollars_per_customer_month")), mark,
                ])
            }
            text += Self.align(rows)
        }
        text += "\nWalls\n"
        for journey in result.architectures {
            text += "\n" + wallText(journey).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        text += "\n" + teamText().joined(separator: "\n") + "\n"
        return text
    }

    /// Deploy pipelines a stage's teams share: one monolith pipeline until the runtime is split
    /// out behind the queue (stage 3 on), then one per service.
    static func pipelines(stage: Int) -> Int {
        stage >= 3 ? 2 : 1
    }

    /// Returns the team figures per stage for the JSON output; minutes throughout.
    func teamValue() -> ReportValue {
        let team = result.team
        var stages: [ReportValue] = []
        var seen: [Int] = []
        for journey in result.architectures where !seen.contains(journey.stage) {
            seen.append(journey.stage)
            let pipelines = Self.pipelines(stage: journey.stage)
            guard let engineers = try? team.engineers(stage: journey.stage),
                  let pipeline = try? team.deployPipeline(stage: journey.stage, pipelines: pipelines) else { continue }
            stages.append([
                "stage": .int(journey.stage), "engineers": .int(engineers), "pipelines": .int(pipelines),
                "deploys_per_week": .double(pipeline.deploysPerWeek), "pipeline_utilization": .double(pipeline.utilization),
                "pipeline_mean_wait_minutes": pipeline.isSaturated ? .null : .double(pipeline.meanWaitMinutes),
            ])
        }
        return [
            "stages": .array(stages),
            "mitigation_minutes_with_sre": .double(team.mitigationTime(sreOnCall: true).seconds / 60),
            "mitigation_minutes_without_sre": .double(team.mitigationTime(sreOnCall: false).seconds / 60),
        ]
    }

    /// Returns the lines on each stage's team: deploys, the shared pipeline's queue, incidents.
    func teamText() -> [String] {
        let team = result.team
        let minutes = Self.number(team.parameters.pipelineMinutesPerDeploy)
        var lines = ["Team (each deploy holds its pipeline \(minutes) min; a pipeline is an M/D/1 queue over working hours)"]
        var stages: [Int] = []
        for journey in result.architectures where !stages.contains(journey.stage) {
            stages.append(journey.stage)
        }
        for stage in stages {
            let pipelines = Self.pipelines(stage: stage)
            guard let engineers = try? team.engineers(stage: stage),
                  let pipeline = try? team.deployPipeline(stage: stage, pipelines: pipelines) else { continue }
            let wait = pipeline.isSaturated ? "saturated: deploys queue without bound" : "mean wait \(Self.number(pipeline.meanWaitMinutes)) min"
            lines.append("  stage \(stage): \(engineers) engineers, \(Self.number(pipeline.deploysPerWeek)) deploys/week over "
                         + "\(pipelines) pipeline\(pipelines == 1 ? "" : "s"), each \(Self.percent(pipeline.utilization)) busy, \(wait)")
        }
        let withSRE = Self.number(team.mitigationTime(sreOnCall: true).seconds / 60)
        let withoutSRE = Self.number(team.mitigationTime(sreOnCall: false).seconds / 60)
        lines.append("  incident mitigation: \(withSRE) min with an SRE on call, \(withoutSRE) min without")
        return lines
    }

    /// Returns the whole result as pretty JSON with sorted keys.
    func json() -> String {
        let spec = result.spec
        let architectures: [ReportValue] = result.architectures.map { journey in
            var object: [String: ReportValue] = [
                "name": .string(journey.name), "stage": .int(journey.stage),
                "parts": .array(ArchitecturePart.allCases.filter { $0.isOn(in: journey.architecture) }.map { .string($0.rawValue) }),
                "points": .array(journey.points.enumerated().map { pointValue($1, index: $0) }),
            ]
            object["wall"] = journey.wall.map(wallValue) ?? .null
            return .object(object)
        }
        let document: ReportValue = [
            "scalesim_version": .string(ScaleSimVersion.current),
            "scenario_hash": .string(scenarioHash),
            "scenario_hash_algorithm": .string(ScenarioHash.algorithm),
            "seed": Int(exactly: result.seed).map { .int($0) } ?? .string(String(result.seed)),
            "peak_hour_s": .double(spec.duration.seconds),
            "warmup_s": .double(spec.warmup.seconds),
            "replications": .int(spec.replications),
            "checkpoints": .array(spec.checkpoints.map { .int($0) }),
            "stop_bounds": .array(result.stopBounds.map { .int($0) }),
            "objectives": .array(spec.objectives.map {
                ["metric": .string($0.metric), .init(stringLiteral: $0.direction.rawValue): .double($0.bound)]
            }),
            "architectures": .array(architectures),
            "team": teamValue(),
        ]
        return JSONWriter().string(document) + "\n"
    }

    func pointValue(_ point: JourneyPoint, index: Int) -> ReportValue {
        var metrics: [String: ReportValue] = [:]
        for (name, value) in zip(point.metrics.names, point.metrics.values) {
            metrics[name] = .double(value)
        }
        var bottlenecks: [String: ReportValue] = [:]
        for entry in point.bottlenecks {
            bottlenecks[entry.kind.rawValue] = entry.layer.map { .string($0.rawValue) } ?? .null
        }
        return [
            "customers": .int(point.customers), "month": .double(point.month),
            "stopped_early": .bool(point.stoppedEarly), "end_s": .double(point.endSeconds), "events": .int(point.events),
            "breaches": .array(point.breaches.map(breachValue)),
            "bottlenecks": .object(bottlenecks), "metrics": .object(metrics),
        ]
    }

    func breachValue(_ breach: ObjectiveBreach) -> ReportValue {
        ["metric": .string(breach.metric), "value": .double(breach.value), "objective": .string(Self.objectiveText(breach.objective))]
    }

    /// Returns one row per architecture and checkpoint.
    func csv() -> String {
        let header = ["architecture", "customers", "month"] + Self.columns.map(\.name)
            + ["busiest_resource", "busiest_utilization", "stopped_early", "end_s", "is_wall", "broken_objectives",
               "remedy_migration", "remedy", "remedy_verified"]
        var rows: [[ReportValue]] = []
        for journey in result.architectures {
            for (index, point) in journey.points.enumerated() {
                var row: [ReportValue] = [.string(journey.name), .int(point.customers), .double(point.month)]
                row += Self.columns.map { .double(point.metrics.value($0.metric) ?? .nan) }
                let busiest = point.busiestResource
                row += [busiest.map { .string($0.name) } ?? .null, busiest.map { .double($0.utilization) } ?? .null,
                        .bool(point.stoppedEarly), .double(point.endSeconds), .bool(journey.wall?.checkpoint == index),
                        .string(point.breaches.map(\.metric).joined(separator: " "))]
                // The wall's chosen remedy on its own row, empty elsewhere.
                if let wall = journey.wall, wall.checkpoint == index {
                    row += [wall.migration.map { .string($0) } ?? .null, .string(wall.remedy), .bool(wall.isVerified)]
                } else {
                    row += [.null, .null, .null]
                }
                rows.append(row)
            }
        }
        return CSVWriter().document(header: header, rows: rows)
    }

    /// Returns the objective as written in reports: `chat.p95_ms <= 15000`.
    static func objectiveText(_ objective: Objective) -> String {
        "\(objective.metric) \(objective.direction == .below ? "<=" : ">=") \(NumberFormat.standard.string(objective.bound))"
    }

    static func number(_ value: Double?) -> String {
        guard let value else { return "-" }
        if value.isNaN { return "-" }
        let rounded = value.magnitude >= 100 ? value.rounded() : (value * 1000).rounded() / 1000
        return NumberFormat.standard.string(rounded)
    }

    /// Returns months from launch with one decimal, as `TeamModel`'s explanations print them.
    static func month(_ value: Double) -> String {
        String(format: "%.1f", value)
    }

    static func percent(_ value: Double) -> String {
        NumberFormat.standard.string((value * 1000).rounded() / 10) + "%"
    }

    /// Pads each column to its widest cell: the first column (and the last when `isLastLeft`)
    /// left-aligned, the others right-aligned.
    static func align(_ rows: [[String]], isLastLeft: Bool = true) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 || (isLastLeft && column == row.count - 1) ? cell + padding : padding + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
