import ScaleSim
import SimModels

/// Returns an error message when `trace` is shorter than a run of `runLength`, or nil when it
/// covers the run.
///
/// `runLength` is the warm-up plus the measured duration. The engine replays each copy of the
/// trace from its own random offset and wraps around to the trace's start once. Without looping,
/// every copy therefore covers at most one span of the run and then falls silent, so a longer
/// run would measure a load that fades out. Such a run is an error unless the trace loops.
public func checkTraceCoversRun(_ trace: TraceSpec, runLength: SimDuration) -> String? {
    guard !trace.loop, runLength > trace.span else { return nil }
    let format = NumberFormat.standard
    let spanSeconds = format.string(trace.span.seconds)
    let wholeSeconds = trace.span.nanoseconds / 1_000_000_000
    return "workload.trace: the run lasts \(format.string(runLength.seconds)) s (warm-up plus duration), "
        + "but the trace '\(trace.name)' spans only \(spanSeconds) s and each copy replays it at most once; "
        + "set run.warmup_s plus run.duration_s to at most \(wholeSeconds), or set workload.trace.loop to true to repeat the trace"
}
