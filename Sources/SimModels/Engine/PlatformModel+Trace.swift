import ScaleSim

/// Replays a request trace, scaled to the customer count by superposing shifted copies.
///
/// The scaling method: the trace stands for `customersPerCopy` customers. For C customers the
/// model replays ceil(C / customersPerCopy) copies at once. Copy k starts at its own offset in
/// the trace, drawn uniformly from `workload.trace.copy#k`, and wraps around to the trace's
/// start, so every copy covers the whole run. The last copy keeps each request with the
/// fractional share left. Each request is a one-turn conversation of a tenant drawn by
/// activity from the copy's stream. The token counts and the burstiness within a copy are the
/// trace's own. Superposing independent copies smooths bursts that the real traffic of C
/// customers might share (a common cause such as a launch), and the method cannot keep them.
extension PlatformModel {
    mutating func startTrace(_ trace: TraceSpec, scheduler: inout Scheduler<Event>) {
        guard !trace.records.isEmpty else { return }
        for copy in 0..<setup.traceCopies {
            var rng = streams.stream("workload.trace.copy", index: UInt64(copy))
            let offset = SimDuration(nanoseconds: Int64(rng.nextUnit() * Double(trace.span.nanoseconds)))
            var start = 0
            while start < trace.records.count && trace.records[start].offset < offset {
                start += 1
            }
            traceStreams.append(rng)
            traceCursors.append(start)
            traceLaps.append(0)
            traceOffsets.append(offset)
            scheduleTraceRecord(copy: copy, scheduler: &scheduler)
        }
    }

    /// Schedules copy `copy`'s next record, or nothing once the copy has run past the end.
    mutating func scheduleTraceRecord(copy: Int, scheduler: inout Scheduler<Event>) {
        guard let trace = scenario.workload.trace else { return }
        let count = trace.records.count
        var cursor = traceCursors[copy]
        var lap = traceLaps[copy]
        if cursor >= count {
            cursor = 0
            lap += 1
        }
        // Without looping a copy plays the trace once, from its offset round to the same point.
        if !trace.loop && (lap > 1 || (lap == 1 && trace.records[cursor].offset >= traceOffsets[copy])) {
            return
        }
        traceCursors[copy] = cursor
        traceLaps[copy] = lap
        let record = trace.records[cursor]
        let lapStart = SimDuration(nanoseconds: trace.span.nanoseconds * Int64(lap))
        let time = SimTime.zero + lapStart + record.offset - traceOffsets[copy]
        guard time <= endTime else { return }
        scheduler.schedule(.traceArrival(copy: Int32(copy)), at: max(time, scheduler.now))
    }

    mutating func handleTraceArrival(copy: Int32, scheduler: inout Scheduler<Event>) {
        guard let trace = scenario.workload.trace else { return }
        let copyIndex = Int(copy)
        let recordIndex = traceCursors[copyIndex]
        let record = trace.records[recordIndex]
        var rng = traceStreams[copyIndex]
        let kept = copyIndex < setup.traceCopies - 1 || rng.nextUnit() < setup.traceLastCopyShare
        let tenant = setup.population.sampleTenant(using: &rng) ?? 0
        traceStreams[copyIndex] = rng
        traceCursors[copyIndex] = recordIndex + 1
        scheduleTraceRecord(copy: copyIndex, scheduler: &scheduler)
        guard kept else { return }

        // Each record is a one-turn conversation with the trace's token counts.
        var session = SessionState(tenant: Int32(tenant), agent: 0, turnsLeft: 0,
                                   rng: streams.stream("workload.session", index: UInt64(sessions.count)))
        session.turnsDone = 0
        sessions.append(session)
        let sessionIndex = Int32(sessions.count - 1)
        let id = startRequest(.chat, tenant: Int32(tenant), session: sessionIndex, scheduler: &scheduler, begin: false)
        requests[id].inputTokens = Int32(clamping: record.inputTokens)
        requests[id].outputTokens = Int32(clamping: record.outputTokens)
        requests[id].traceRecord = Int32(recordIndex)
        requests[id].messageKey = traceMessageKey(record, copy: copyIndex, record: recordIndex, lap: traceLaps[copyIndex])
        advance(id, scheduler: &scheduler)
    }

    /// Returns a trace request's cache key, a hash of the whole list of its prefix hashes, so
    /// only a request whose prompt was seen before in full hits the cache. Without prefix hashes,
    /// every request gets a unique key.
    func traceMessageKey(_ record: TraceRecord, copy: Int, record index: Int, lap: Int) -> UInt64 {
        guard !record.prefixHashes.isEmpty else {
            let unique = RandomStreams.mix(RandomStreams.mix(UInt64(copy), UInt64(index)), UInt64(lap))
            return (1 << 63) | unique
        }
        var key: UInt64 = 0xCBF2_9CE4_8422_2325
        for hash in record.prefixHashes {
            key = RandomStreams.mix(key, UInt64(hash))
        }
        return key & ~(1 << 63)
    }
}
