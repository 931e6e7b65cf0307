/// Figures on the joint work (Jeugdbeschermer in de wijk, Veiligheidsteam) for one period (both
/// days included): the functions are evaluated on their effect and on the hours spent (DOMAIN.md).
public struct JointPlanFigures: Equatable, Sendable {
    public var from: Day
    public var to: Day
    /// Plans started in the period, per form.
    public var startedByForm: [JointWorkForm: Int]
    /// Plans started in the period, per organisation: a Jeugdbeschermer in de wijk's GI, or the Veiligheidsteam.
    public var startedByOrganisation: [String: Int]
    /// Plans ended in the period, for whatever reason, per organisation.
    public var endedByOrganisation: [String: Int]
    /// Quarter hours spent in the period, per organisation of the one who spent them (a team
    /// member's own, the wijkteam's, a jeugdbeschermer's GI) and per month ("2026-11").
    public var quartersByOrganisationAndMonth: [String: [String: Int]]
    /// Of the plans started in the period: how they ended, and how many still run. A plan that
    /// ended with its case counts as afgeschaald (safety ensured) or Raad betrokken (to the Raad).
    public var afgeschaald: Int
    public var raadBetrokken: Int
    public var stillRunning: Int

    public init(plans: [JointPlan], from: Day, to: Day) {
        self.from = from
        self.to = to
        let range = from...to
        var byForm: [JointWorkForm: Int] = [:]
        var started: [String: Int] = [:]
        var ended: [String: Int] = [:]
        var quarters: [String: [String: Int]] = [:]
        var afgeschaald = 0, raad = 0, running = 0
        for plan in plans {
            let organisation = plan.organisation
            if range.contains(plan.startDate) {
                byForm[plan.form, default: 0] += 1
                started[organisation, default: 0] += 1
                switch plan.end {
                // Safety ensured: the family goes on without the jeugdbeschermer, as after afschalen.
                case .afgeschaald?, .zaakGesloten?: afgeschaald += 1
                case .raadBetrokken?, .zaakNaarRaad?, .uitkomstRaad?: raad += 1
                case nil: running += 1
                }
            }
            if let endedOn = plan.endedOn, range.contains(endedOn) { ended[organisation, default: 0] += 1 }
            for entry in plan.hours where range.contains(entry.day) {
                quarters[plan.organisation(of: entry.person), default: [:]][JointPlanRules.month(entry.day), default: 0] += entry.quarters
            }
        }
        startedByForm = byForm
        startedByOrganisation = started
        endedByOrganisation = ended
        quartersByOrganisationAndMonth = quarters
        self.afgeschaald = afgeschaald
        raadBetrokken = raad
        stillRunning = running
    }

    public var totalStarted: Int { startedByOrganisation.values.reduce(0, +) }
    public var totalEnded: Int { endedByOrganisation.values.reduce(0, +) }

    /// Quarter hours of one organisation over the whole period.
    public func quarters(of organisation: String) -> Int {
        quartersByOrganisationAndMonth[organisation]?.values.reduce(0, +) ?? 0
    }

    /// Quarter hours of all organisations in one month.
    public func quarters(inMonth month: String) -> Int {
        quartersByOrganisationAndMonth.values.reduce(0) { $0 + ($1[month] ?? 0) }
    }

    /// The figures as plain Dutch lines, for a report or the terminal.
    public var lines: [String] {
        var lines = ["Gezamenlijk werk, \(from.dutch) t/m \(to.dutch)"]
        lines.append("Gestart: " + JointWorkForm.allCases.map { "\(startedByForm[$0] ?? 0) \($0.title)" }.joined(separator: ", "))
        let organisations = Set(startedByOrganisation.keys).union(endedByOrganisation.keys).union(quartersByOrganisationAndMonth.keys).sorted()
        for organisation in organisations {
            lines.append("\(organisation): \(startedByOrganisation[organisation] ?? 0) gestart, \(endedByOrganisation[organisation] ?? 0) beëindigd, "
                         + "\(JointPlanRules.hoursText(quarters(of: organisation))) uur")
        }
        lines.append("Van de gestarte plannen: \(afgeschaald) afgeschaald, \(raadBetrokken) Raad betrokken, \(stillRunning) lopend")
        let months = Set(quartersByOrganisationAndMonth.values.flatMap(\.keys)).sorted()
        for month in months {
            lines.append("\(JointPlanRules.monthTitle(month)): \(JointPlanRules.hoursText(quarters(inMonth: month))) uur")
        }
        return lines
    }
}
