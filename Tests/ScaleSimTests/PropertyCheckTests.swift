import ScaleSim
import XCTest

final class PropertyCheckTests: XCTestCase {
    func testIntegerShrinksToThreshold() throws {
        // A property planted to fail from 1234 on must shrink to exactly 1234.
        let outcome = PropertyCheck.run(cases: 100, seed: 7, .int(in: 0...10_000)) { $0 < 1234 }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk, 1234)
        XCTAssertGreaterThanOrEqual(failure.original, 1234)
        XCTAssertFalse(failure.hitShrinkBudget)
    }

    func testIntegerShrinksTowardTarget() throws {
        let generator = Generator<Int>.int(in: -5_000...5_000, shrinkingToward: 0)
        let outcome = PropertyCheck.run(cases: 100, seed: 3, generator) { $0 > -777 }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk, -777)
    }

    func testDoubleShrinksWithinResolution() throws {
        let generator = Generator<Double>.double(in: 0...100, resolution: 0.001)
        let outcome = PropertyCheck.run(cases: 100, seed: 11, generator) { $0 < 12.345 }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertGreaterThanOrEqual(failure.shrunk, 12.345)
        XCTAssertLessThan(failure.shrunk, 12.345 + 0.001)
    }

    func testBoolShrinksToFalse() throws {
        let outcome = PropertyCheck.run(cases: 50, seed: 1, .bool) { _ in false }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk, false)
    }

    func testArrayShrinksToShortest() throws {
        // Fails when some element is at least 500: the simplest counterexample is [500].
        let generator = Generator<[Int]>.array(of: .int(in: 0...1_000), length: 0...20)
        let outcome = PropertyCheck.run(cases: 100, seed: 5, generator) { values in values.allSatisfy { $0 < 500 } }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk, [500])
    }

    func testArrayKeepsMinimumLength() throws {
        let generator = Generator<[Int]>.array(of: .int(in: 0...9), length: 3...8)
        let outcome = PropertyCheck.run(cases: 20, seed: 5, generator) { _ in false }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk, [0, 0, 0])
    }

    func testOneOfShrinksTowardFirstOption() throws {
        let generator = Generator<String>.oneOf([.constant("first"), .constant("second"), .constant("third")])
        let outcome = PropertyCheck.run(cases: 20, seed: 2, generator) { _ in false }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk, "first")
    }

    func testZipShrinksBothComponents() throws {
        let generator = Generator<(Int, Int)>.zip(.int(in: 0...1_000), .int(in: 0...1_000))
        let outcome = PropertyCheck.run(cases: 200, seed: 9, generator) { pair in pair.0 + pair.1 < 900 }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk.0 + failure.shrunk.1, 900)
    }

    func testFlatMapShrinksOuterThenInner() throws {
        // A length, then an array of that length: the smallest failing length with zeros inside.
        let generator = Generator<Int>.int(in: 1...50).flatMap { count in
            Generator<[Int]>.array(of: .int(in: 0...100), length: count...count)
        }
        let outcome = PropertyCheck.run(cases: 50, seed: 4, generator) { $0.count < 10 }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk, Array(repeating: 0, count: 10))
    }

    func testMapCarriesShrinking() throws {
        let generator = Generator<Int>.int(in: 0...10_000).map { $0 * 2 }
        let outcome = PropertyCheck.run(cases: 100, seed: 8, generator) { $0 < 3_000 }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk, 3_000)
    }

    func testReplayDrawsSameCase() throws {
        let generator = Generator<Int>.int(in: 0...10_000)
        let outcome = PropertyCheck.run(cases: 100, seed: 21, generator) { $0 < 9_000 }
        let failure = try XCTUnwrap(outcome.failure)
        let replayed = PropertyCheck.replay(seed: 21, case: failure.caseIndex, generator) { $0 < 9_000 }
        let again = try XCTUnwrap(replayed.failure)
        XCTAssertEqual(again.original, failure.original)
        XCTAssertEqual(again.shrunk, failure.shrunk)
    }

    func testPassingPropertyPasses() {
        let outcome = PropertyCheck.run(cases: 100, seed: 1, .int(in: 0...10)) { $0 <= 10 }
        XCTAssertTrue(outcome.isPassed)
    }

    func testThrowingPropertyFails() throws {
        struct Planted: Error {}
        let outcome = PropertyCheck.run(cases: 10, seed: 1, .int(in: 0...10)) { value -> Bool in
            if value >= 3 { throw Planted() }
            return true
        }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrunk, 3)
        XCTAssertNotNil(failure.message)
    }

    func testShrinkBudgetStops() throws {
        let outcome = PropertyCheck.run(cases: 10, seed: 1, .int(in: 0...1_000_000), shrinkSteps: 2) { $0 < 1 }
        let failure = try XCTUnwrap(outcome.failure)
        XCTAssertEqual(failure.shrinkSteps, 2)
        XCTAssertTrue(failure.hitShrinkBudget)
    }

    func testGenerationStaysInRange() {
        XCTAssertProperty(cases: 500, seed: 12, .int(in: -3...3)) { (-3...3).contains($0) }
        XCTAssertProperty(cases: 500, seed: 13, .double(in: 2...5, resolution: 0.01)) { (2...5).contains($0) }
    }

    func testShrinkCandidatesIncludeRoundNumbers() {
        XCTAssertEqual(Shrinking.integer(7_423, toward: 0).prefix(4), [0, 7_000, 7_400, 7_420])
    }
}
