import ScaleSim

/// Finds an architecture's wall, names its cause and the remedies to try, picks the first remedy
/// that a run shows removing the wall, and checks with `TeamModel` whether the team finishes that
/// migration in time.
///
/// The rules, also in docs/journey.md:
/// - The wall is the first checkpoint where an objective breaks or the run stops overloaded.
/// - Its kind is the request kind of the first broken latency or error objective, else chat.
/// - A latency or error breach is removed by fixing the layer where that kind spends most time.
///   A breach of utilization alone is removed by relieving the busiest resource.
/// - Each remedy is checked by running the wall checkpoint again with its part on (see
///   `RemedyCheck.removesWall`); the first that removes the wall is chosen. A remedy without a part is chosen
///   unchecked when every remedy before it failed.
/// - Work starts in the month of the first checkpoint before the wall where a figure that breaks
///   at the wall had passed `warningFraction` of its bound, or at the wall when none had.
public enum JourneyWalls {
    /// Returns the wall of `points`, or nil when no checkpoint breaks an objective or stops early.
    ///
    /// `checks` are the runs of earlier candidates, in candidate order. A candidate with a part
    /// and no check yet is chosen unverified, so `find` without checks names the first candidate.
    public static func find(points: [JourneyPoint], architecture: NamedArchitecture, spec: JourneySpec,
                            team: TeamModel, checks: [RemedyCheck] = []) -> JourneyWall? {
        guard let index = points.firstIndex(where: \.isBroken) else { return nil }
        let point = points[index]
        let requestBreach = point.breaches.first { $0.kind != nil }
        let kind = requestBreach?.kind ?? .chat
        let layer = point.bottleneck(of: kind)
        let busiest = point.busiestResource

        let candidates: [Remedy]
        if requestBreach != nil || point.stoppedEarly, let layer {
            candidates = Remedy.candidates(forLayer: layer, kind: kind, architecture: architecture.architecture)
        } else if let busiest {
            candidates = Remedy.candidates(forResource: busiest.name, architecture: architecture.architecture)
        } else {
            candidates = [Remedy(migration: nil, action: "no bottleneck measured")]
        }
        let (chosen, isVerified) = choose(candidates: candidates, checks: checks)

        // Warning signs: a figure that breaks at the wall had passed the warning fraction earlier.
        let broken = point.breaches.map(\.metric)
        let warned = points[..<index].firstIndex { earlier in
            earlier.warnings.contains { broken.isEmpty || broken.contains($0.metric) }
        }
        let startMonth = points[warned ?? index].month
        var readiness: MigrationReadiness?
        if let migration = chosen.migration {
            readiness = try? team.readiness(migration: migration, stage: architecture.stage,
                                            startMonth: startMonth, wallMonth: point.month)
        }
        return JourneyWall(checkpoint: index, customers: point.customers, month: point.month, breaches: point.breaches,
                           stoppedEarly: point.stoppedEarly, kind: kind, layer: layer,
                           busiestResource: busiest?.name, busiestUtilization: busiest?.utilization,
                           candidates: candidates, checks: checks, migration: chosen.migration, remedy: chosen.action,
                           isVerified: isVerified, startMonth: startMonth, readiness: readiness)
    }

    /// Returns the next candidate to check, which is the first without a check when all earlier
    /// checks failed. Returns nil when a check removed the wall, every candidate has been
    /// checked, or the next candidate has no part to switch on.
    public static func nextCheck(of wall: JourneyWall) -> Remedy? {
        guard !wall.checks.contains(where: \.removesWall), wall.checks.count < wall.candidates.count else { return nil }
        let next = wall.candidates[wall.checks.count]
        return next.part == nil ? nil : next
    }

    /// Returns the first candidate whose check removed the wall (verified), else the first one not yet checked.
    static func choose(candidates: [Remedy], checks: [RemedyCheck]) -> (Remedy, isVerified: Bool) {
        for (index, candidate) in candidates.enumerated() {
            guard index < checks.count else { return (candidate, false) }
            if checks[index].removesWall { return (candidate, true) }
        }
        // Every candidate failed its check; the last one is the best there is.
        return (candidates.last ?? Remedy(migration: nil, action: "no remedy found"), false)
    }
}
