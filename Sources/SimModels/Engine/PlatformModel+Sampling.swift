import ScaleSim

extension PlatformModel {
    /// Seconds between time-series samples.
    static let sampleInterval = SimDuration.seconds(60)

    /// Takes one time-series sample and schedules the next; the window's counters restart.
    mutating func handleSample(scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let llmLimited = llm.reduce(0) { $0 + $1.rateLimited }
        var lag = 0.0
        for replica in replicationLags {
            lag = max(lag, replica.lag(at: now).milliseconds)
        }
        let p95 = window.chatLatency.percentile(95).map { $0 / 1e6 } ?? .nan
        series.append([
            now.seconds, Double(window.chatCompleted), Double(window.chatFailed), p95,
            Double(appSlots.inUse), Double(appSlots.waiting), Double(primary.busyServers),
            Double(pooler?.waiting ?? 0), Double(jobQueue.count), Double(llmLimited - window.llmLimitedBefore), lag,
            Double(requests.live),
        ])
        window = SampleWindow(llmLimitedBefore: llmLimited)
        if now + PlatformModel.sampleInterval <= endTime {
            scheduler.schedule(.sample, after: PlatformModel.sampleInterval)
        }
    }
}

/// Counters of the current time-series window.
struct SampleWindow {
    var chatCompleted = 0
    var chatFailed = 0
    var chatLatency = LatencyHistogram()
    /// The providers' 429 count when the window opened.
    var llmLimitedBefore = 0
}
