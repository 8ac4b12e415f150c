/// Parses wall-clock timestamps such as `2023-11-16 18:15:46.6805900` into exact nanoseconds.
///
/// The format is `YYYY-MM-DD HH:MM:SS`, optionally followed by `.` and 1 to 9 fractional
/// digits, with no time zone. The date is read in the proleptic Gregorian calendar and the time
/// as UTC, which is right for differences between timestamps of one file: a zone offset would
/// cancel. Leap seconds (`:60`) are rejected. Foundation's `DateFormatter` is not used because
/// it keeps only milliseconds.
public enum WallClockTimestamp {
    /// The format, for messages.
    public static let expectedFormat =
        "YYYY-MM-DD HH:MM:SS with 0 to 9 fractional digits and no time zone, such as 2023-11-16 18:15:46.6805900"

    /// Returns nanoseconds since 1970-01-01 00:00:00 for `text`.
    ///
    /// - Throws: `TraceValueError` when `text` does not match the format or a field is out of range.
    public static func nanosecondsSinceEpoch(_ text: String) throws -> Int64 {
        try nanosecondsSinceEpoch(utf8: Array(text.utf8)[...])
    }

    /// Returns nanoseconds since 1970-01-01 00:00:00 for the UTF-8 bytes `text`.
    static func nanosecondsSinceEpoch(utf8 text: ArraySlice<UInt8>) throws -> Int64 {
        let bytes = Array(text)
        let invalid = TraceValueError(reason: "is invalid; expected \(expectedFormat)")
        guard bytes.count >= 19,
              bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let year = digitsValue(bytes[0..<4]), let month = digitsValue(bytes[5..<7]),
              let day = digitsValue(bytes[8..<10]), let hour = digitsValue(bytes[11..<13]),
              let minute = digitsValue(bytes[14..<16]), let second = digitsValue(bytes[17..<19])
        else { throw invalid }

        // The fraction: nothing, or a dot and 1 to 9 digits scaled to nanoseconds.
        var fractionNanoseconds: Int64 = 0
        if bytes.count > 19 {
            let digits = bytes[20...]
            guard bytes[19] == UInt8(ascii: "."), !digits.isEmpty, digits.allSatisfy(isDigit) else { throw invalid }
            guard digits.count <= 9 else {
                throw TraceValueError(reason: "has \(digits.count) fractional digits; expected at most 9 (nanoseconds)")
            }
            fractionNanoseconds = digitsValue(digits) ?? 0
            let digitCount = digits.count
            for _ in digitCount..<9 {
                fractionNanoseconds *= 10
            }
        }

        guard (1...12).contains(month) else {
            throw TraceValueError(reason: "has month \(month); expected 01 to 12")
        }
        let monthDays = daysInMonth(year: year, month: month)
        guard (1...monthDays).contains(day) else {
            throw TraceValueError(reason: "has day \(day), but month \(month) of \(year) has \(monthDays) days")
        }
        guard hour <= 23, minute <= 59, second <= 59 else {
            throw TraceValueError(reason: "has a time of day out of range; expected 00:00:00 to 23:59:59")
        }

        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second
        return seconds * 1_000_000_000 + fractionNanoseconds
    }

    /// Returns the days from 1970-01-01 to a date of the proleptic Gregorian calendar.
    ///
    /// Years are counted from March, so that the leap day ends a counted year, and grouped in
    /// 400-year eras of 146,097 days, after which the calendar repeats.
    ///
    /// - Precondition: `month` is 1...12 and `day` is valid for that month.
    public static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        // 719,468 days lie between 0000-03-01, the start of era 0, and 1970-01-01.
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Returns the number of days in `month` (1...12) of `year`.
    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2:
            let isLeap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return isLeap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }

    /// Returns the value of a non-empty run of ASCII digits, or nil when any byte is not a digit.
    ///
    /// - Precondition: at most 18 digits, so the value fits in `Int64`.
    static func digitsValue(_ digits: ArraySlice<UInt8>) -> Int64? {
        guard !digits.isEmpty else { return nil }
        var value: Int64 = 0
        for byte in digits {
            guard isDigit(byte) else { return nil }
            value = value * 10 + Int64(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
