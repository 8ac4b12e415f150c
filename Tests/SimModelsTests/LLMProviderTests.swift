import ScaleSim
import SimModels
import XCTest

final class LLMProviderTests: XCTestCase {
    /// Parameters with a fixed time to first token of 0.5 s, 100 tokens/s and generous limits.
    private func fixedParameters() -> LLMParameters {
        var parameters = LLMParameters()
        parameters.timeToFirstToken = .constant(Constant(unchecked: 0.5))
        parameters.tokensPerSecond = 100
        parameters.requestsPerMinute = 1_000_000
        parameters.tokensPerMinute = 1_000_000_000
        return parameters
    }

    private func latency(of outcome: LLMOutcome) -> SimDuration? {
        if case .completed(let latency) = outcome { return latency }
        return nil
    }

    private func retryAfter(of outcome: LLMOutcome) -> SimDuration? {
        if case .rateLimited(let retryAfter) = outcome { return retryAfter }
        return nil
    }

    func testLatencyIsFirstTokenPlusGeneration() {
        // 0.5 s to the first token, then 200 tokens at 100 tokens/s.
        var provider = LLMProvider(name: "primary", parameters: fixedParameters())
        var rng = Xoshiro256StarStar(seed: 1)
        let outcome = provider.submit(inputTokens: 1_000, outputTokens: 200, at: .zero, rng: &rng)
        XCTAssertEqual(outcome, .completed(latency: .seconds(2.5)))
    }

    func testRequestLimitRejects() {
        var parameters = fixedParameters()
        parameters.requestsPerMinute = 10
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 2)

        for _ in 0..<10 {
            XCTAssertNotNil(latency(of: provider.submit(inputTokens: 10, outputTokens: 10, at: .zero, rng: &rng)))
        }
        let outcome = provider.submit(inputTokens: 10, outputTokens: 10, at: .zero, rng: &rng)

        // One request refills in 60 s / 10 = 6 s.
        let wait = retryAfter(of: outcome)
        XCTAssertNotNil(wait)
        XCTAssertEqual(Double(wait?.nanoseconds ?? 0), 6e9, accuracy: 2)
        XCTAssertEqual(provider.rateLimited, 1)
        XCTAssertEqual(provider.completed, 10)
    }

    func testTokenLimitRejects() {
        var parameters = fixedParameters()
        parameters.tokensPerMinute = 1_000
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 3)

        let first = provider.submit(inputTokens: 500, outputTokens: 100, at: .zero, rng: &rng)
        let second = provider.submit(inputTokens: 500, outputTokens: 100, at: .zero, rng: &rng)

        // 400 tokens remain; 200 more refill in 200 / (1,000 / 60) = 12 s.
        XCTAssertNotNil(latency(of: first))
        XCTAssertEqual(Double(retryAfter(of: second)?.nanoseconds ?? 0), 12e9, accuracy: 2)
    }

    func testRejectionTakesNoQuota() {
        // The token limit rejects the second request, so the request limit must not be charged.
        // The third, small request then still fits in the two requests per minute.
        var parameters = fixedParameters()
        parameters.requestsPerMinute = 2
        parameters.tokensPerMinute = 1_000
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 4)

        let first = provider.submit(inputTokens: 900, outputTokens: 0, at: .zero, rng: &rng)
        let second = provider.submit(inputTokens: 900, outputTokens: 0, at: .zero, rng: &rng)
        let third = provider.submit(inputTokens: 50, outputTokens: 0, at: .zero, rng: &rng)

        XCTAssertNotNil(latency(of: first))
        XCTAssertNotNil(retryAfter(of: second))
        XCTAssertNotNil(latency(of: third))
    }

    func testOversizedRequestNeverAdmitted() {
        var parameters = fixedParameters()
        parameters.tokensPerMinute = 1_000
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 5)
        let outcome = provider.submit(inputTokens: 1_500, outputTokens: 0, at: .zero, rng: &rng)
        XCTAssertEqual(outcome, .rateLimited(retryAfter: .infinity))
    }

    func testOutageFailsRequests() {
        var parameters = fixedParameters()
        parameters.incidents = [ProviderIncident(start: .seconds(0), end: .seconds(10), kind: .outage)]
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 6)

        let during = provider.submit(inputTokens: 100, outputTokens: 100, at: .seconds(5), rng: &rng)
        let after = provider.submit(inputTokens: 100, outputTokens: 100, at: .seconds(10), rng: &rng)

        XCTAssertEqual(during, .failed(after: parameters.failureLatency))
        XCTAssertEqual(after, .completed(latency: .seconds(1.5)))
    }

    func testBrownoutMultipliesLatency() {
        var parameters = fixedParameters()
        parameters.incidents = [ProviderIncident(start: .zero, end: .seconds(60),
                                                 kind: .brownout(latencyFactor: 3, errorRate: 0))]
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 7)
        let outcome = provider.submit(inputTokens: 100, outputTokens: 200, at: .seconds(1), rng: &rng)
        XCTAssertEqual(outcome, .completed(latency: .seconds(7.5)))
    }

    func testBrownoutErrorRate() {
        // 20,000 Bernoulli(0.3) draws: the standard error of the share is about 0.0032.
        var parameters = fixedParameters()
        parameters.incidents = [ProviderIncident(start: .zero, end: .seconds(3_600),
                                                 kind: .brownout(latencyFactor: 1, errorRate: 0.3))]
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 8)
        for index in 0..<20_000 {
            _ = provider.submit(inputTokens: 10, outputTokens: 10, at: SimTime(nanoseconds: Int64(index)), rng: &rng)
        }
        XCTAssertEqual(Double(provider.failed) / 20_000, 0.3, accuracy: 0.015)
        XCTAssertEqual(provider.timeouts, 0)
    }

    func testTimeoutFails() {
        var parameters = fixedParameters()
        parameters.timeout = .seconds(1)
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 9)

        let outcome = provider.submit(inputTokens: 100, outputTokens: 200, at: .zero, rng: &rng)

        XCTAssertEqual(outcome, .failed(after: .seconds(1)))
        XCTAssertEqual(provider.timeouts, 1)
        XCTAssertEqual(provider.failed, 1)
    }

    func testOnlyCompletedRequestsBilled() {
        var parameters = fixedParameters()
        parameters.requestsPerMinute = 2
        parameters.incidents = [ProviderIncident(start: .zero, end: .seconds(1), kind: .outage)]
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 10)

        _ = provider.submit(inputTokens: 1_000, outputTokens: 100, at: .zero, rng: &rng)
        _ = provider.submit(inputTokens: 1_000, outputTokens: 100, cachedInputTokens: 512, at: .seconds(2), rng: &rng)
        _ = provider.submit(inputTokens: 2_000, outputTokens: 300, at: .seconds(2), rng: &rng)
        _ = provider.submit(inputTokens: 4_000, outputTokens: 500, at: .seconds(2), rng: &rng)

        // The outage fails the first request, the fourth exceeds two requests per minute.
        let expected = provider.prices.bill(inputTokens: 1_000, cachedInputTokens: 512, outputTokens: 100).totalDollars
            + provider.prices.bill(inputTokens: 2_000, outputTokens: 300).totalDollars
        XCTAssertEqual(provider.requests, 4)
        XCTAssertEqual(provider.completed, 2)
        XCTAssertEqual(provider.failed, 1)
        XCTAssertEqual(provider.rateLimited, 1)
        XCTAssertEqual(provider.inputTokensBilled, 3_000)
        XCTAssertEqual(provider.cachedInputTokensBilled, 512)
        XCTAssertEqual(provider.outputTokensBilled, 400)
        XCTAssertEqual(provider.spend.totalDollars, expected, accuracy: 1e-12)
    }

    func testCountersPartitionRequests() {
        var parameters = LLMParameters()
        parameters.requestsPerMinute = 20
        parameters.timeout = .seconds(3)
        parameters.incidents = [ProviderIncident(start: .seconds(30), end: .seconds(40), kind: .outage),
                                ProviderIncident(start: .seconds(50), end: .seconds(70),
                                                 kind: .brownout(latencyFactor: 2, errorRate: 0.2))]
        var provider = LLMProvider(name: "primary", parameters: parameters)
        var rng = Xoshiro256StarStar(seed: 11)
        for second in 0..<120 {
            _ = provider.submit(inputTokens: 1_000, outputTokens: 150, at: .seconds(Double(second)), rng: &rng)
        }
        XCTAssertEqual(provider.requests, provider.completed + provider.rateLimited + provider.failed)
        XCTAssertGreaterThan(provider.rateLimited, 0)
        XCTAssertGreaterThan(provider.failed, 0)
    }

    func testDrawsIndependentOfOutcome() {
        // An outage over the first requests must leave the stream, and so the later latencies,
        // exactly as they are without it.
        var calm = LLMParameters()
        calm.requestsPerMinute = 1_000
        var stormy = calm
        stormy.incidents = [ProviderIncident(start: .zero, end: .seconds(10), kind: .outage)]
        var calmProvider = LLMProvider(name: "primary", parameters: calm)
        var stormyProvider = LLMProvider(name: "primary", parameters: stormy)
        var calmRNG = Xoshiro256StarStar(seed: 12)
        var stormyRNG = Xoshiro256StarStar(seed: 12)

        var laterCalm: [LLMOutcome] = []
        var laterStormy: [LLMOutcome] = []
        for second in 0..<20 {
            let now = SimTime.seconds(Double(second))
            let calmOutcome = calmProvider.submit(inputTokens: 500, outputTokens: 100, at: now, rng: &calmRNG)
            let stormyOutcome = stormyProvider.submit(inputTokens: 500, outputTokens: 100, at: now, rng: &stormyRNG)
            if second >= 10 {
                laterCalm.append(calmOutcome)
                laterStormy.append(stormyOutcome)
            }
        }
        XCTAssertEqual(laterStormy, laterCalm)
        XCTAssertEqual(stormyRNG.next(), calmRNG.next())
    }

    func testSameSeedSameOutcomes() {
        func run() -> [LLMOutcome] {
            var provider = LLMProvider(name: "fallback", parameters: .fallbackDefaults)
            var rng = Xoshiro256StarStar(seed: 13)
            return (0..<200).map { index in
                provider.submit(inputTokens: 1_000 + index, outputTokens: 200, at: .seconds(Double(index) / 10), rng: &rng)
            }
        }
        XCTAssertEqual(run(), run())
    }
}
