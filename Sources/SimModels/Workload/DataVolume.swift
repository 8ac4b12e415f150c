import ScaleSim

/// The rows the platform has accumulated by a given age, in closed form from the growth curve.
///
/// Sessions per day grow with the customer count, which the growth curve gives as a
/// piecewise-linear function of the month. The trapezoid rule integrates it exactly between
/// breakpoints, so no day is simulated. Before the first point and after the last, the curve is
/// constant, as `GrowthCurve.customers(atMonth:)` defines it. Row counts are expected values,
/// as `Double`.
public struct DataVolume: Sendable, Equatable {
    /// The tables whose size grows with use.
    public enum Table: String, Sendable, CaseIterable {
        /// One row per session.
        case conversations
        /// User and assistant messages: `messagesPerTurn` rows per chat turn.
        case messages
        /// Metered LLM calls: `usageEventsPerTurn` rows per chat turn.
        case usageEvents = "usage_events"
    }

    /// The mean Gregorian month, 365.25 / 12 days, rounded.
    public static let defaultDaysPerMonth = 30.4

    public var growth: GrowthCurve
    /// Sessions one customer opens per day, averaged over the plan mix.
    public var sessionsPerCustomerDay: Double
    /// Mean chat turns per session.
    public var turnsPerSession: Double
    /// Message rows per turn: the user's message and the assistant's reply.
    public var messagesPerTurn: Double = 2
    /// Usage event rows per turn: one metered LLM call.
    public var usageEventsPerTurn: Double = 1
    public var daysPerMonth: Double = DataVolume.defaultDaysPerMonth

    public init(growth: GrowthCurve, sessionsPerCustomerDay: Double, turnsPerSession: Double,
                messagesPerTurn: Double = 2, usageEventsPerTurn: Double = 1,
                daysPerMonth: Double = DataVolume.defaultDaysPerMonth) {
        self.growth = growth
        self.sessionsPerCustomerDay = sessionsPerCustomerDay
        self.turnsPerSession = turnsPerSession
        self.messagesPerTurn = messagesPerTurn
        self.usageEventsPerTurn = usageEventsPerTurn
        self.daysPerMonth = daysPerMonth
    }

    /// Rows one session adds to `table`.
    public func rowsPerSession(_ table: Table) -> Double {
        switch table {
        case .conversations: return 1
        case .messages: return turnsPerSession * messagesPerTurn
        case .usageEvents: return turnsPerSession * usageEventsPerTurn
        }
    }

    /// Customer-months from launch (month 0) to `month`: the integral of the growth curve.
    ///
    /// - Complexity: O(p²) for p points of the curve.
    public func customerMonths(throughMonth month: Double) -> Double {
        guard month > 0 else { return 0 }

        // Between consecutive breakpoints the curve is linear, so the trapezoid is exact.
        var breakpoints = [0.0, month]
        for point in growth.points where point.month > 0 && point.month < month {
            breakpoints.append(point.month)
        }
        breakpoints.sort()

        var total = 0.0
        for (left, right) in zip(breakpoints, breakpoints.dropFirst()) {
            let height = growth.customers(atMonth: left) + growth.customers(atMonth: right)
            total += (right - left) * height / 2
        }
        return total
    }

    /// Rows of `table` written from launch to `month`.
    public func rows(_ table: Table, throughMonth month: Double) -> Double {
        customerMonths(throughMonth: month) * daysPerMonth * sessionsPerCustomerDay * rowsPerSession(table)
    }

    /// Rows of `table` written between months `start` and `end`; zero when `end <= start`.
    public func rows(_ table: Table, fromMonth start: Double, toMonth end: Double) -> Double {
        guard end > start else { return 0 }
        return rows(table, throughMonth: end) - rows(table, throughMonth: max(0, start))
    }

    /// Rows of `table` written in platform month `index`, the interval [index, index + 1).
    ///
    /// These are the rows of that month's partition once the platform is `index + 1` months old.
    public func rows(_ table: Table, inMonth index: Int) -> Double {
        rows(table, fromMonth: Double(index), toMonth: Double(index) + 1)
    }

    /// Rows of `table` written in the `days` before the platform's age `month`: what a
    /// time-bounded query such as a 90-day dashboard matches.
    public func rows(_ table: Table, trailingDays days: Double, atMonth month: Double) -> Double {
        rows(table, fromMonth: month - days / daysPerMonth, toMonth: month)
    }

    /// One tenant's rows of `table` by `month`, for a tenant holding `share` of all activity.
    ///
    /// NOTE: the share is taken as constant over the platform's life, as if every tenant had
    /// been active since launch. A late sign-up owns fewer old rows than this gives it.
    public func tenantRows(_ table: Table, throughMonth month: Double, share: Double) -> Double {
        rows(table, throughMonth: month) * share
    }
}
