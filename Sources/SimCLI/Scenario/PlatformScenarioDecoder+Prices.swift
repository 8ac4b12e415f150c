import ScaleSim
import SimModels

/// Infrastructure prices and the engineering team.
extension PlatformScenarioDecoder {
    static func decodePrices(_ reader: ObjectReader, defaults: InfrastructurePrices) -> InfrastructurePrices {
        var prices = defaults
        prices.appServerPerHour = reader.double("app_server_dollars_per_hour", default: prices.appServerPerHour, range: .atLeast(0))
        prices.databasePerHour = reader.double("database_dollars_per_hour", default: prices.databasePerHour, range: .atLeast(0))
        prices.replicaPerHour = reader.double("replica_dollars_per_hour", default: prices.replicaPerHour, range: .atLeast(0))
        prices.redisPerHour = reader.double("redis_dollars_per_hour", default: prices.redisPerHour, range: .atLeast(0))
        prices.workerServerPerHour = reader.double("worker_server_dollars_per_hour", default: prices.workerServerPerHour,
                                                   range: .atLeast(0))
        prices.workerSlotsPerServer = reader.int("worker_slots_per_server", default: prices.workerSlotsPerServer,
                                                 range: .atLeast(1))
        prices.poolerPerHour = reader.double("pooler_dollars_per_hour", default: prices.poolerPerHour, range: .atLeast(0))
        prices.cdnPerGB = reader.double("cdn_dollars_per_gb", default: prices.cdnPerGB, range: .atLeast(0))
        prices.daysPerMonth = reader.double("days_per_month", default: prices.daysPerMonth, range: .within(1...31))
        return prices
    }

    static func decodeTeam(_ reader: ObjectReader, defaults: TeamParameters) -> TeamParameters {
        var team = defaults
        if let field = reader.field("engineers_by_stage"), let elements = field.elements() {
            let counts = elements.map { $0.int(range: .atLeast(1)) }
            if counts.count != ArchitecturePreset.allCases.count {
                let _: Int? = field.reject(expected: "4 engineer counts, one per stage; found \(counts.count)")
            } else if counts.allSatisfy({ $0 != nil }) {
                team.engineersByStage = counts.compactMap { $0 }
            }
        }
        team.platformShare = reader.double("platform_share", default: team.platformShare, range: .within(0...1))
        if let object = reader.optionalObject("migration_weeks") {
            // Source order, so that the dictionary is built the same way every time.
            for member in object.members {
                if let weeks = object.field(member.key)?.double(range: .atLeast(0)) {
                    team.migrationWeeks[member.key] = weeks
                }
            }
            object.finish()
        }
        team.deploysPerEngineerWeek = reader.double("deploys_per_engineer_week", default: team.deploysPerEngineerWeek,
                                                    range: .atLeast(0))
        team.pipelineMinutesPerDeploy = reader.double("pipeline_minutes_per_deploy", default: team.pipelineMinutesPerDeploy,
                                                      range: .atLeast(0))
        team.mitigationMinutesWithSRE = reader.double("mitigation_minutes_with_sre", default: team.mitigationMinutesWithSRE,
                                                      range: .atLeast(0))
        team.mitigationMinutesWithoutSRE = reader.double("mitigation_minutes_without_sre",
                                                         default: team.mitigationMinutesWithoutSRE, range: .atLeast(0))
        team.workingHoursPerWeek = reader.double("working_hours_per_week", default: team.workingHoursPerWeek,
                                                 range: .greaterThan(0))
        return team
    }
}
