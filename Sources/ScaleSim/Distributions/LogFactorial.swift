import Foundation

/// Returns `log(k!)` to about 1e-14 relative precision, for `k >= 0`.
///
/// Below 16 it takes the log of the exact product, since 15! is exact in a `Double`. From 16 on
/// it uses Stirling's series for `log Γ(k + 1)` through the `x^-7` term, whose truncation error
/// is below `1 / (1188 x^9)`, under 1e-14 at x = 17.
@usableFromInline
func logFactorial(_ k: Int) -> Double {
    if k < 16 {
        var product = 1.0
        var factor = 2
        while factor <= k {
            product *= Double(factor)
            factor += 1
        }
        return log(product)
    }
    let x = Double(k + 1)
    let inverse = 1 / x
    let inverseSquared = inverse * inverse
    let series = inverse * (1.0 / 12 - inverseSquared * (1.0 / 360 - inverseSquared * (1.0 / 1260 - inverseSquared / 1680)))
    return (x - 0.5) * log(x) - x + 0.5 * log(2 * Double.pi) + series
}
