import XCTest
import ScaleSim

final class EventListTests: XCTestCase {
    func testPopsInTimeOrder() {
        var list = EventList<Int>()
        let times: [Int64] = [50, 10, 40, 20, 30]
        for (index, time) in times.enumerated() {
            list.schedule(index, at: SimTime(nanoseconds: time))
            list.checkInvariants()
        }
        var popped: [Int64] = []
        while let next = list.popNext() {
            list.checkInvariants()
            popped.append(next.time.nanoseconds)
        }
        XCTAssertEqual(popped, [10, 20, 30, 40, 50])
    }

    /// Events at the same instant fire in the order they were scheduled.
    func testTiesBreakByInsertionOrder() {
        var list = EventList<Int>()
        for value in 0..<1_000 {
            list.schedule(value, at: SimTime(nanoseconds: 7))
        }
        var popped: [Int] = []
        while let next = list.popNext() {
            popped.append(next.event)
        }
        XCTAssertEqual(popped, Array(0..<1_000))
    }

    func testCancelRemovesOnlyThatEvent() {
        var list = EventList<String>()
        list.schedule("a", at: SimTime(nanoseconds: 1))
        let b = list.schedule("b", at: SimTime(nanoseconds: 2))
        list.schedule("c", at: SimTime(nanoseconds: 3))
        XCTAssertTrue(list.cancel(b))
        list.checkInvariants()
        XCTAssertEqual(list.count, 2)
        XCTAssertEqual(list.popNext()?.event, "a")
        XCTAssertEqual(list.popNext()?.event, "c")
    }

    func testCancelAfterFireIsIgnored() {
        var list = EventList<Int>()
        let handle = list.schedule(1, at: SimTime(nanoseconds: 1))
        _ = list.popNext()
        XCTAssertFalse(list.cancel(handle))
        XCTAssertFalse(list.isPending(handle))
        // The recycled slot belongs to a new event; the old handle must not touch it.
        let newer = list.schedule(2, at: SimTime(nanoseconds: 5))
        XCTAssertFalse(list.cancel(handle))
        XCTAssertTrue(list.isPending(newer))
        XCTAssertEqual(list.count, 1)
    }

    /// A random mix of schedules, pops and cancels against a sorted reference list.
    func testRandomOperationsMatchReference() {
        var rng = Xoshiro256StarStar(seed: 2024)
        var list = EventList<Int>()
        var reference: [(time: Int64, sequence: Int, handle: EventHandle)] = []
        var sequence = 0
        var now: Int64 = 0
        for _ in 0..<20_000 {
            let action = rng.nextUnit()
            if action < 0.5 || reference.isEmpty {
                let time = now + Int64(rng.nextUnit() * 1_000)
                let handle = list.schedule(sequence, at: SimTime(nanoseconds: time))
                reference.append((time, sequence, handle))
                sequence += 1
            } else if action < 0.8 {
                reference.sort { ($0.time, $0.sequence) < ($1.time, $1.sequence) }
                let expected = reference.removeFirst()
                let next = list.popNext()
                XCTAssertEqual(next?.event, expected.sequence)
                XCTAssertEqual(next?.time.nanoseconds, expected.time)
                now = expected.time
            } else {
                let index = Int(rng.nextUnit() * Double(reference.count))
                let victim = reference.remove(at: index)
                XCTAssertTrue(list.cancel(victim.handle))
            }
        }
        list.checkInvariants()
        XCTAssertEqual(list.count, reference.count)
    }

    func testRemoveNextOnEmptyListReturnsNilForPopNext() {
        var list = EventList<Int>()
        XCTAssertNil(list.popNext())
        XCTAssertNil(list.peekTime)
    }
}
