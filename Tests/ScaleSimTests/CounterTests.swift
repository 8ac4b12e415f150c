import ScaleSim
import XCTest

final class CounterTests: XCTestCase {
    func testRatePerSecond() {
        var completions = Counter()
        completions.increment()
        completions.increment(by: 9)
        XCTAssertEqual(completions.count, 10)
        XCTAssertEqual(completions.rate(at: .seconds(4)), 2.5)
    }

    func testRateNilWithoutElapsedTime() {
        let completions = Counter(at: .seconds(3))
        XCTAssertNil(completions.rate(at: .seconds(3)))
    }

    func testResetStartsNewWindow() {
        var completions = Counter()
        completions.increment(by: 50)
        completions.reset(at: .seconds(10))
        completions.increment(by: 6)
        XCTAssertEqual(completions.count, 6)
        XCTAssertEqual(completions.start, .seconds(10))
        XCTAssertEqual(completions.rate(at: .seconds(13)), 2)
    }
}
