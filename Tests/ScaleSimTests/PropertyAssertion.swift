import ScaleSim
import XCTest

/// Checks `property` over `cases` generated values and fails the test with the shrunk case and
/// its replay when one does not hold.
func XCTAssertProperty<Value>(cases: Int, seed: UInt64, _ generator: Generator<Value>,
                              file: StaticString = #filePath, line: UInt = #line,
                              _ property: (Value) throws -> Bool) {
    let outcome = PropertyCheck.run(cases: cases, seed: seed, generator, property)
    if let failure = outcome.failure {
        XCTFail(failure.report, file: file, line: line)
    }
}
