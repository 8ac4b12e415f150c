import Foundation
import ScaleSim

/// Everything a run derives once from its scenario: the tenants, the data accumulated so far,
/// arrival rates, sizes of the parts, and each tenant's query costs at today's row counts.
struct PlatformSetup {
    let population: TenantPopulation
    /// The platform's age in months, which sets the data volume.
    let month: Double
    let volume: DataVolume
    let conversationRows: Double
    let messageRows: Double
    let usageRows: Double
    let costModel: QueryCostModel
    /// The monthly partitions of conversations and usage events, when the architecture has them.
    let partitionCalendar: PartitionCalendar?
    /// Sessions per second over all tenants in the simulated hour.
    let sessionRate: Double
    /// Analytics queries per second over all tenants.
    let analyticsRate: Double
    /// The simulated hour's share of a day's traffic (the peak hour's, or 1/24).
    let hourShare: Double
    let appSlotCapacity: Int
    let runtimeServers: Int
    /// Server seconds of the primary's statements, by tenant where they depend on its rows.
    let listingCosts: [QueryCostBreakdown]
    let analyticsCosts: [QueryCostBreakdown]
    let billingCosts: [QueryCostBreakdown]
    let messageInsertSeconds: Double
    let usageInsertSeconds: Double
    /// Popularity of message templates.
    let templates: Zipf
    /// Blocks of an agent's system prompt shared by all its conversations.
    let systemPromptBlocks: Int
    /// The replayed trace's records, when the workload has one.
    let traceRecords: [TraceRecord]?
    /// Copies of the trace superposed to reach the customer count, the last one partial.
    let traceCopies: Int
    let traceLastCopyShare: Double
    /// The tenant with the most sessions per day (the lowest index among equals).
    let busiestTenant: Int

    /// Bytes per row of the calibration tables at 10M messages: heap size over rows.
    static let messageRowBytes = 262.0
    static let conversationRowBytes = 75.0
    static let usageRowBytes = 65.0
    /// Secondary indexes on messages, besides the primary key, when indexes are on.
    static let messageSecondaryIndexes = 1

    init(scenario: PlatformScenario, streams: RandomStreams) {
        let customers = scenario.customers
        let workload = scenario.workload
        let architecture = scenario.architecture
        let parameters = scenario.parameters

        population = TenantPopulation(customers: customers, activitySkew: workload.activitySkew, streams: streams)
        let reached = customers.growth.month(reaching: Double(customers.count))
        month = scenario.run.month ?? reached ?? (customers.growth.points.last?.month ?? 0)
        volume = DataVolume(growth: customers.growth,
                            sessionsPerCustomerDay: population.meanSessionsPerCustomerDay,
                            turnsPerSession: max(workload.turnsPerSession.mean, 0))
        conversationRows = max(volume.rows(.conversations, throughMonth: month), 1)
        messageRows = max(volume.rows(.messages, throughMonth: month), 1)
        usageRows = max(volume.rows(.usageEvents, throughMonth: month), 1)
        costModel = QueryCostModel(constants: .postgres15Calibration, roundTrip: parameters.database.roundTrip)

        hourShare = scenario.run.peakHour ? workload.peakHourShare : 1.0 / 24
        sessionRate = population.totalSessionsPerDay * hourShare / 3600
        analyticsRate = Double(customers.count) * workload.analyticsPerTenantHour * hourShare * 24 / 3600

        let app = parameters.app
        let memorySlots = (app.memoryBytes - app.workerProcesses * app.memoryPerWorkerBytes) / max(app.memoryPerConversationBytes, 1)
        let workerSlots = app.workerProcesses * app.concurrencyPerWorker
        appSlotCapacity = max(1, min(memorySlots, workerSlots)) * architecture.appServers
        let runtimeWorkers = architecture.queue?.runtimeWorkers ?? 0
        runtimeServers = (runtimeWorkers + parameters.prices.workerSlotsPerServer - 1) / parameters.prices.workerSlotsPerServer

        let conversations = TableStatistics(rows: conversationRows, rowBytes: PlatformSetup.conversationRowBytes)
        let messages = TableStatistics(rows: messageRows, rowBytes: PlatformSetup.messageRowBytes)
        let usage = TableStatistics(rows: usageRows, rowBytes: PlatformSetup.usageRowBytes)
        let indexed = architecture.indexes
        let shape: ListingShape = architecture.listingQuery == .lateral ? .lateral : .nPlusOne
        if let spec = architecture.partitions {
            let boundary = scenario.run.nextMonthBoundary.map { SimTime.zero + $0 }
            partitionCalendar = PartitionCalendar(ageMonths: month, spec: spec, nextMonthBoundary: boundary)
        } else {
            partitionCalendar = nil
        }
        let analyticsWindow = PlatformSetup.partitioning(partitionCalendar, volume: volume, windowDays: 90)
        let billingWindow = PlatformSetup.partitioning(partitionCalendar, volume: volume, windowDays: 30)

        var listing: [QueryCostBreakdown] = []
        var analytics: [QueryCostBreakdown] = []
        var billing: [QueryCostBreakdown] = []
        let model = costModel
        for tenant in 0..<population.count {
            let share = population.rowShares[tenant]
            let tenantConversations = Int((conversationRows * share).rounded())
            let tenantMessages = Int((messageRows * share).rounded())
            listing.append(model.listing(
                ListingWorkload(conversations: conversations, messages: messages,
                                tenantConversations: max(tenantConversations, 1),
                                tenantMessages: tenantMessages, isIndexed: indexed),
                shape: shape))
            let window90 = volume.rows(.usageEvents, trailingDays: 90, atMonth: month) * share
            analytics.append(model.usageAggregate(
                UsageAggregateWorkload(usageEvents: usage, tenantWindowRows: Int(window90.rounded()),
                                       isIndexed: indexed, partitioning: analyticsWindow)))
            let window30 = volume.rows(.usageEvents, trailingDays: 30, atMonth: month) * share
            billing.append(model.usageAggregate(
                UsageAggregateWorkload(usageEvents: usage, tenantWindowRows: Int(window30.rounded()),
                                       isIndexed: indexed, partitioning: billingWindow)))
        }
        listingCosts = listing
        analyticsCosts = analytics
        billingCosts = billing

        let insert = MessageInsertWorkload(messages: messages, conversations: conversations,
                                           indexCount: 1 + (indexed ? PlatformSetup.messageSecondaryIndexes : 0),
                                           isSynchronousCommit: true)
        messageInsertSeconds = model.messageInsert(insert).serverSeconds
        let usageInsert = MessageInsertWorkload(messages: usage, conversations: conversations,
                                                indexCount: 1 + (indexed ? 1 : 0), isSynchronousCommit: true)
        usageInsertSeconds = model.messageInsert(usageInsert).serverSeconds

        var busiest = 0
        for tenant in population.sessionsPerDay.indices where population.sessionsPerDay[tenant] > population.sessionsPerDay[busiest] {
            busiest = tenant
        }
        busiestTenant = busiest
        templates = Zipf(uncheckedRankCount: max(1, workload.messageTemplates), exponent: max(workload.templateSkew, 0.01))
        systemPromptBlocks = max(0, workload.systemPromptTokens / PromptPrefixCache.blockTokens)
        if let trace = workload.trace {
            traceRecords = trace.records
            let copies = Double(customers.count) / max(trace.customersPerCopy, 1e-9)
            traceCopies = max(1, Int(copies.rounded(.up)))
            let fraction = copies - Double(traceCopies - 1)
            traceLastCopyShare = min(1, max(0, fraction))
        } else {
            traceRecords = nil
            traceCopies = 0
            traceLastCopyShare = 0
        }
    }

    /// The partitions a query over the last `windowDays` days of usage events scans, with the
    /// share of the table's rows in them, or nil without partitioning.
    ///
    /// The share comes from the growth curve: recent months hold more rows than early ones, so
    /// it is larger than the share of partitions scanned.
    static func partitioning(_ calendar: PartitionCalendar?, volume: DataVolume, windowDays: Double) -> Partitioning? {
        guard let calendar else { return nil }
        let scan = calendar.scan(.usageEvents, lastDays: windowDays, volume: volume)
        return Partitioning(partitionCount: scan.partitionCount, scannedPartitionCount: scan.partitions.count,
                            scannedRowShare: scan.share)
    }
}
