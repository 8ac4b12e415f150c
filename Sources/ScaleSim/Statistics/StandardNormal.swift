#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The standard normal distribution's CDF and quantile function.
public enum StandardNormal {
    /// Returns the probability that a standard normal variable is <= `x`.
    public static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// Returns the z with P(Z <= z) = `p`.
    ///
    /// Peter Acklam's rational approximation (relative error below 1.15e-9) followed by one
    /// Halley step on the CDF, computed with `erfc`, which brings it to about machine precision.
    /// The lower tail is always the one computed, so p near 1 loses no digits to cancellation.
    ///
    /// - Precondition: `p` is in (0, 1).
    public static func quantile(_ p: Double) -> Double {
        precondition(p > 0 && p < 1, "normal quantile probability must be in (0, 1), got \(p)")

        // 1 - p is exact for p >= 0.5 (Sterbenz), so the symmetry costs nothing.
        if p > 0.5 { return -quantile(1 - p) }
        if p == 0.5 { return 0 }

        var x = acklamLowerHalf(p)

        // One Halley step: e is the CDF error, u = e / density. For p >= 0.25, p - 0.5 is exact
        // (Sterbenz) and erf keeps full relative precision near the median, where erfc would not.
        let error = p >= 0.25 ? 0.5 * erf(x / 2.0.squareRoot()) - (p - 0.5) : cdf(x) - p
        let u = error * (2 * Double.pi).squareRoot() * exp(x * x / 2)
        // Below p of about 1e-300 the density underflows; the approximation is kept as it is.
        guard u.isFinite else { return x }
        x -= u / (1 + x * u / 2)
        return x
    }

    /// Returns Acklam's approximation for p in (0, 0.5].
    static func acklamLowerHalf(_ p: Double) -> Double {
        let a = (-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00)
        let b = (-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01)
        let c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00)
        let d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                 3.754408661907416e+00)
        let lowBreak = 0.02425

        if p < lowBreak {
            // Tail region: a rational function of sqrt(-2 log p).
            let q = (-2 * log(p)).squareRoot()
            let numerator = ((((c.0 * q + c.1) * q + c.2) * q + c.3) * q + c.4) * q + c.5
            let denominator = (((d.0 * q + d.1) * q + d.2) * q + d.3) * q + 1
            return numerator / denominator
        }

        // Central region: a rational function of (p - 0.5)^2.
        let q = p - 0.5
        let r = q * q
        let numerator = (((((a.0 * r + a.1) * r + a.2) * r + a.3) * r + a.4) * r + a.5) * q
        let denominator = ((((b.0 * r + b.1) * r + b.2) * r + b.3) * r + b.4) * r + 1
        return numerator / denominator
    }
}
