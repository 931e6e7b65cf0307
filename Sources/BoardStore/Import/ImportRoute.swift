import BoardCore

/// Which stages a case in an import file must have passed to reach a stage, asked of the board's
/// own rules (Transitions) rather than repeated here: the import takes no case that could not
/// have been moved there on the board.
enum ImportRoute {
    /// The stages before `stage` on the way from Aangemeld, in the flow's order, for a case that
    /// came to it from `cameFrom` (the latest stage the file gives before it) when the board
    /// allows that move, else from the first stage the board moves to `stage` from.
    static func stages(before stage: Stage, cameFrom: Stage) -> [Stage] {
        paths[stage]?[cameFrom] ?? []
    }

    /// What every outcome needs, for an uitkomst the file names wrongly: its other problems are
    /// still worth saying.
    static let beforeAnyOutcome: [Stage] = {
        let routes = Stage.allCases.filter(\.isEnd).map { stages(before: $0, cameFrom: .aangemeld) }
        return routes.first?.filter { stage in routes.allSatisfy { $0.contains(stage) } } ?? []
    }()

    /// The stages the board moves forward to `stage` from.
    private static func predecessors(of stage: Stage) -> [Stage] {
        Stage.allCases.filter { earlier in
            if case .success(let targets) = Transitions.targets(from: earlier, direction: .forward) { return targets.contains(stage) }
            return false
        }
    }

    /// Every route, worked out once: an import checks millions of rows.
    private static let paths: [Stage: [Stage: [Stage]]] = {
        let before = Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0, predecessors(of: $0)) })
        func route(to stage: Stage, cameFrom: Stage?) -> [Stage] {
            guard let candidates = before[stage], let first = candidates.first else { return [] }
            let previous = cameFrom.flatMap { candidates.contains($0) ? $0 : nil } ?? first
            return route(to: previous, cameFrom: nil) + [previous]
        }
        return Dictionary(uniqueKeysWithValues: Stage.allCases.map { stage in
            (stage, Dictionary(uniqueKeysWithValues: Stage.allCases.map { ($0, route(to: stage, cameFrom: $0)) }))
        })
    }()
}
