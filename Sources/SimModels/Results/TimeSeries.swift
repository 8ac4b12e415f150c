/// Figures sampled once per interval over a run, for plots and the time-series CSV.
public struct TimeSeries: Sendable, Equatable {
    /// Column names; the first is the time in seconds since the run started (warm-up included).
    public static let columns = [
        "time_s", "chat_completed", "chat_failed", "chat_p95_ms", "app_slots_in_use", "app_slots_waiting",
        "db_primary_busy", "db_connection_waiters", "job_queue_length", "llm_rate_limited", "replica_lag_ms",
        "requests_in_flight",
    ]

    public private(set) var rows: [[Double]] = []

    public init() {}

    mutating func append(_ row: [Double]) {
        precondition(row.count == TimeSeries.columns.count, "time-series row has \(row.count) values for \(TimeSeries.columns.count) columns")
        rows.append(row)
    }
}
