/// The file formats a request trace can be read from, by the names scenario files use.
public enum TraceFormat: String, Sendable, CaseIterable {
    /// The Azure LLM inference trace 2023: CSV with `TIMESTAMP,ContextTokens,GeneratedTokens`.
    case azureCSV = "azure_csv"
    /// The Mooncake FAST'25 traces: JSON Lines with `timestamp` (ms), `input_length`,
    /// `output_length` and `hash_ids`.
    case mooncakeJSONL = "mooncake_jsonl"
}
