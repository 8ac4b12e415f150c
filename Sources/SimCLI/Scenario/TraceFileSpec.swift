/// The `workload.trace` object of a SaaS scenario: which trace file to replay and how.
///
/// `loadTrace(_:relativeTo:)` reads the file and turns it into the model's `TraceSpec`.
struct TraceFileSpec: Sendable, Equatable {
    /// The trace file, absolute or relative to the scenario file's folder.
    var path: String
    /// "azure_csv" or "mooncake_jsonl".
    var format: String
    /// Customers whose traffic one copy of the trace stands for.
    var customersPerCopy: Double
    /// Whether a copy that reaches the end of the trace starts again from its beginning.
    var loop: Bool
    /// The scenario file's line of the `trace` object, for messages.
    var line: Int

    /// The accepted values of `format`.
    static let formats = ["azure_csv", "mooncake_jsonl"]
}
