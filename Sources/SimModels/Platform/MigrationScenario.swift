import ScaleSim

/// A migration of the messages table that runs on the primary while traffic flows.
///
/// Start times are measured from the run's start, warm-up included, the same clock as
/// provider incidents.
public enum MigrationScenario: Sendable, Equatable {
    case none
    /// A B-tree build on messages: CREATE INDEX CONCURRENTLY, or a plain CREATE INDEX that
    /// blocks writes to the table until it ends.
    case indexBuild(concurrently: Bool, start: SimDuration)
    /// A schema change of `table` by `strategy`.
    case schemaMigration(strategy: MigrationStrategy, table: MigratedTable, start: SimDuration)
}

/// The tables a migration may change.
public enum MigratedTable: String, Sendable, CaseIterable {
    /// Chat turns write it, and the conversation listing reads it.
    case messages
}
