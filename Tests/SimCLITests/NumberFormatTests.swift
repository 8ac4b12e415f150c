import SimCLI
import XCTest

final class NumberFormatTests: XCTestCase {
    private let format = NumberFormat.standard

    func testFormatIntegers() {
        XCTAssertEqual(format.string(42), "42")
        XCTAssertEqual(format.string(-7), "-7")
        XCTAssertEqual(format.string(Int.max), "9223372036854775807")
    }

    func testFormatIntegralDoubles() {
        XCTAssertEqual(format.string(3.0), "3")
        XCTAssertEqual(format.string(-120.0), "-120")
        XCTAssertEqual(format.string(123_456_789.0), "123456789")
        XCTAssertEqual(format.string(999_999_999_999_999.0), "999999999999999")
    }

    func testFormatZero() {
        XCTAssertEqual(format.string(0.0), "0")
        XCTAssertEqual(format.string(-0.0), "0")
    }

    func testFormatSignificantDigits() {
        XCTAssertEqual(format.string(1.0 / 3.0), "0.333333")
        XCTAssertEqual(format.string(2.0 / 3.0), "0.666667")
        XCTAssertEqual(format.string(1234.5678), "1234.57")
        XCTAssertEqual(format.string(0.1), "0.1")
        XCTAssertEqual(format.string(0.25), "0.25")
        XCTAssertEqual(format.string(-12.5), "-12.5")
        XCTAssertEqual(format.string(0.000123456789), "0.000123457")
    }

    func testFormatKeepsIntegerPart() {
        XCTAssertEqual(format.string(1_234_567.25), "1234567")
        XCTAssertEqual(format.string(1_234_567.5), "1234568")
    }

    func testFormatRoundingCarries() {
        XCTAssertEqual(format.string(9.9999999), "10")
        XCTAssertEqual(format.string(0.99999999), "1")
        XCTAssertEqual(format.string(999_999.5), "1000000")
    }

    func testFormatRoundsShortestDigitsHalfUp() {
        XCTAssertEqual(format.string(0.1234565), "0.123457")
        XCTAssertEqual(format.string(-0.1234565), "-0.123457")
    }

    func testFormatPlainRangeBoundaries() {
        XCTAssertEqual(format.string(1e-6), "0.000001")
        XCTAssertEqual(format.string(1.5e-6), "0.0000015")
        XCTAssertEqual(format.string(0.99e-6), "9.9e-07")
        XCTAssertEqual(format.string(1e15), "1e+15")
        XCTAssertEqual(format.string(1e15 + 0.5), "1e+15")
    }

    func testFormatExponentForm() {
        XCTAssertEqual(format.string(1.5e-7), "1.5e-07")
        XCTAssertEqual(format.string(-2.5e20), "-2.5e+20")
        XCTAssertEqual(format.string(1.23456789e-10), "1.23457e-10")
        XCTAssertEqual(format.string(1e300), "1e+300")
        XCTAssertEqual(format.string(Double.leastNonzeroMagnitude), "5e-324")
        XCTAssertEqual(format.string(9.999999e-8), "1e-07")
    }

    func testFormatNonFinite() {
        XCTAssertEqual(format.string(Double.nan), "nan")
        XCTAssertEqual(format.string(Double.infinity), "inf")
        XCTAssertEqual(format.string(-Double.infinity), "-inf")
        XCTAssertEqual(format.jsonLiteral(Double.nan), "null")
        XCTAssertEqual(format.jsonLiteral(Double.infinity), "null")
        XCTAssertEqual(format.jsonLiteral(0.5), "0.5")
    }

    func testFormatOtherPrecision() {
        let three = NumberFormat(significantDigits: 3)
        XCTAssertEqual(three.string(3.14159), "3.14")
        XCTAssertEqual(three.string(2.5e-9), "2.5e-09")
    }
}
