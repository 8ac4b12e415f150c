import XCTest
import ScaleSim

final class RandomStreamsTests: XCTestCase {
    /// A stream depends on the seed and its name only, not on which streams were made before.
    func testStreamIgnoresCreationOrder() {
        let streams = RandomStreams(seed: 42)
        var first = streams.stream("workload.arrivals")
        _ = streams.stream("db.primary.service")
        _ = streams.stream("llm.primary")
        var again = RandomStreams(seed: 42).stream("workload.arrivals")
        for _ in 0..<1_000 {
            XCTAssertEqual(first.next(), again.next())
        }
    }

    func testNamesGiveDifferentStreams() {
        let streams = RandomStreams(seed: 42)
        var arrivals = streams.stream("workload.arrivals")
        var service = streams.stream("db.primary.service")
        var equal = 0
        for _ in 0..<1_000 where arrivals.next() == service.next() {
            equal += 1
        }
        XCTAssertEqual(equal, 0)
    }

    func testSeedsGiveDifferentStreams() {
        var one = RandomStreams(seed: 1).stream("workload.arrivals")
        var two = RandomStreams(seed: 2).stream("workload.arrivals")
        XCTAssertNotEqual(one.next(), two.next())
    }

    func testIndexedFamilyMembersDiffer() {
        let streams = RandomStreams(seed: 9)
        var firstValues = Set<UInt64>()
        for index in 0..<1_000 {
            var member = streams.stream("workload.session", index: UInt64(index))
            firstValues.insert(member.next())
        }
        XCTAssertEqual(firstValues.count, 1_000)
    }

    /// FNV-1a 64 of "a" is af63dc4c8601ec8c in the reference tables of Fowler, Noll and Vo.
    func testFNV1aMatchesReferenceValue() {
        XCTAssertEqual(RandomStreams.fnv1a("a"), 0xAF63_DC4C_8601_EC8C)
        XCTAssertEqual(RandomStreams.fnv1a(""), 0xCBF2_9CE4_8422_2325)
    }

    /// Neighbouring streams must look independent: their correlation over many draws is small.
    func testNeighbouringStreamsAreUncorrelated() {
        let streams = RandomStreams(seed: 3)
        var left = streams.stream("station.a.service")
        var right = streams.stream("station.b.service")
        var sumXY = 0.0, sumX = 0.0, sumY = 0.0, sumXX = 0.0, sumYY = 0.0
        let count = 100_000.0
        for _ in 0..<Int(count) {
            let x = left.nextUnit()
            let y = right.nextUnit()
            sumXY += x * y; sumX += x; sumY += y; sumXX += x * x; sumYY += y * y
        }
        let covariance = sumXY / count - (sumX / count) * (sumY / count)
        let correlation = covariance / ((sumXX / count - pow(sumX / count, 2)).squareRoot() * (sumYY / count - pow(sumY / count, 2)).squareRoot())
        // The standard error of a correlation of independent samples is 1/sqrt(n) = 0.0032.
        XCTAssertLessThan(abs(correlation), 0.016)
    }
}
