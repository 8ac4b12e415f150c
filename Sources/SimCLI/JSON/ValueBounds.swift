/// An interval that a scenario value must lie in, with each end open, closed or absent.
///
/// Swift's range types have no open lower end, which a rate (`> 0`) needs, hence this type.
public struct ValueBounds<Value: Comparable & Sendable>: Sendable {
    public var lower: Value?
    public var isLowerInclusive: Bool
    public var upper: Value?
    public var isUpperInclusive: Bool

    public init(lower: Value?, isLowerInclusive: Bool = true, upper: Value?, isUpperInclusive: Bool = true) {
        self.lower = lower
        self.isLowerInclusive = isLowerInclusive
        self.upper = upper
        self.isUpperInclusive = isUpperInclusive
    }

    public static var unbounded: ValueBounds { ValueBounds(lower: nil, upper: nil) }

    /// Values `>= minimum`.
    public static func atLeast(_ minimum: Value) -> ValueBounds { ValueBounds(lower: minimum, upper: nil) }

    /// Values `> minimum`.
    public static func greaterThan(_ minimum: Value) -> ValueBounds {
        ValueBounds(lower: minimum, isLowerInclusive: false, upper: nil)
    }

    /// Values `<= maximum`.
    public static func atMost(_ maximum: Value) -> ValueBounds { ValueBounds(lower: nil, upper: maximum) }

    /// Values in the closed range.
    public static func within(_ range: ClosedRange<Value>) -> ValueBounds {
        ValueBounds(lower: range.lowerBound, upper: range.upperBound)
    }

    public func contains(_ value: Value) -> Bool {
        if let lower, isLowerInclusive ? value < lower : value <= lower { return false }
        if let upper, isUpperInclusive ? value > upper : value >= upper { return false }
        return true
    }

    /// Describes the bounds for a message, such as "an integer >= 0", "a number > 0 and < 1" or
    /// "an integer from 1 to 64". `noun` names the type and `render` prints a bound.
    public func describe(_ noun: String, render: (Value) -> String) -> String {
        switch (lower, upper) {
        case (nil, nil):
            return noun
        case (let lower?, nil):
            return "\(noun) \(isLowerInclusive ? ">=" : ">") \(render(lower))"
        case (nil, let upper?):
            return "\(noun) \(isUpperInclusive ? "<=" : "<") \(render(upper))"
        case (let lower?, let upper?) where isLowerInclusive && isUpperInclusive:
            return "\(noun) from \(render(lower)) to \(render(upper))"
        case (let lower?, let upper?):
            return "\(noun) \(isLowerInclusive ? ">=" : ">") \(render(lower)) and \(isUpperInclusive ? "<=" : "<") \(render(upper))"
        }
    }
}
