import ScaleSim
import SimModels

/// The `run` section: how long, how many replications, which seed, and which moment of the
/// platform's life.
extension PlatformScenarioDecoder {
    static func decodeRun(_ reader: ObjectReader) -> PlatformRunSpec {
        var run = PlatformRunSpec()
        run.duration = reader.durationSeconds("duration_s", default: run.duration, range: .greaterThan(0))
        run.warmup = reader.durationSeconds("warmup_s", default: run.warmup)
        run.replications = reader.int("replications", default: run.replications, range: .within(1...1000))
        run.seed = UInt64(reader.int("seed", default: Int(run.seed), range: .within(0...Int.max)))
        if let field = reader.field("month") {
            run.month = field.double(range: .atLeast(0)) ?? run.month
        }
        run.peakHour = reader.bool("peak_hour", default: run.peakHour)
        // Where the next platform month starts, counted from the start of the run; without it no
        // month boundary falls inside the run.
        if let field = reader.field("next_month_boundary_s") {
            run.nextMonthBoundary = field.durationSeconds(range: .atLeast(0))
        }
        return run
    }
}
