import ScaleSim
import SimModels

/// The LLM providers' parameters and the primary provider's incidents.
extension PlatformScenarioDecoder {
    static func decodeLLM(_ reader: ObjectReader, defaults: LLMParameters) -> LLMParameters {
        var llm = defaults
        llm.timeToFirstToken = distribution(reader, "time_to_first_token_s", default: llm.timeToFirstToken)
        llm.tokensPerSecond = reader.double("tokens_per_second", default: llm.tokensPerSecond, range: .greaterThan(0))
        llm.requestsPerMinute = reader.double("requests_per_minute", default: llm.requestsPerMinute, range: .atLeast(1))
        llm.tokensPerMinute = reader.double("tokens_per_minute", default: llm.tokensPerMinute, range: .atLeast(1))
        llm.inputPricePerMillion = reader.double("input_dollars_per_million", default: llm.inputPricePerMillion,
                                                 range: .atLeast(0))
        llm.outputPricePerMillion = reader.double("output_dollars_per_million", default: llm.outputPricePerMillion,
                                                  range: .atLeast(0))
        llm.cachedInputPricePerMillion = reader.double("cached_input_dollars_per_million",
                                                       default: llm.cachedInputPricePerMillion, range: .atLeast(0))
        llm.timeout = reader.durationSeconds("timeout_s", default: llm.timeout, range: .greaterThan(0))
        llm.failureLatency = reader.durationSeconds("failure_latency_s", default: llm.failureLatency)
        llm.promptCacheTTL = reader.durationSeconds("prompt_cache_ttl_s", default: llm.promptCacheTTL, range: .greaterThan(0))
        return llm
    }

    /// Reads `{"start_s", "end_s", "kind": "outage"}` or a brown-out with `latency_factor` and
    /// `error_rate`. Times count from the start of the run, warm-up included.
    static func decodeIncident(_ element: ValueReader) -> ProviderIncident? {
        guard let reader = element.object() else { return nil }
        defer { reader.finish() }
        let start = reader.durationSeconds("start_s", range: .atLeast(0))
        let end = reader.durationSeconds("end_s", range: .greaterThan(0))
        let kind = reader.string("kind", oneOf: ["outage", "brownout"])
        var incidentKind: ProviderIncident.Kind?
        switch kind {
        case "outage":
            for key in ["latency_factor", "error_rate"] {
                if let field = reader.field(key) {
                    let _: Int? = field.reject(expected: "no \(key) for an outage, which fails every request",
                                               problem: "is not allowed")
                }
            }
            incidentKind = .outage
        case "brownout":
            let factor = reader.double("latency_factor", range: .atLeast(1))
            let errorRate = reader.double("error_rate", range: .within(0...1))
            if let factor, let errorRate {
                incidentKind = .brownout(latencyFactor: factor, errorRate: errorRate)
            }
        default:
            reader.markKnown("latency_factor", "error_rate")
        }
        guard let start, let end, let incidentKind else { return nil }
        guard end > start else {
            return reader.requiredField("end_s", expected: "")?.reject(
                expected: "an end after start_s (\(NumberFormat.standard.string(start.seconds)))")
        }
        return ProviderIncident(start: SimTime(nanoseconds: start.nanoseconds), end: SimTime(nanoseconds: end.nanoseconds),
                                kind: incidentKind)
    }
}
