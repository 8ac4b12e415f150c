/// The kinds of request the platform serves, in output order.
public enum RequestKind: String, Sendable, CaseIterable {
    /// A chat turn as the user sees it: from sending a message to the stored reply.
    case chat
    /// The API's answer to a chat turn when a queue decouples the runtime (202 Accepted);
    /// without a queue it equals the chat turn and is not reported.
    case chatAPI = "chat_api"
    /// The tenant's 50 latest conversations with their last message.
    case listing
    /// A usage dashboard query over the last 90 days.
    case analytics
    /// One tenant's billing aggregation, inline or as a background job.
    case billing
    /// A static asset (script, style, image).
    case asset
}

/// The layers a request spends time in, so that the bottleneck can be named.
public enum Layer: String, Sendable, CaseIterable {
    /// Waiting for a tenant limit slot or token (Redis counters included).
    case tenantLimit = "tenant_limit"
    /// Waiting for a worker slot or memory on an app server.
    case appWait = "app_wait"
    /// CPU on an app server or runtime worker, queueing for a core included.
    case appCPU = "app_cpu"
    /// Waiting for a database connection (pooler or max_connections).
    case poolWait = "pool_wait"
    /// Database work: round trips, queueing for a core, and execution.
    case database
    /// Time in the job queue before a runtime worker takes the job, retry delays included.
    case queueWait = "queue_wait"
    /// Redis commands (cache, counters, queue operations), round trips included.
    case redis
    /// The LLM provider, failed attempts included.
    case llm
    /// The CDN edge.
    case cdn
}

/// Why a request did not complete.
public enum FailureCause: String, Sendable, CaseIterable {
    /// The app server had no free worker slot or memory within the admission timeout (503).
    case appOverloaded = "app_overloaded"
    /// No database connection within the pooler's wait timeout.
    case poolTimeout = "pool_timeout"
    /// The primary refused a connection beyond max_connections.
    case tooManyConnections = "too_many_connections"
    /// The LLM provider answered 429 and no retry was left.
    case llmRateLimited = "llm_rate_limited"
    /// The LLM provider failed (outage, brown-out error or timeout) and no retry was left.
    case llmFailed = "llm_failed"
    /// The tenant's concurrency limit rejected the request.
    case tenantConcurrency = "tenant_concurrency"
    /// The tenant's rate limit rejected the request.
    case tenantRate = "tenant_rate"
    /// The queue was beyond its backpressure limit.
    case backpressure
    /// A worker crashed with the job after a plain pop: the job is gone.
    case jobLostCrash = "job_lost_crash"
    /// Redis evicted the queue key holding the job.
    case jobLostEviction = "job_lost_eviction"
    /// Redis refused a write at maxmemory (noeviction).
    case redisOutOfMemory = "redis_out_of_memory"
    /// An insert found no partition for its month.
    case missingPartition = "missing_partition"
    /// A table lock held by a migration timed the request out.
    case tableLocked = "table_locked"
}
