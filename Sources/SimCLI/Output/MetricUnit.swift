/// The unit of a SaaS metric, derived from its path: the last segment's suffix, else its name.
///
/// `chat.p95_ms` is in ms, `costs.total_dollars_per_month` in USD/month,
/// `resources.redis.utilization` a fraction; a plain count such as `llm.requests` is "count".
enum MetricUnit {
    /// Suffixes of a path's last segment and their units, checked in this order.
    static let suffixes: [(suffix: String, unit: String)] = [
        ("_ms", "ms"),
        ("dollars_per_customer_month", "USD/customer/month"),
        ("_dollars_per_month", "USD/month"),
        ("_dollars_per_hour", "USD/hour"),
        ("_dollars", "USD"),
        ("utilization", "fraction"),
        ("_ratio", "fraction"),
        ("_rate", "fraction"),
        ("_tokens", "tokens"),
        ("_rows", "rows"),
        ("_seconds", "s"),
        ("_s", "s"),
        ("mean_waiting", "requests"),
        ("mean_queue", "requests"),
        ("mean_queue_length", "jobs"),
        ("capacity", "slots"),
        ("per_turn", "attempts/turn"),
    ]

    static func unit(of path: String) -> String {
        let last = path.split(separator: ".").last.map(String.init) ?? path
        if path == "database.month" { return "months" }
        if path == "run.events" { return "events" }
        if path == "tenants.count" { return "tenants" }
        for (suffix, unit) in suffixes where last.hasSuffix(suffix) {
            return unit
        }
        return "count"
    }
}
