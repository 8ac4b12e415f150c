/// The `workload.trace` object of a SaaS scenario file, as the scenario decoder reads it.
///
/// NOTE: a stand-in that lets this folder compile before the scenario decoder lands. Delete this
/// file when the decoder's own declaration in Scenario/TraceFileSpec.swift arrives.
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
