import ScaleSim
import XCTest

final class StudentTTests: XCTestCase {
    /// Asserts |actual - expected| <= tolerance * |expected|.
    func assertRelative(
        _ actual: Double, _ expected: Double, _ tolerance: Double,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let error = abs(actual - expected) / abs(expected)
        XCTAssertLessThanOrEqual(
            error, tolerance, "got \(actual), expected \(expected)", file: file, line: line)
    }

    // Printed tables give 9 significant digits, so they are checked to 1e-8 relative.
    func testQuantileTableValues() {
        assertRelative(StudentT.quantile(0.975, degreesOfFreedom: 1), 12.7062047, 1e-8)
        assertRelative(StudentT.quantile(0.975, degreesOfFreedom: 2), 4.30265273, 1e-8)
        assertRelative(StudentT.quantile(0.975, degreesOfFreedom: 4), 2.77644511, 1e-8)
        assertRelative(StudentT.quantile(0.975, degreesOfFreedom: 9), 2.26215716, 1e-8)
        assertRelative(StudentT.quantile(0.975, degreesOfFreedom: 29), 2.04522964, 1e-8)
        assertRelative(StudentT.quantile(0.995, degreesOfFreedom: 10), 3.16927267, 1e-8)
        assertRelative(StudentT.quantile(0.9995, degreesOfFreedom: 5), 6.86882663, 1e-8)
    }

    // References from an independent method: with x = sqrt(df) tan(theta), the upper tail is
    // Gamma((df+1)/2) / (sqrt(pi) Gamma(df/2)) times the integral of cos(theta)^(df-1) from
    // theta to pi/2. Python 3's math module, composite Simpson with 20,000 intervals and 60
    // bisection steps on theta gave the values below; they match the printed tables above.
    func testQuantileBonferroniLevels() {
        let p = 1 - 0.05 / (2 * 60)
        assertRelative(StudentT.quantile(p, degreesOfFreedom: 9), 4.912355190344578, 1e-9)
        assertRelative(StudentT.quantile(p, degreesOfFreedom: 4), 9.029367027509142, 1e-9)
        assertRelative(StudentT.quantile(p, degreesOfFreedom: 1), 763.9432905087466, 1e-9)
        let twentyComparisons = 1 - 0.05 / 20
        assertRelative(
            StudentT.quantile(twentyComparisons, degreesOfFreedom: 29), 3.038046744849179, 1e-9)
    }

    // With one degree of freedom t is Cauchy: t = tan(pi (p - 1/2)) = -1 / tan(pi p). The lower
    // tail is used because 1 - p would round p = 1e-12 by 1e-4 relative.
    func testQuantileOneDegreeClosedForm() {
        for p in [0.4, 0.1, 0.025, 1e-3, 1e-6, 1e-12, 1e-200] {
            assertRelative(StudentT.quantile(p, degreesOfFreedom: 1), -1 / tan(Double.pi * p), 1e-9)
        }
    }

    // With two degrees of freedom, t = a sqrt(2 / (1 - a^2)) for a = 2p - 1, 1 - a^2 = 4p(1 - p).
    func testQuantileTwoDegreesClosedForm() {
        for p in [0.4, 0.1, 0.025, 1e-3, 1e-6, 1e-12, 1e-200] {
            let expected = (2 * p - 1) * (2 / (4 * p * (1 - p))).squareRoot()
            assertRelative(StudentT.quantile(p, degreesOfFreedom: 2), expected, 1e-9)
        }
    }

    func testQuantileSymmetry() {
        for df in [1.0, 3, 10, 100] {
            for p in [0.6, 0.9, 0.999] {
                let upper = StudentT.quantile(p, degreesOfFreedom: df)
                let lower = StudentT.quantile(1 - p, degreesOfFreedom: df)
                assertRelative(-lower, upper, 1e-12)
            }
        }
    }

    func testQuantileMedianIsZero() {
        XCTAssertEqual(StudentT.quantile(0.5, degreesOfFreedom: 7), 0)
    }

    func testQuantileInvertsCDF() {
        for df in [1.0, 1.5, 2, 5, 17, 120, 1e4, 1e6] {
            for p in [1e-10, 1e-4, 0.01, 0.3, 0.7, 0.975, 0.9999] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                assertRelative(StudentT.cdf(t, degreesOfFreedom: df), p, 1e-9)
            }
        }
    }

    // Above 10^5 degrees of freedom the quantile comes from the Cornish-Fisher expansion, while
    // the CDF still comes from the incomplete beta function, so each checks the other.
    func testQuantileExpansionMatchesCDF() {
        for df in [1e5 + 1, 1e7] {
            for p in [1e-30, 1e-8, 0.025, 0.3] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                assertRelative(StudentT.cdf(t, degreesOfFreedom: df), p, 1e-9)
            }
        }
    }

    // The first correction term, (z^3 + z) / (4 df), is 2.1e-12 relative at 10^12 degrees.
    func testQuantileLargeDegreesApproachNormal() {
        assertRelative(StudentT.quantile(0.975, degreesOfFreedom: 1e12), 1.95996398454005, 1e-11)
    }

    func testNormalQuantileTableValues() {
        assertRelative(StandardNormal.quantile(0.975), 1.95996398, 1e-8)
        assertRelative(StandardNormal.quantile(0.999), 3.09023231, 1e-8)
    }

    // References from Python 3's statistics.NormalDist().inv_cdf, which implements Wichura's
    // AS241 (PPND16), a different algorithm from Acklam's.
    func testNormalQuantileAgainstWichura() {
        assertRelative(StandardNormal.quantile(0.975), 1.9599639845400536, 1e-14)
        assertRelative(StandardNormal.quantile(1e-10), -6.361340902404056, 1e-14)
        assertRelative(StandardNormal.quantile(0.3), -0.5244005127080407, 1e-14)
        assertRelative(StandardNormal.quantile(0.02), -2.0537489106318225, 1e-14)
        assertRelative(StandardNormal.quantile(1 - 0.05 / 120), 3.3414789560386255, 1e-14)
    }

    // Near the median z = sqrt(2 pi) d (1 + pi d^2 / 3 + ...) for d = p - 1/2, so the cubic term
    // is below 1e-17 here; d is 0.500000001 - 0.5 as a Double, exactly.
    func testNormalQuantileNearMedian() {
        let d = 0.500000001 - 0.5
        let expected = (2 * Double.pi).squareRoot() * d
        assertRelative(StandardNormal.quantile(0.500000001), expected, 1e-12)
    }

    func testNormalQuantileInvertsCDF() {
        for p in [1e-300, 1e-20, 1e-5, 0.2, 0.5, 0.8, 0.99999] {
            let z = StandardNormal.quantile(p)
            assertRelative(StandardNormal.cdf(z), p, 1e-12)
        }
    }
}
