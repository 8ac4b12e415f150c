/// The continued fraction of the regularized incomplete beta function I_x(a, b).
///
/// I_x(a, b) = x^a (1 - x)^b / (a B(a, b)) * 1 / (1 + d1 / (1 + d2 / (1 + ...))), with
/// d(2m+1) = -(a + m)(a + b + m) x / ((a + 2m)(a + 2m + 1)) and
/// d(2m) = m (b - m) x / ((a + 2m - 1)(a + 2m)). It converges quickly for
/// x < (a + 1) / (a + b + 2); callers use the symmetry I_x(a, b) = 1 - I_(1-x)(b, a) otherwise.
enum IncompleteBeta {
    /// The value of 1 / (1 + d1 / (1 + d2 / ...)), by the modified Lentz method.
    static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let tolerance = 1e-16

        // Lentz evaluates g = 1 + d1 / (1 + d2 / ...) as a running product of ratios.
        var g = 1.0
        var numeratorRatio = g
        var denominatorRatio = 0.0
        var k = 1
        while k < 100_000 {
            let m = Double(k / 2)
            let term: Double
            if k % 2 == 1 {
                term = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            } else {
                term = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            }

            denominatorRatio = 1 + term * denominatorRatio
            if abs(denominatorRatio) < tiny { denominatorRatio = tiny }
            denominatorRatio = 1 / denominatorRatio

            numeratorRatio = 1 + term / numeratorRatio
            if abs(numeratorRatio) < tiny { numeratorRatio = tiny }

            let delta = numeratorRatio * denominatorRatio
            g *= delta
            if abs(delta - 1) < tolerance { break }
            k += 1
        }
        return 1 / g
    }
}
