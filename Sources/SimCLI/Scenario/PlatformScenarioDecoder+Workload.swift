import ScaleSim
import SimModels

/// The `workload` section: what the customers do, a closed load generator or a trace.
extension PlatformScenarioDecoder {
    static func decodeWorkload(_ reader: ObjectReader) -> (WorkloadSpec, TraceFileSpec?) {
        var spec = WorkloadSpec()
        spec.activitySkew = reader.double("activity_skew", default: spec.activitySkew, range: .within(0...10))
        if let field = reader.field("daily_profile") {
            spec.dailyProfile = decodeDailyProfile(field) ?? spec.dailyProfile
        }
        spec.turnsPerSession = distribution(reader, "turns_per_session", default: spec.turnsPerSession)
        spec.thinkTime = distribution(reader, "think_time_s", default: spec.thinkTime)
        spec.inputTokens = distribution(reader, "input_tokens", default: spec.inputTokens)
        spec.outputTokens = distribution(reader, "output_tokens", default: spec.outputTokens)
        spec.messageTemplates = reader.int("message_templates", default: spec.messageTemplates, range: .atLeast(1))
        spec.templateSkew = reader.double("template_skew", default: spec.templateSkew, range: .within(0...10))
        spec.freeTextShare = reader.double("free_text_share", default: spec.freeTextShare, range: .within(0...1))
        spec.systemPromptTokens = reader.int("system_prompt_tokens", default: spec.systemPromptTokens, range: .atLeast(0))
        spec.listingsPerSession = reader.double("listings_per_session", default: spec.listingsPerSession, range: .atLeast(0))
        spec.listingRefreshAfterTurn = reader.double("listing_refresh_after_turn", default: spec.listingRefreshAfterTurn,
                                                     range: .within(0...1))
        spec.assetsPerSession = reader.double("assets_per_session", default: spec.assetsPerSession, range: .atLeast(0))
        spec.analyticsPerTenantHour = reader.double("analytics_per_tenant_hour", default: spec.analyticsPerTenantHour,
                                                    range: .atLeast(0))
        spec.closedLoop = reader.object("closed_loop", isRequired: false) { closed -> ClosedLoopSpec? in
            let clients = closed.int("clients", range: .atLeast(1))
            let think = distribution(closed, "think_time_s", default: .constant(Constant(unchecked: 0)))
            return clients.map { ClosedLoopSpec(clients: $0, thinkTime: think) }
        }
        let trace = reader.object("trace", isRequired: false) { decodeTrace($0) }
        return (spec, trace)
    }

    /// Reads 24 hourly weights, each >= 0 and not all 0.
    static func decodeDailyProfile(_ field: ValueReader) -> [Double]? {
        guard let elements = field.elements() else { return nil }
        guard elements.count == 24 else {
            return field.reject(expected: "24 hourly weights (one per hour, 00:00 first); found \(elements.count)")
        }
        let weights = elements.map { $0.double(range: .atLeast(0)) }
        let valid = weights.compactMap { $0 }
        guard valid.count == 24 else { return nil }
        guard valid.contains(where: { $0 > 0 }) else {
            return field.reject(expected: "24 hourly weights with at least one > 0")
        }
        return valid
    }

    static func decodeTrace(_ reader: ObjectReader) -> TraceFileSpec? {
        let path = reader.string("path")
        let format = reader.string("format", oneOf: TraceFileSpec.formats)
        let customersPerCopy = reader.double("customers_per_copy", range: .greaterThan(0))
        let loop = reader.bool("loop", default: false)
        guard let path, let format, let customersPerCopy else { return nil }
        return TraceFileSpec(path: path, format: format, customersPerCopy: customersPerCopy, loop: loop,
                             line: reader.position.line)
    }
}
