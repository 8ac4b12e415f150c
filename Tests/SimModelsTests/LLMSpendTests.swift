import ScaleSim
import SimModels
import XCTest

final class LLMSpendTests: XCTestCase {
    private let prices = LLMPrices(inputPerMillion: 3, cachedInputPerMillion: 0.3, outputPerMillion: 15)

    func testBillAtListPrices() {
        let bill = prices.bill(inputTokens: 1_000_000, outputTokens: 1_000_000)
        XCTAssertEqual(bill.inputDollars, 3, accuracy: 1e-12)
        XCTAssertEqual(bill.cachedInputDollars, 0)
        XCTAssertEqual(bill.outputDollars, 15, accuracy: 1e-12)
        XCTAssertEqual(bill.totalDollars, 18, accuracy: 1e-12)
    }

    func testCachedTokensAtCachedPrice() {
        // 400,000 of the 1,000,000 input tokens are read from the prompt cache.
        let bill = prices.bill(inputTokens: 1_000_000, cachedInputTokens: 400_000, outputTokens: 0)
        XCTAssertEqual(bill.inputDollars, 1.8, accuracy: 1e-12)
        XCTAssertEqual(bill.cachedInputDollars, 0.12, accuracy: 1e-12)
    }

    func testPricesFromParameters() {
        let fromParameters = LLMPrices(LLMParameters())
        XCTAssertEqual(fromParameters.inputPerMillion, LLMParameters().inputPricePerMillion)
        XCTAssertEqual(fromParameters.cachedInputPerMillion, LLMParameters().cachedInputPricePerMillion)
        XCTAssertEqual(fromParameters.outputPerMillion, LLMParameters().outputPricePerMillion)
    }

    func testTotalEqualsSumOfParts() {
        var spend = LLMSpend()
        var billTotals = 0.0
        var rng = Xoshiro256StarStar(seed: 21)
        for _ in 0..<10_000 {
            let input = Int(rng.next() % 20_000)
            let cached = Int(rng.next() % UInt64(input + 1))
            let output = Int(rng.next() % 2_000)
            let bill = prices.bill(inputTokens: input, cachedInputTokens: cached, outputTokens: output)
            spend.add(bill)
            billTotals += bill.totalDollars
        }
        XCTAssertEqual(spend.totalDollars, spend.inputDollars + spend.cachedInputDollars + spend.outputDollars)
        XCTAssertEqual(spend.totalDollars, billTotals, accuracy: 1e-9 * billTotals)
        XCTAssertEqual(spend.billedRequests, 10_000)
    }

    func testAddSpend() {
        var primary = LLMSpend()
        primary.add(prices.bill(inputTokens: 1_000, cachedInputTokens: 500, outputTokens: 100))
        var fallback = LLMSpend()
        fallback.add(prices.bill(inputTokens: 2_000, outputTokens: 300))

        var total = primary
        total.add(fallback)

        XCTAssertEqual(total.inputDollars, primary.inputDollars + fallback.inputDollars)
        XCTAssertEqual(total.cachedInputDollars, primary.cachedInputDollars + fallback.cachedInputDollars)
        XCTAssertEqual(total.outputDollars, primary.outputDollars + fallback.outputDollars)
        XCTAssertEqual(total.billedRequests, 2)
    }
}
