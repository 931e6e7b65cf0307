import BoardCore

/// The plan screen of the joint work (Jeugdbeschermer in de wijk or Veiligheidsteam), opened with
/// `p` from the family screen: the case's veiligheidsplan. It shows the case's current plan (the
/// last one); goals and agreements form one list that j/k select in and `s` changes the status of.
public struct PlanScreen: Equatable, Sendable {
    public var caseID: CaseID
    /// The case's plans, oldest first; the last is the one shown.
    public var plans: [JointPlan]
    /// Index in `items`: the goals first, then the agreements.
    public var selected = 0
    public var scroll = 0
    /// j/k keep the selected goal or agreement in view; paging lets the view leave it.
    public var followsSelection = true
    /// An earlier case of the family: the plan is shown, never changed.
    public var isReadOnly = false

    public init(caseID: CaseID, plans: [JointPlan], isReadOnly: Bool = false) {
        self.caseID = caseID
        self.plans = plans
        self.isReadOnly = isReadOnly
    }

    public var plan: JointPlan? { plans.last }
    public var activePlan: JointPlan? { plan.flatMap { $0.isActive ? $0 : nil } }

    public enum Item: Equatable, Sendable {
        case goal(PlanGoal)
        case agreement(PlanAgreement)
    }

    public var items: [Item] {
        guard let plan else { return [] }
        return plan.goals.map(Item.goal) + plan.agreements.map(Item.agreement)
    }

    public var selectedItem: Item? {
        let all = items
        return all.indices.contains(selected) ? all[selected] : nil
    }

    mutating func clampSelection() {
        selected = min(max(0, selected), max(0, items.count - 1))
    }
}

/// A form opened from the plan screen, and what it will change.
public struct PlanForm: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case start, member, condition, goal, agreement, hours, intensity, evaluation
    }

    public var kind: Kind
    public var form: Form
    public var summary: CaseSummary
    /// The plan the form belongs to (nil when starting one).
    public var plan: JointPlan?
}

/// What the plan screen's keys do.
public enum PlanAction: KeyAction {
    case scroll(Scroll), toggleStatus, start
    /// Opens a form for the running plan.
    case form(PlanForm.Kind)
}
