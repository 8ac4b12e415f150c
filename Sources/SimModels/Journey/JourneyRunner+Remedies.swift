import ScaleSim

extension JourneyRunner {
    /// One wall checkpoint to run again with a remedy's part switched on.
    struct RemedyCase {
        var journey: Int
        var checkpoint: Int
        var remedy: Remedy
        var architecture: ArchitectureSpec
    }

    /// Checks the remedies of every wall in rounds: each round runs every unsettled wall's next
    /// candidate, with its part on, at the wall checkpoint under the same seed and streams.
    ///
    /// Rounds run their cases through `parallelMap` in architecture order, so the result is the
    /// same for any `jobs`. The loop ends because each round adds one check to each wall it runs.
    static func checkRemedies(_ journeys: inout [ArchitectureJourney], scenarios: [PlatformScenario], bounds: [Int],
                              seed: UInt64, spec: JourneySpec, jobs: Int, team: TeamModel) {
        let replications = max(1, spec.replications)
        while true {
            var cases: [RemedyCase] = []
            for (index, journey) in journeys.enumerated() {
                guard let wall = journey.wall, let next = JourneyWalls.nextCheck(of: wall),
                      let part = next.part else { continue }
                var architecture = journey.architecture
                part.set(true, in: &architecture)
                cases.append(RemedyCase(journey: index, checkpoint: wall.checkpoint, remedy: next, architecture: architecture))
            }
            guard !cases.isEmpty else { return }

            let runs = parallelMap(count: cases.count * replications, jobs: jobs) { index -> PlatformReplication in
                let item = cases[index / replications]
                var scenario = scenarios[item.checkpoint]
                scenario.architecture = item.architecture
                return PlatformRunner.runReplication(
                    scenario, streams: PlatformRunner.streams(seed: seed, replication: index % replications),
                    stopPolicy: OverloadStop(maximumInFlight: bounds[item.checkpoint]))
            }

            for (position, item) in cases.enumerated() {
                guard let wall = journeys[item.journey].wall else { continue }
                let start = position * replications
                let point = point(Array(runs[start..<(start + replications)]), scenario: scenarios[item.checkpoint], spec: spec)
                let figures = wall.breaches.map { breach in
                    ObjectiveBreach(objective: breach.objective, metric: breach.metric,
                                    value: point.metrics.value(breach.metric) ?? .nan)
                }
                let check = RemedyCheck(remedy: item.remedy, figures: figures, breaches: point.breaches,
                                        stoppedEarly: point.stoppedEarly, events: point.events)
                let journey = journeys[item.journey]
                journeys[item.journey].wall = JourneyWalls.find(
                    points: journey.points,
                    architecture: NamedArchitecture(name: journey.name, architecture: journey.architecture, stage: journey.stage),
                    spec: spec, team: team, checks: wall.checks + [check])
            }
        }
    }
}
