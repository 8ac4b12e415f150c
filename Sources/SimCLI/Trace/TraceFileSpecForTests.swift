/// The `workload.trace` object of a SaaS scenario file, as the scenario decoder reads it.
///
/// NOTE: a stand-in so this folder compiles before the scenario decoder lands; the decoder's own
/// declaration in Scenario/TraceFileSpec.swift replaces it, and this file must then be deleted.
struct TraceFileSpec {
    /// The trace file; a relative path is resolved against the scenario file's folder.
    var path: String
    /// A `TraceFormat` raw value: `azure_csv` or `mooncake_jsonl`.
    var format: String
    var customersPerCopy: Double
    var loop: Bool
    /// The scenario file's line of the `trace` object, for messages.
    var line: Int
}
