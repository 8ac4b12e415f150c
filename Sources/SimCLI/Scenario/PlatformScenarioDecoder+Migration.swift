import ScaleSim
import SimModels

/// The `parameters.migration` and `parameters.migration_costs` sections: a schema change or an
/// index build that runs during the simulated hour.
extension PlatformScenarioDecoder {
    /// The migration kinds a scenario names.
    static let migrationKinds = ["none", "index_build", "expand_contract", "locking_rewrite"]

    static func decodeMigration(_ reader: ObjectReader) -> MigrationScenario {
        let kind = reader.string("kind", default: "none", oneOf: migrationKinds)
        // The start counts from the beginning of the run, warm-up included, as incidents do.
        let start = reader.durationSeconds("start_s", default: .zero)
        let concurrently = reader.bool("concurrently", default: true)
        let tableName = reader.string("table", default: MigratedTable.messages.rawValue,
                                      oneOf: MigratedTable.allCases.map(\.rawValue))
        let table = MigratedTable(rawValue: tableName) ?? .messages
        switch kind {
        case "index_build": return .indexBuild(concurrently: concurrently, start: start)
        case "expand_contract": return .schemaMigration(strategy: .expandContract, table: table, start: start)
        case "locking_rewrite": return .schemaMigration(strategy: .lockingRewrite, table: table, start: start)
        default: return .none
        }
    }

    static func decodeMigrationCosts(_ reader: ObjectReader, defaults: MigrationParameters) -> MigrationParameters {
        var costs = defaults
        costs.ddlLockDuration = milliseconds(reader, "ddl_lock_ms", default: costs.ddlLockDuration)
        costs.deployGap = reader.durationSeconds("deploy_gap_s", default: costs.deployGap)
        costs.backfillBatchRows = reader.int("backfill_batch_rows", default: costs.backfillBatchRows, range: .atLeast(1))
        costs.backfillPerRowCost = milliseconds(reader, "backfill_per_row_ms", default: costs.backfillPerRowCost)
        costs.backfillPause = milliseconds(reader, "backfill_pause_ms", default: costs.backfillPause)
        costs.validationPerRowCost = milliseconds(reader, "validation_per_row_ms", default: costs.validationPerRowCost)
        costs.rewritePerRowCost = milliseconds(reader, "rewrite_per_row_ms", default: costs.rewritePerRowCost)
        costs.indexBuildPerRowCost = milliseconds(reader, "index_build_per_row_ms", default: costs.indexBuildPerRowCost)
        return costs
    }
}
