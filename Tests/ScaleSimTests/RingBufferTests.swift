import XCTest
import ScaleSim

final class RingBufferTests: XCTestCase {
    func testEmptyBuffer() {
        var buffer = RingBuffer<Int>()
        buffer.checkInvariants()

        XCTAssertTrue(buffer.isEmpty)
        XCTAssertEqual(buffer.count, 0)
        XCTAssertNil(buffer.first)
        XCTAssertNil(buffer.popFirst())
        buffer.checkInvariants()
        XCTAssertEqual(Array(buffer), [])
    }

    func testFIFOOrder() {
        var buffer = RingBuffer<Int>()
        for value in 1...5 {
            buffer.append(value)
            buffer.checkInvariants()
        }

        XCTAssertEqual(buffer.count, 5)
        XCTAssertEqual(buffer.first, 1)
        XCTAssertEqual(Array(buffer), [1, 2, 3, 4, 5])
        XCTAssertEqual(buffer.popFirst(), 1)
        buffer.checkInvariants()
        XCTAssertEqual(buffer.removeFirst(), 2)
        buffer.checkInvariants()
        XCTAssertEqual(Array(buffer), [3, 4, 5])
    }

    func testWrapAroundAndGrowth() {
        // Fill, drain part, refill past the end so the live range wraps, then force growth
        // while wrapped: the order must survive both.
        var buffer = RingBuffer<Int>()
        var expected: [Int] = []
        var next = 0
        for round in 0..<50 {
            for _ in 0..<(round % 7 + 3) {
                buffer.append(next)
                expected.append(next)
                next += 1
                buffer.checkInvariants()
            }
            for _ in 0..<(round % 5 + 1) {
                XCTAssertEqual(buffer.popFirst(), expected.removeFirst())
                buffer.checkInvariants()
            }
            XCTAssertEqual(Array(buffer), expected)
        }
        XCTAssertEqual(buffer.count, expected.count)
    }

    func testCapacityStableOnceGrown() {
        var buffer = RingBuffer<Int>(minimumCapacity: 10)
        buffer.checkInvariants()
        let capacity = buffer.capacity

        XCTAssertEqual(capacity, 16)
        for value in 0..<10_000 {
            buffer.append(value)
            if buffer.count > 12 {
                _ = buffer.popFirst()
            }
        }
        buffer.checkInvariants()
        XCTAssertEqual(buffer.capacity, capacity)
    }

    func testSubscriptReadsAndWrites() {
        var buffer = RingBuffer<String>()
        for word in ["a", "b", "c", "d", "e", "f", "g", "h"] {
            buffer.append(word)
        }
        _ = buffer.popFirst()
        _ = buffer.popFirst()
        buffer.append("i")
        buffer.append("j")
        buffer.checkInvariants()

        XCTAssertEqual(buffer[0], "c")
        XCTAssertEqual(buffer[7], "j")
        buffer[7] = "J"
        buffer.checkInvariants()
        XCTAssertEqual(Array(buffer), ["c", "d", "e", "f", "g", "h", "i", "J"])
    }

    func testRemoveAllKeepsCapacity() {
        var buffer = RingBuffer<Int>()
        for value in 0..<20 {
            buffer.append(value)
        }
        let capacity = buffer.capacity
        buffer.removeAll()
        buffer.checkInvariants()

        XCTAssertTrue(buffer.isEmpty)
        XCTAssertEqual(buffer.capacity, capacity)
        buffer.append(7)
        buffer.checkInvariants()
        XCTAssertEqual(buffer.first, 7)
    }

    func testOptionalElements() {
        var buffer = RingBuffer<Int?>()
        buffer.append(nil)
        buffer.append(3)
        buffer.checkInvariants()

        XCTAssertEqual(buffer.count, 2)
        XCTAssertEqual(buffer.popFirst(), .some(nil))
        buffer.checkInvariants()
        XCTAssertEqual(buffer.popFirst(), .some(3))
        XCTAssertTrue(buffer.isEmpty)
    }
}
