/// The self-contained HTML report of a journey (filled in below).
struct JourneyHTML {
    var report: JourneyReport

    func document() -> String { "<!doctype html><title>journey</title>" }
}
