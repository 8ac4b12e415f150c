import ScaleSim

/// A provider's list prices, in US dollars per million tokens.
public struct LLMPrices: Sendable, Equatable {
    /// Dollars per million input tokens that are not served from the prompt cache.
    public var inputPerMillion: Double
    /// Dollars per million input tokens read from the provider's prompt cache.
    public var cachedInputPerMillion: Double
    /// Dollars per million generated tokens.
    public var outputPerMillion: Double

    public init(inputPerMillion: Double, cachedInputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.cachedInputPerMillion = cachedInputPerMillion
        self.outputPerMillion = outputPerMillion
    }

    /// Reads the prices of `parameters`.
    public init(_ parameters: LLMParameters) {
        self.init(inputPerMillion: parameters.inputPricePerMillion,
                  cachedInputPerMillion: parameters.cachedInputPricePerMillion,
                  outputPerMillion: parameters.outputPricePerMillion)
    }

    /// Prices one completed request.
    ///
    /// `inputTokens` counts the whole prompt. Of those, `cachedInputTokens` are read from the
    /// prompt cache and billed at the cached price, and the rest at the input price.
    ///
    /// - Precondition: all counts are >= 0 and `cachedInputTokens <= inputTokens`.
    public func bill(inputTokens: Int, cachedInputTokens: Int = 0, outputTokens: Int) -> LLMBill {
        precondition(inputTokens >= 0 && outputTokens >= 0, "token counts must not be negative, got input \(inputTokens), output \(outputTokens)")
        precondition((0...inputTokens).contains(cachedInputTokens), "cachedInputTokens must be in 0...\(inputTokens), got \(cachedInputTokens)")

        let uncachedInputTokens = inputTokens - cachedInputTokens
        return LLMBill(inputDollars: Double(uncachedInputTokens) * inputPerMillion / 1e6,
                       cachedInputDollars: Double(cachedInputTokens) * cachedInputPerMillion / 1e6,
                       outputDollars: Double(outputTokens) * outputPerMillion / 1e6)
    }
}

/// The price of one completed LLM request, in US dollars, split by token kind.
public struct LLMBill: Sendable, Equatable {
    /// Dollars for input tokens billed at the full input price.
    public var inputDollars: Double
    /// Dollars for input tokens billed at the cached price.
    public var cachedInputDollars: Double
    /// Dollars for output tokens.
    public var outputDollars: Double

    public init(inputDollars: Double, cachedInputDollars: Double, outputDollars: Double) {
        self.inputDollars = inputDollars
        self.cachedInputDollars = cachedInputDollars
        self.outputDollars = outputDollars
    }

    /// The request's price in dollars: the sum of the three parts.
    public var totalDollars: Double { inputDollars + cachedInputDollars + outputDollars }
}

/// Dollars spent on LLM requests over a run, split by token kind.
///
/// The parts are summed bill by bill, and `totalDollars` is always recomputed from the parts,
/// so the total equals the sum of its parts exactly.
public struct LLMSpend: Sendable, Equatable {
    public private(set) var inputDollars: Double = 0
    public private(set) var cachedInputDollars: Double = 0
    public private(set) var outputDollars: Double = 0
    /// Bills added.
    public private(set) var billedRequests: Int = 0

    public init() {}

    /// Dollars spent: the sum of the three parts.
    public var totalDollars: Double { inputDollars + cachedInputDollars + outputDollars }

    /// Adds one request's bill.
    public mutating func add(_ bill: LLMBill) {
        inputDollars += bill.inputDollars
        cachedInputDollars += bill.cachedInputDollars
        outputDollars += bill.outputDollars
        billedRequests += 1
    }

    /// Adds another accumulator's parts, as when the engine sums the primary and the fallback.
    public mutating func add(_ other: LLMSpend) {
        inputDollars += other.inputDollars
        cachedInputDollars += other.cachedInputDollars
        outputDollars += other.outputDollars
        billedRequests += other.billedRequests
    }
}
