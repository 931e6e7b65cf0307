/// The Raad's outcome for one child of the family: a measure is per child (an OTS for one
/// sibling and not the other), and the figures count children as well as families.
public struct ChildOutcome: Equatable, Sendable {
    /// The child's `ChildRecord` id.
    public var childID: Int64
    public var outcome: RvkOutcome

    public init(childID: Int64, outcome: RvkOutcome) {
        self.childID = childID
        self.outcome = outcome
    }
}

extension RvkOutcome {
    /// Uithuisplaatsing reaches further than an OTS, an OTS further than no measure.
    public var reach: Int {
        switch self {
        case .geenMaatregel: return 0
        case .ots: return 1
        case .uithuisplaatsing: return 2
        }
    }

    /// A court measure (OTS or uithuisplaatsing): what the approach aims to have fewer of.
    public var isMeasure: Bool { self != .geenMaatregel }

    /// The case's outcome derived from its children's: the most far-reaching, so that figures
    /// counted per case read as they did before outcomes were kept per child. Nil for none.
    public static func mostFarReaching<Outcomes: Sequence>(_ outcomes: Outcomes) -> RvkOutcome? where Outcomes.Element == RvkOutcome {
        outcomes.max { $0.reach < $1.reach }
    }

    /// The outcomes a case counts in children: one per child concerned; an outcome recorded per
    /// case (before `v15-child-outcomes`) counts as one child, since which children it concerned
    /// was not recorded and at least one was.
    public static func perChild(caseOutcome: RvkOutcome?, children: [RvkOutcome]) -> [RvkOutcome] {
        if !children.isEmpty { return children }
        return caseOutcome.map { [$0] } ?? []
    }
}

extension SafetyAssessment {
    /// What the card shows: the lowest of the latest scores, the latest per child and the latest
    /// for the whole family (a child scored 3 while the family's latest is 6 reads 3). `assessments`
    /// in the order recorded (by day, then as stored); nil without any.
    public static func lowestLatestScore(_ assessments: [SafetyAssessment]) -> Int? {
        var latest: [Int64?: (day: Day, score: Int)] = [:]
        for assessment in assessments where latest[assessment.childID].map({ $0.day <= assessment.day }) ?? true {
            latest[assessment.childID] = (assessment.day, assessment.score)
        }
        return latest.values.map(\.score).min()
    }
}
