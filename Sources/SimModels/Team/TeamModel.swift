import Foundation
import ScaleSim

/// The engineering team's capacity for migrations, its deploy pipeline and its incident response.
///
/// A migration of W engineer-weeks done by E engineers who give a share s of their time to
/// platform work takes max(1, W / (E * s)) calendar weeks. Months are calendar months of
/// 365.25 / 12 / 7 (about 4.35) weeks.
public struct TeamModel: Sendable, Equatable {
    public let parameters: TeamParameters

    /// Weeks in an average calendar month.
    public static let weeksPerMonth = 365.25 / 12 / 7

    public init(parameters: TeamParameters = TeamParameters()) {
        self.parameters = parameters
    }

    /// Returns the engineers at `stage` (1 to the number of stages in `engineersByStage`).
    ///
    /// - Throws: `TeamModelError.stageOutOfRange`.
    public func engineers(stage: Int) throws -> Int {
        guard parameters.engineersByStage.indices.contains(stage - 1) else {
            throw TeamModelError.stageOutOfRange(stage, stageCount: parameters.engineersByStage.count)
        }
        return parameters.engineersByStage[stage - 1]
    }

    /// Returns the engineer-weeks `migration` costs.
    ///
    /// - Throws: `TeamModelError.unknownMigration`.
    public func engineerWeeks(migration: String) throws -> Double {
        guard let weeks = parameters.migrationWeeks[migration] else {
            throw TeamModelError.unknownMigration(migration, known: parameters.migrationWeeks.keys.sorted())
        }
        return weeks
    }

    /// Returns the calendar weeks `migration` takes at `stage`: max(1, engineer-weeks /
    /// (engineers * platformShare)).
    ///
    /// - Throws: `TeamModelError` for an unknown migration or stage, or a team with no
    ///   platform time.
    public func calendarWeeks(migration: String, stage: Int) throws -> Double {
        let work = try engineerWeeks(migration: migration)
        let capacity = Double(try engineers(stage: stage)) * parameters.platformShare
        guard capacity > 0 else {
            throw TeamModelError.noPlatformCapacity(stage: stage, platformShare: parameters.platformShare)
        }
        return max(1, work / capacity)
    }

    /// Returns whether `migration`, started at `startMonth` by the team of `stage`, is done
    /// before the wall it removes hits at `wallMonth` (both in months from launch).
    ///
    /// - Throws: `TeamModelError` for an unknown migration or stage, or a team with no
    ///   platform time.
    public func readiness(migration: String, stage: Int, startMonth: Double, wallMonth: Double) throws -> MigrationReadiness {
        let work = try engineerWeeks(migration: migration)
        let team = try engineers(stage: stage)
        let weeks = try calendarWeeks(migration: migration, stage: stage)
        let finishMonth = startMonth + weeks / Self.weeksPerMonth
        let slack = wallMonth - finishMonth

        let timing = slack >= 0
            ? "\(Self.format(slack)) months before the wall in month \(Self.format(wallMonth))"
            : "\(Self.format(-slack)) months after the wall in month \(Self.format(wallMonth))"
        let explanation = "The \(migration) migration costs \(Self.format(work)) engineer-weeks. "
            + "\(team) engineers at \(Self.format(parameters.platformShare * 100))% platform time "
            + "need \(Self.format(weeks)) calendar weeks, so work started in month \(Self.format(startMonth)) "
            + "finishes in month \(Self.format(finishMonth)), \(timing)."

        return MigrationReadiness(migration: migration, stage: stage, engineers: team, engineerWeeks: work,
                                  calendarWeeks: weeks, startMonth: startMonth, finishMonth: finishMonth,
                                  wallMonth: wallMonth, slackMonths: slack, explanation: explanation)
    }

    /// Returns the deploy pipeline at `stage` when `pipelines` pipelines share the deploys
    /// evenly: 1 for a monolith whose teams share one pipeline.
    ///
    /// Each pipeline is an M/D/1 queue: deploys arrive as a Poisson stream over working hours
    /// and hold the pipeline `pipelineMinutesPerDeploy`. The mean wait is Pollaczek-Khinchine's
    /// for deterministic service, Wq = rho * D / (2 (1 - rho)).
    ///
    /// - Throws: `TeamModelError.stageOutOfRange`.
    /// - Precondition: `pipelines >= 1`.
    public func deployPipeline(stage: Int, pipelines: Int = 1) throws -> DeployPipeline {
        precondition(pipelines >= 1, "pipelines must be at least 1, got \(pipelines)")
        let deploysPerWeek = Double(try engineers(stage: stage)) * parameters.deploysPerEngineerWeek
        let arrivalsPerHour = deploysPerWeek / parameters.workingHoursPerWeek / Double(pipelines)
        let serviceHours = parameters.pipelineMinutesPerDeploy / 60
        let utilization = arrivalsPerHour * serviceHours
        let meanWaitMinutes = utilization < 1
            ? utilization * parameters.pipelineMinutesPerDeploy / (2 * (1 - utilization))
            : Double.infinity
        return DeployPipeline(pipelines: pipelines, deploysPerWeek: deploysPerWeek,
                              arrivalsPerHourPerPipeline: arrivalsPerHour,
                              serviceMinutes: parameters.pipelineMinutesPerDeploy,
                              utilization: utilization, meanWaitMinutes: meanWaitMinutes)
    }

    /// Returns the time to mitigate an incident, with or without an SRE on call.
    public func mitigationTime(sreOnCall: Bool) -> SimDuration {
        .minutes(sreOnCall ? parameters.mitigationMinutesWithSRE : parameters.mitigationMinutesWithoutSRE)
    }

    /// Formats `value` with one decimal, for explanations.
    private static func format(_ value: Double) -> String {
        String(format: "%.1f", value)
    }
}

/// A migration's finish month set against the month its wall hits.
public struct MigrationReadiness: Sendable, Equatable {
    public let migration: String
    public let stage: Int
    public let engineers: Int
    public let engineerWeeks: Double
    public let calendarWeeks: Double
    /// Months from launch.
    public let startMonth: Double
    public let finishMonth: Double
    public let wallMonth: Double
    /// Months between the finish and the wall; negative when the migration lands late.
    public let slackMonths: Double
    /// A plain sentence that walks from the work to the verdict, for the CLI.
    public let explanation: String

    /// Whether the migration finishes no later than the wall.
    public var isReady: Bool { slackMonths >= 0 }
}

/// A deploy pipeline as an M/D/1 queue.
public struct DeployPipeline: Sendable, Equatable {
    public let pipelines: Int
    /// Deploys of the whole team per week.
    public let deploysPerWeek: Double
    /// Deploys per working hour that reach one pipeline.
    public let arrivalsPerHourPerPipeline: Double
    /// Minutes one deploy occupies a pipeline.
    public let serviceMinutes: Double
    /// rho = arrival rate * service time.
    public let utilization: Double
    /// Mean minutes a deploy waits for the pipeline; infinite when saturated.
    public let meanWaitMinutes: Double

    /// Whether deploys arrive at least as fast as the pipeline serves them, so the queue grows
    /// without bound.
    public var isSaturated: Bool { utilization >= 1 }
}

/// An invalid request to `TeamModel`.
public enum TeamModelError: Error, Equatable, CustomStringConvertible {
    case unknownMigration(String, known: [String])
    case stageOutOfRange(Int, stageCount: Int)
    case noPlatformCapacity(stage: Int, platformShare: Double)

    public var description: String {
        switch self {
        case .unknownMigration(let name, let known):
            return "unknown migration '\(name)'; expected one of \(known.joined(separator: ", ")) or add it to team.migrationWeeks"
        case .stageOutOfRange(let stage, let count):
            return "stage \(stage) is out of range; team.engineersByStage covers stages 1 to \(count)"
        case .noPlatformCapacity(let stage, let share):
            return "the team at stage \(stage) has no platform time (platformShare \(share)); set a positive engineer count and platformShare"
        }
    }
}
