import ScaleSim

/// Per-customer observations at one station after warm-up: waits, sojourns and rejections.
struct StationObservations {
    var waits = LatencyHistogram()
    var sojourns = LatencyHistogram()
    var waitMoments = RunningMoments()
    var sojournMoments = RunningMoments()
    var waitedCount = 0
    var rejections = 0

    mutating func recordWait(_ wait: SimDuration) {
        waits.record(wait)
        waitMoments.record(wait.seconds)
        if wait > .zero { waitedCount += 1 }
    }

    mutating func recordSojourn(_ sojourn: SimDuration) {
        sojourns.record(sojourn)
        sojournMoments.record(sojourn.seconds)
    }
}

/// Time from entering the network to leaving it, for customers that entered after warm-up.
struct ResponseObservations {
    var histogram = LatencyHistogram()
    var moments = RunningMoments()

    mutating func record(_ response: SimDuration) {
        histogram.record(response)
        moments.record(response.seconds)
    }
}
