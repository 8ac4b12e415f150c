import Foundation
import SimModels

/// The calibration CSVs under Fixtures/calibration, read relative to this source file.
struct CalibrationFixture {
    /// One measured row of postgres15_query_cost.csv.
    struct Measurement {
        var rowsMessages: Int
        var query: String
        var variant: String
        var tenant: String
        var medianMilliseconds: Double
    }

    /// Model inputs of one data size and tenant, from calibration_inputs.csv.
    struct Inputs {
        var conversations: TableStatistics
        var messages: TableStatistics
        var usageEvents: TableStatistics
        var tenantConversations: Int
        var tenantMessages: Int
        var tenantWindowRows: Int
        var runRoundTripMilliseconds: Double
        var recheckRoundTripMilliseconds: Double
    }

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/calibration")

    /// Reads a CSV file with a header into dictionaries keyed by column name.
    ///
    /// Handles double-quoted fields with commas and doubled quotes, which the notes column uses.
    static func records(_ name: String) throws -> [[String: String]] {
        let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = fields(of: lines.removeFirst())
        return lines.map { line in
            let values = fields(of: line)
            var record: [String: String] = [:]
            for (index, column) in header.enumerated() where index < values.count {
                record[column] = values[index]
            }
            return record
        }
    }

    static func fields(of line: String) -> [String] {
        var result: [String] = []
        var current = ""
        var isQuoted = false
        var characters = Array(line)[...]
        while let character = characters.popFirst() {
            if character == "\"" {
                if isQuoted, characters.first == "\"" {
                    current.append("\"")
                    characters.removeFirst()
                } else {
                    isQuoted.toggle()
                }
            } else if character == ",", !isQuoted {
                result.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        result.append(current)
        return result
    }

    static func measurements() throws -> [Measurement] {
        try records("postgres15_query_cost.csv").compactMap { record in
            guard let size = record["rows_messages"].flatMap({ Int($0) }),
                  let query = record["query"], let variant = record["variant"], let tenant = record["tenant"],
                  let median = record["median_ms"].flatMap({ Double($0) })
            else { return nil }
            return Measurement(rowsMessages: size, query: query, variant: variant, tenant: tenant,
                               medianMilliseconds: median)
        }
    }

    /// Returns the inputs keyed by "rows_messages/tenant".
    static func inputs() throws -> [String: Inputs] {
        var result: [String: Inputs] = [:]
        for record in try records("calibration_inputs.csv") {
            func number(_ column: String) -> Double { record[column].flatMap { Double($0) } ?? .nan }
            let key = "\(record["rows_messages"] ?? "")/\(record["tenant"] ?? "")"
            result[key] = Inputs(
                conversations: TableStatistics(rows: number("conversation_rows"), rowBytes: number("conversation_row_bytes")),
                messages: TableStatistics(rows: number("message_rows"), rowBytes: number("message_row_bytes")),
                usageEvents: TableStatistics(rows: number("usage_rows"), rowBytes: number("usage_row_bytes")),
                tenantConversations: Int(number("tenant_conversations")),
                tenantMessages: Int(number("tenant_messages")),
                tenantWindowRows: Int(number("tenant_window_rows")),
                runRoundTripMilliseconds: number("rtt_run_ms"),
                recheckRoundTripMilliseconds: number("rtt_recheck_ms")
            )
        }
        return result
    }

    /// Returns the model's cost of one measured row, or nil for the RTT rows.
    ///
    /// Variants map as the fit script maps them: `idx` means the secondary indexes exist,
    /// `partitioned` means 3 of 13 monthly partitions are scanned, `async_commit` turns the
    /// WAL flush off, and `jit_on` rows are modelled as their JIT-off variant.
    static func cost(of row: Measurement, inputs: Inputs, model: QueryCostModel) -> QueryCostBreakdown? {
        let variant = row.variant.replacingOccurrences(of: "_recheck", with: "")
            .replacingOccurrences(of: "_jit_on", with: "")
        let isIndexed = !variant.contains("noidx")
        let listing = ListingWorkload(
            conversations: inputs.conversations, messages: inputs.messages,
            tenantConversations: inputs.tenantConversations, tenantMessages: inputs.tenantMessages,
            isIndexed: isIndexed)
        switch row.query {
        case "Q1_nplus1":
            return model.listing(listing, shape: .nPlusOne)
        case "Q2_lateral":
            return model.listing(listing, shape: .lateral)
        case "Q1a_conversation_list":
            return model.conversationList(listing)
        case "Q1b_latest_message":
            return model.latestMessage(listing)
        case "Q3_usage_monthly_90d":
            let partitioning = variant.hasPrefix("partitioned")
                ? Partitioning(partitionCount: 13, scannedPartitionCount: 3) : nil
            return model.usageAggregate(UsageAggregateWorkload(
                usageEvents: inputs.usageEvents, tenantWindowRows: inputs.tenantWindowRows,
                isIndexed: isIndexed, partitioning: partitioning))
        case "Q4_insert_message":
            return model.messageInsert(MessageInsertWorkload(
                messages: inputs.messages, conversations: inputs.conversations,
                indexCount: isIndexed ? 2 : 1, isSynchronousCommit: !variant.contains("async")))
        default:
            return nil
        }
    }

    /// Returns the loopback round trip measured alongside `row`, in milliseconds.
    static func roundTripMilliseconds(of row: Measurement, inputs: Inputs) -> Double {
        row.variant.contains("recheck") ? inputs.recheckRoundTripMilliseconds : inputs.runRoundTripMilliseconds
    }
}
