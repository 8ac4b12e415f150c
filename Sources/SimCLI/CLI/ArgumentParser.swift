/// The options one command accepts: flags, options that take a value, and positional arguments.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable { case flag, value, repeatedValue }

    public var name: String
    public var kind: Kind
    /// Placeholder of the value in help text, such as `N` or `FILE`.
    public var valueName: String
    public var help: String

    public static func flag(_ name: String, help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .flag, valueName: "", help: help)
    }

    public static func value(_ name: String, _ valueName: String, help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .value, valueName: valueName, help: help)
    }

    public static func repeated(_ name: String, _ valueName: String, help: String) -> OptionSpec {
        OptionSpec(name: name, kind: .repeatedValue, valueName: valueName, help: help)
    }
}

/// Parsed command-line arguments of one command.
public struct ParsedArguments: Sendable {
    public var positionals: [String] = []
    var flags: [String] = []
    /// Option values in the order given; a repeated option keeps every value.
    var values: [(name: String, value: String)] = []

    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// Returns the last value given for `name`, or nil when the option is absent.
    public func value(_ name: String) -> String? {
        values.last { $0.name == name }?.value
    }

    /// Returns every value given for the repeated option `name`, in order.
    public func allValues(_ name: String) -> [String] {
        values.filter { $0.name == name }.map(\.value)
    }

    /// Returns the integer value of `name`, or nil when the option is absent.
    ///
    /// Throws a `UsageError` when the value is not an integer within `range`.
    public func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(name) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError("--\(name): '\(text)' is invalid; expected an integer from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }
}

/// A usage error: a wrong flag or argument. The command line exits with status 2 on it.
public struct UsageError: Error, Equatable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Parses `--name value`, `--name=value`, flags and positionals; `--` ends the options.
public func parseArguments(_ arguments: [String], options: [OptionSpec]) throws -> ParsedArguments {
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
        let argument = arguments[index]
        index += 1
        if optionsEnded || !argument.hasPrefix("-") || argument == "-" {
            parsed.positionals.append(argument)
            continue
        }
        if argument == "--" {
            optionsEnded = true
            continue
        }
        if argument == "-h" {
            parsed.flags.append("help")
            continue
        }
        guard argument.hasPrefix("--") else {
            throw UsageError("unknown option '\(argument)'; options are written --name")
        }

        var name = String(argument.dropFirst(2))
        var inlineValue: String?
        if let equals = name.firstIndex(of: "=") {
            inlineValue = String(name[name.index(after: equals)...])
            name = String(name[..<equals])
        }
        guard let spec = options.first(where: { $0.name == name }) else {
            let known = options.map(\.name)
            let hint = nearestName(to: name, among: known).map { "; did you mean --\($0)?" } ?? ""
            throw UsageError("unknown option '--\(name)'\(hint)")
        }
        switch spec.kind {
        case .flag:
            guard inlineValue == nil else { throw UsageError("--\(name) takes no value") }
            parsed.flags.append(name)
        case .value, .repeatedValue:
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw UsageError("--\(name) requires a value (\(spec.valueName))")
                }
                value = arguments[index]
                index += 1
            }
            if spec.kind == .value, let earlier = parsed.value(name) {
                throw UsageError("--\(name) is given twice ('\(earlier)' and '\(value)'); give it once")
            }
            parsed.values.append((name, value))
        }
    }
    return parsed
}

/// Returns the candidate closest to `name` by edit distance, or nil when no candidate is
/// within max(2, `name.count` / 3) edits, the limit for a likely typo.
public func nearestName(to name: String, among candidates: [String]) -> String? {
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(name, candidate)
        if distance <= max(2, name.count / 3), distance < (best?.distance ?? Int.max) {
            best = (candidate, distance)
        }
    }
    return best?.name
}

/// Levenshtein distance over characters.
func editDistance(_ a: String, _ b: String) -> Int {
    let left = Array(a)
    let right = Array(b)
    guard !left.isEmpty else { return right.count }
    guard !right.isEmpty else { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for i in 1...left.count {
        current[0] = i
        for j in 1...right.count {
            let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[right.count]
}
