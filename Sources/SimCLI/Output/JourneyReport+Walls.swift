import ScaleSim
import SimModels

extension JourneyReport {
    /// Returns the lines that explain one architecture's wall.
    func wallText(_ journey: ArchitectureJourney) -> [String] {
        guard let wall = journey.wall else {
            return ["\(journey.name): no wall up to \(result.spec.checkpoints.last ?? 0) customers"]
        }
        var lines = ["\(journey.name): wall at \(wall.customers) customers (month \(Self.number(wall.month)))"]
        let broken = wall.breaches.map { "\($0.metric) = \(Self.number($0.value)) (\(Self.boundText($0.objective)))" }
        if !broken.isEmpty { lines.append("  broken: " + broken.joined(separator: "; ")) }
        if wall.stoppedEarly {
            let point = journey.points[wall.checkpoint]
            lines.append("  overloaded: requests in flight passed \(result.stopBounds[wall.checkpoint]) after \(Self.number(point.endSeconds)) s of the peak hour")
        }
        var cause = "  cause: \(wall.kind.rawValue) spends most time in \(wall.layer?.rawValue ?? "no layer")"
        if let resource = wall.busiestResource, let utilization = wall.busiestUtilization {
            cause += "; busiest resource \(resource) at \(Self.percent(utilization))"
        }
        lines.append(cause)
        if !wall.checks.isEmpty {
            lines.append("  checked: " + wall.checks.map(Self.checkText).joined(separator: "; "))
        }
        lines.append("  remedy: " + Self.remedyText(wall))
        if let readiness = wall.readiness {
            lines.append("  team: " + readiness.explanation + (readiness.isReady ? " Ready in time." : " Too late."))
        } else {
            lines.append("  team: no migration to schedule; warning signs from month \(Self.number(wall.startMonth))")
        }
        return lines
    }

    /// Returns one check in words: `with response_cache on, chat.error_rate is still 0.149 (<= 0.01)`.
    static func checkText(_ check: RemedyCheck) -> String {
        let deciding = check.decidingFigures.map(\.metric)
        var figures = check.figures.map { figure in
            guard figure.objective.isBroken(by: figure.value) else { return "\(figure.metric) = \(number(figure.value))" }
            let bound = boundText(figure.objective)
            return deciding.contains(figure.metric)
                ? "\(figure.metric) is still \(number(figure.value)) (\(bound))"
                : "\(figure.metric) still \(number(figure.value)) (\(bound); a resource figure, not deciding)"
        }
        if check.stoppedEarly { figures.append("the run still stops overloaded") }
        let others = check.breaches.filter { breach in !check.figures.contains { $0.metric == breach.metric } }
        if !others.isEmpty {
            figures.append("but " + others.map { "\($0.metric) breaks at \(number($0.value))" }.joined(separator: ", "))
        }
        if figures.isEmpty { figures.append("every objective holds") }
        return "with \(check.remedy.migration ?? check.remedy.action) on, " + figures.joined(separator: ", ")
    }

    /// Returns the chosen remedy and whether a run verified it.
    static func remedyText(_ wall: JourneyWall) -> String {
        let chosen = Remedy(migration: wall.migration, action: wall.remedy)
        let name = wall.migration.map { "\($0) migration: " } ?? ""
        if wall.isVerified { return name + wall.remedy + " (verified)" }
        if !wall.checks.isEmpty, wall.checks.count >= wall.candidates.count {
            return name + wall.remedy + " (unverified: its check above failed, and no other remedy is left)"
        }
        if chosen.migration != nil, chosen.part == nil {
            return name + wall.remedy + " (unverified: the simulator has no part for \(wall.migration ?? ""))"
        }
        return name + wall.remedy + " (unverified: not an architecture part the simulator can switch on)"
    }

    /// Returns the bound as written after a figure: `<= 0.01`.
    static func boundText(_ objective: Objective) -> String {
        "\(objective.direction == .below ? "<=" : ">=") \(number(objective.bound))"
    }

    func wallValue(_ wall: JourneyWall) -> ReportValue {
        var object: [String: ReportValue] = [
            "customers": .int(wall.customers), "month": .double(wall.month), "stopped_early": .bool(wall.stoppedEarly),
            "breaches": .array(wall.breaches.map(breachValue)), "kind": .string(wall.kind.rawValue),
            "layer": wall.layer.map { .string($0.rawValue) } ?? .null,
            "busiest_resource": wall.busiestResource.map { .string($0) } ?? .null,
            "busiest_utilization": wall.busiestUtilization.map { .double($0) } ?? .null,
            "migration": wall.migration.map { .string($0) } ?? .null,
            "remedy": .string(wall.remedy), "remedy_verified": .bool(wall.isVerified),
            "remedy_checks": .array(wall.checks.map(checkValue)),
            "start_month": .double(wall.startMonth),
        ]
        if let readiness = wall.readiness {
            object["readiness"] = [
                "engineers": .int(readiness.engineers), "engineer_weeks": .double(readiness.engineerWeeks),
                "calendar_weeks": .double(readiness.calendarWeeks), "finish_month": .double(readiness.finishMonth),
                "slack_months": .double(readiness.slackMonths), "is_ready": .bool(readiness.isReady),
                "explanation": .string(readiness.explanation),
            ]
        } else {
            object["readiness"] = .null
        }
        return .object(object)
    }

    func checkValue(_ check: RemedyCheck) -> ReportValue {
        [
            "migration": check.remedy.migration.map { .string($0) } ?? .null,
            "removes_wall": .bool(check.removesWall), "stopped_early": .bool(check.stoppedEarly),
            "events": .int(check.events),
            "figures": .array(check.figures.map { figure in
                ["metric": .string(figure.metric), "value": .double(figure.value),
                 "objective": .string(Self.objectiveText(figure.objective)),
                 "broken": .bool(figure.objective.isBroken(by: figure.value)),
                 "deciding": .bool(check.decidingFigures.contains { $0.metric == figure.metric })]
            }),
            "breaches": .array(check.breaches.map(breachValue)),
        ]
    }
}
