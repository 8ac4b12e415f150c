extension Xoshiro256StarStar {
    /// Returns a uniform integer in `0..<bound` without modulo bias.
    ///
    /// Uses Lemire's multiply-and-shift with rejection ("Fast random integer generation in an
    /// interval", ACM TOMACS 29(1), 2019). It usually costs one generator output. It is written
    /// here, not taken from the standard library, so the draws stay the same across toolchains.
    ///
    /// - Precondition: `bound > 0`.
    @inlinable
    public mutating func nextIndex(below bound: Int) -> Int {
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }
}
