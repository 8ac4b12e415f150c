import Foundation
import ScaleSim

extension PlatformModel {
    /// Schedules the first arrivals of every source, the billing ticks and the end of warm-up.
    public mutating func start(scheduler: inout Scheduler<Event>) {
        scheduler.schedule(.warmupEnd, at: warmupEnd)
        scheduler.schedule(.sample, after: PlatformModel.sampleInterval)
        startMigration(scheduler: &scheduler)
        if let trace = scenario.workload.trace {
            startTrace(trace, scheduler: &scheduler)
        } else if let closed = scenario.workload.closedLoop {
            for _ in 0..<closed.clients {
                let session = openSession(closedLoop: true, at: .zero)
                scheduler.schedule(.turn(session: session), at: .zero)
            }
        } else if setup.sessionRate > 0 {
            scheduler.schedule(.sessionArrival, after: exponentialGap(rate: setup.sessionRate, &sessionArrivalStream))
        }
        if setup.analyticsRate > 0 && scenario.workload.closedLoop == nil {
            scheduler.schedule(.analyticsArrival, after: exponentialGap(rate: setup.analyticsRate, &analyticsStream))
        }
        if scenario.workload.closedLoop == nil {
            scheduler.schedule(.billingTick, after: scenario.parameters.billingInterval)
        }
    }

    func exponentialGap(rate: Double, _ rng: inout Xoshiro256StarStar) -> SimDuration {
        .seconds(-log(rng.nextOpenUnit()) / rate)
    }

    /// Opens a session: its tenant, agent, turn count and its own stream, all from workload
    /// streams, so every architecture gets the same sessions.
    mutating func openSession(closedLoop: Bool, at now: SimTime) -> Int32 {
        let index = UInt64(sessions.count)
        var rng = streams.stream("workload.session", index: index)
        let tenant = setup.population.sampleTenant(using: &rng) ?? 0
        let agents = max(1, scenario.customers.profile(setup.population.plans[tenant]).agents)
        let agent = rng.nextIndex(below: agents)
        let turns = closedLoop ? Int.max / 2 : max(1, Int(scenario.workload.turnsPerSession.sample(using: &rng).rounded()))
        var session = SessionState(tenant: Int32(tenant), agent: Int32(agent), turnsLeft: Int32(clamping: turns), rng: rng)
        session.isClosedLoopClient = closedLoop
        sessions.append(session)
        if !closedLoop && now >= warmupEnd {
            metrics.sessionsOpened += 1
            metrics.turnsPlanned += turns
        }
        return Int32(sessions.count - 1)
    }

    mutating func handleSessionArrival(scheduler: inout Scheduler<Event>) {
        scheduler.schedule(.sessionArrival, after: exponentialGap(rate: setup.sessionRate, &sessionArrivalStream))
        let session = openSession(closedLoop: false, at: scheduler.now)
        let tenant = sessions[Int(session)].tenant

        // The client loads the page: the conversation list and the static assets, then the user
        // types the first message after a think time.
        var rng = sessions[Int(session)].rng
        let listings = poissonCount(mean: scenario.workload.listingsPerSession, &rng)
        let assets = poissonCount(mean: scenario.workload.assetsPerSession, &rng)
        let think = scenario.workload.thinkTime.sample(using: &rng)
        sessions[Int(session)].rng = rng
        for _ in 0..<listings {
            startRequest(.listing, tenant: tenant, session: session, scheduler: &scheduler)
        }
        for _ in 0..<assets {
            startRequest(.asset, tenant: tenant, session: session, scheduler: &scheduler)
        }
        scheduler.schedule(.turn(session: session), after: .seconds(think))
    }

    /// Draws a Poisson count by inversion, which suits the small means here (listings and assets
    /// per session).
    func poissonCount(mean: Double, _ rng: inout Xoshiro256StarStar) -> Int {
        guard mean > 0 else { return 0 }
        let limit = exp(-mean)
        var product = rng.nextUnit()
        var count = 0
        while product > limit && count < 10_000 {
            product *= rng.nextUnit()
            count += 1
        }
        return count
    }

    mutating func handleTurn(session: Int32, scheduler: inout Scheduler<Event>) {
        var state = sessions[Int(session)]
        guard state.turnsLeft > 0 else { return }
        state.turnsLeft -= 1
        let workload = scenario.workload
        let input = max(1, Int(workload.inputTokens.sample(using: &state.rng).rounded()))
        let output = max(1, Int(workload.outputTokens.sample(using: &state.rng).rounded()))
        let key = setup.messageKey(session: session, turn: state.turnsDone, sessionState: state, workload: workload, rng: &state.rng)
        sessions[Int(session)] = state
        let id = startRequest(.chat, tenant: state.tenant, session: session, scheduler: &scheduler, begin: false)
        requests[id].inputTokens = Int32(clamping: input)
        requests[id].outputTokens = Int32(clamping: output)
        requests[id].messageKey = key
        requests[id].turn = state.turnsDone
        if state.turnsDone == 0 && requests[id].isMeasured {
            metrics.firstTurns += 1
            metrics.firstTurnInputTokens += input
            metrics.firstTurnOutputTokens += output
        }
        advance(id, scheduler: &scheduler)
    }

    /// After a chat turn ends: the sidebar may refresh, and the user replies after a think time.
    mutating func scheduleNextTurn(session: Int32, scheduler: inout Scheduler<Event>) {
        guard session >= 0 else { return }
        var state = sessions[Int(session)]
        state.turnsDone += 1
        let refresh = state.rng.nextUnit() < scenario.workload.listingRefreshAfterTurn
        let think: Double
        if state.isClosedLoopClient, let closed = scenario.workload.closedLoop {
            think = closed.thinkTime.sample(using: &state.rng)
        } else {
            think = scenario.workload.thinkTime.sample(using: &state.rng)
        }
        sessions[Int(session)] = state
        if refresh && !state.isClosedLoopClient {
            startRequest(.listing, tenant: state.tenant, session: session, scheduler: &scheduler)
        }
        if state.turnsLeft > 0 {
            scheduler.schedule(.turn(session: session), after: .seconds(think))
        }
    }

    mutating func handleAnalyticsArrival(scheduler: inout Scheduler<Event>) {
        scheduler.schedule(.analyticsArrival, after: exponentialGap(rate: setup.analyticsRate, &analyticsStream))
        let tenant = setup.population.sampleTenant(using: &analyticsStream) ?? 0
        startRequest(.analytics, tenant: Int32(tenant), session: -1, scheduler: &scheduler)
    }

    /// Starts a billing aggregation for every tenant when background jobs run it. Without them,
    /// billing runs inline with each chat turn instead.
    mutating func handleBillingTick(scheduler: inout Scheduler<Event>) {
        scheduler.schedule(.billingTick, after: scenario.parameters.billingInterval)
        guard scenario.architecture.backgroundBilling else { return }
        for tenant in 0..<setup.population.count {
            startRequest(.billing, tenant: Int32(tenant), session: -1, scheduler: &scheduler)
        }
    }

    /// Creates a request and, unless `begin` is false, runs its first step.
    @discardableResult
    mutating func startRequest(_ kind: RequestKind, tenant: Int32, session: Int32,
                               scheduler: inout Scheduler<Event>, begin: Bool = true) -> Int32 {
        let now = scheduler.now
        let measured = now >= warmupEnd
        metrics.requestsStarted += 1
        let id = requests.insert(PlatformRequest(kind: kind, tenant: tenant, session: session,
                                                 arrival: now, isMeasured: measured))
        if measured {
            metrics.kinds[kind.index].arrivals += 1
        }
        if begin {
            advance(id, scheduler: &scheduler)
        }
        return id
    }
}
