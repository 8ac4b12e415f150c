import ScaleSim
import SimModels
import XCTest

final class JourneyRemedyTests: XCTestCase {
    /// Stage 3 at 100 customers with a primary provider allowed 20,000 tokens a minute: its
    /// chat turns fail on 429s, so the wall's cause is the LLM layer.
    func rateLimitedJourney(preset: ArchitecturePreset) -> JourneyResult {
        var base = PlatformScenario(customers: CustomerSpec(count: 100))
        base.parameters.llm.tokensPerMinute = 20_000
        var spec = JourneySpec()
        spec.checkpoints = [100]
        spec.architectures = [NamedArchitecture(preset: preset)]
        spec.duration = .minutes(5)
        spec.warmup = .minutes(1)
        return JourneyRunner.run(base: base, spec: spec, jobs: 2)
    }

    func testLLMCandidatesInOrder() {
        let stage3 = Remedy.candidates(forLayer: .llm, kind: .chat, architecture: ArchitecturePreset.stage3.architecture)
        XCTAssertEqual(stage3.map(\.migration), ["response_cache", "fallback_provider", nil])
        XCTAssertEqual(stage3.last?.action, "raise the provider's rate limit")
    }

    func testLLMCandidatesSkipPartsOn() {
        let stage4 = Remedy.candidates(forLayer: .llm, kind: .chat, architecture: ArchitecturePreset.stage4.architecture)
        XCTAssertEqual(stage4.map(\.migration), ["fallback_provider", nil])
    }

    func testServiceSplitHasNoPart() {
        XCTAssertNil(Remedy(migration: "service_split", action: "").part)
        XCTAssertEqual(Remedy(migration: "response_cache", action: "").part, .responseCache)
    }

    func testDatabaseCandidatesEndInSplit() {
        let stage1 = Remedy.candidates(forLayer: .database, kind: .listing, architecture: ArchitectureSpec())
        XCTAssertEqual(stage1.map(\.migration), ["indexes", "lateral_listing", "replica", "partitions", "service_split"])
    }

    func testIndexesVerifiedAtStageOneWall() {
        var spec = JourneySpec()
        spec.checkpoints = [10, 100]
        spec.architectures = [NamedArchitecture(preset: .stage1)]
        spec.duration = .minutes(5)
        spec.warmup = .minutes(1)
        let wall = JourneyRunner.run(base: PlatformScenario(customers: CustomerSpec(count: 10)), spec: spec, jobs: 1)
            .architectures[0].wall
        XCTAssertEqual(wall?.checks.map(\.remedy.migration), ["indexes"])
        XCTAssertEqual(wall?.checks.first?.removesWall, true)
        XCTAssertEqual(wall?.isVerified, true)
        XCTAssertEqual(wall?.readiness?.migration, "indexes")
    }

    func testRateLimitWallTriesCandidatesInOrder() {
        let wall = rateLimitedJourney(preset: .stage3).architectures[0].wall
        XCTAssertEqual(wall?.layer, .llm)
        let checked = wall?.checks.map(\.remedy.migration) ?? []
        XCTAssertEqual(checked.first, "response_cache")
        // Every check before the last failed, and the chosen remedy is the last check, which worked.
        XCTAssertEqual(wall?.checks.dropLast().filter(\.removesWall).count, 0)
        XCTAssertEqual(wall?.checks.last?.removesWall, true)
        XCTAssertEqual(wall?.migration, checked.last ?? nil)
        XCTAssertEqual(wall?.isVerified, true)
    }

    func testFallbackVerifiedWhenCacheIsOn() {
        let wall = rateLimitedJourney(preset: .stage4).architectures[0].wall
        XCTAssertEqual(wall?.checks.map(\.remedy.migration), ["fallback_provider"])
        XCTAssertEqual(wall?.checks.first?.decidingFigures.allSatisfy { $0.kind != nil }, true)
        XCTAssertEqual(wall?.migration, "fallback_provider")
        XCTAssertEqual(wall?.readiness?.migration, "fallback_provider")
    }

    func testChecksDoNotDependOnJobs() {
        var base = PlatformScenario(customers: CustomerSpec(count: 100))
        base.parameters.llm.tokensPerMinute = 20_000
        var spec = JourneySpec()
        spec.checkpoints = [100]
        spec.architectures = [NamedArchitecture(preset: .stage2), NamedArchitecture(preset: .stage4)]
        spec.duration = .minutes(3)
        spec.warmup = .minutes(1)
        let one = JourneyRunner.run(base: base, spec: spec, jobs: 1)
        let three = JourneyRunner.run(base: base, spec: spec, jobs: 3)
        for (left, right) in zip(one.architectures, three.architectures) {
            let leftValues = left.wall?.checks.flatMap { $0.figures.map(\.value.bitPattern) } ?? []
            let rightValues = right.wall?.checks.flatMap { $0.figures.map(\.value.bitPattern) } ?? []
            XCTAssertEqual(leftValues, rightValues)
            XCTAssertEqual(left.wall?.migration, right.wall?.migration)
        }
    }
}
