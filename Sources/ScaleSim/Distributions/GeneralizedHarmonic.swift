import Foundation

/// Returns `Σ_{k=1}^{n} k^-exponent`, the generalized harmonic number H(n, exponent).
///
/// The first 1000 terms are summed directly, smallest first. The rest of the sum comes from
/// the Euler–Maclaurin formula through the fifth derivative, whose remainder is of order
/// `m^-(exponent + 7)` for m = 1000, far below the rounding of the sum. Any real exponent works,
/// including 0 and negative ones, which the moments of `Zipf` need.
///
/// - Complexity: O(min(n, 1000)).
func generalizedHarmonic(_ n: Int, exponent: Double) -> Double {
    let directCount = 1000
    guard n > directCount else {
        return directSum(from: 1, through: n, exponent: exponent)
    }

    // Terms 1 ... m-1 directly, then terms m ... n by Euler–Maclaurin.
    let m = Double(directCount)
    let upper = Double(n)
    let head = directSum(from: 1, through: directCount - 1, exponent: exponent)

    let logRatio = log(upper / m)
    let oneLessExponent = 1 - exponent
    let integral = pow(m, oneLessExponent) * logRatio * expm1Ratio(oneLessExponent * logRatio)
    let endpoints = (pow(m, -exponent) + pow(upper, -exponent)) / 2

    // Derivatives of x^-t: f' = -t x^-(t+1), f''' = -t(t+1)(t+2) x^-(t+3), and so on.
    let t = exponent
    let first = -t
    let third = first * (t + 1) * (t + 2)
    let fifth = third * (t + 3) * (t + 4)
    let firstDifference = first * (pow(upper, -t - 1) - pow(m, -t - 1))
    let thirdDifference = third * (pow(upper, -t - 3) - pow(m, -t - 3))
    let fifthDifference = fifth * (pow(upper, -t - 5) - pow(m, -t - 5))
    let corrections = firstDifference / 12 - thirdDifference / 720 + fifthDifference / 30240

    return head + integral + endpoints + corrections
}

/// Returns `Σ_{k=first}^{last} k^-exponent`, adding the terms from the last to the first.
private func directSum(from first: Int, through last: Int, exponent: Double) -> Double {
    var total = 0.0
    var k = last
    while k >= first {
        total += pow(Double(k), -exponent)
        k -= 1
    }
    return total
}

/// Returns `expm1(x) / x`, which is 1 at x = 0.
@usableFromInline
func expm1Ratio(_ x: Double) -> Double {
    abs(x) < 1e-8 ? 1 + x / 2 : expm1(x) / x
}

/// Returns `log1p(x) / x`, which is 1 at x = 0.
@usableFromInline
func log1pRatio(_ x: Double) -> Double {
    abs(x) < 1e-8 ? 1 - x / 2 : log1p(x) / x
}
