/// The figures of a cohort report as rows: a stable key for scripts, a Dutch label for people, the
/// value as text. The CSV and markdown reports and the report page's table are these rows.
public enum CohortReportFigures {
    public struct Figure: Equatable, Sendable {
        public var key: String
        public var label: String
        public var value: String

        public init(key: String, label: String, value: String) {
            self.key = key
            self.label = label
            self.value = value
        }
    }

    public static func rows(_ report: CohortReport) -> [Figure] {
        var rows: [Figure] = [Figure(key: "aanmeldingen.totaal", label: "Aanmeldingen", value: "\(report.total)")]
        for (source, count) in report.perSource {
            rows.append(Figure(key: "aanmeldingen.per_bron.\(source.rawValue)", label: "Aanmeldingen van \(source.rawValue)", value: "\(count)"))
        }
        for (month, count) in zip(report.period.months, report.perMonth) {
            rows.append(Figure(key: "aanmeldingen.per_maand.\(month.iso)", label: "Aanmeldingen in \(Day.monthNames[month.month - 1]) \(month.year)",
                               value: "\(count)"))
        }
        rows += [
            Figure(key: "aanmeldingen.kinderen", label: "Kinderen in de aanmeldingen", value: "\(report.children)"),
            Figure(key: "aanmeldingen.gezinnen", label: "Gezinnen in de aanmeldingen", value: "\(report.families)"),
            Figure(key: "naar_beschermtafel", label: "Naar de Beschermtafel", value: "\(report.toTable)"),
            Figure(key: "veiligheid_gewaarborgd.na_onderzoek", label: "Veiligheid gewaarborgd na onderzoek", value: "\(report.safeAfterOnderzoek)"),
            Figure(key: "veiligheid_gewaarborgd.na_beschermtafel", label: "Veiligheid gewaarborgd na de Beschermtafel",
                   value: "\(report.safeAfterTable)"),
            Figure(key: "rvk_onderzoek.totaal", label: "Naar RvK-onderzoek", value: "\(report.rvkTotal)"),
        ]
        for (outcome, count) in report.rvkOutcomes {
            rows.append(Figure(key: "rvk_onderzoek.uitkomst.\(outcome.rawValue)", label: "RvK-uitkomst: \(outcome.rawValue)", value: "\(count)"))
        }
        rows.append(Figure(key: "rvk_onderzoek.uitkomst.lopend", label: "RvK-onderzoek: nog geen uitkomst van de Raad", value: "\(report.rvkPending)"))
        for (outcome, count) in report.rvkChildOutcomes {
            rows.append(Figure(key: "rvk_onderzoek.uitkomst_kinderen.\(outcome.rawValue)", label: "RvK-uitkomst per kind: \(outcome.rawValue)",
                               value: "\(count)"))
        }
        for year in report.measureTrend.years {
            let through = year.year == report.measureTrend.through.year && report.measureTrend.lastYearIsPartial
                ? " t/m \(report.measureTrend.through.dutch)" : ""
            rows.append(Figure(key: "maatregelen.\(year.year).ots", label: "OTS in \(year.year)\(through) (kinderen)", value: "\(year.ots)"))
            rows.append(Figure(key: "maatregelen.\(year.year).uithuisplaatsing", label: "Uithuisplaatsingen in \(year.year)\(through) (kinderen)",
                               value: "\(year.uithuisplaatsing)"))
        }
        rows.append(Figure(key: "lopend", label: "Nog open bij het wijkteam (Aangemeld, Onderzoek, Beschermtafel)", value: "\(report.open)"))
        for (stage, time) in report.leadTimes {
            rows.append(Figure(key: "doorlooptijd_dagen.\(stage.rawValue).p50", label: "Dagen in \(stage.title), mediaan (p50)", value: "\(time.p50)"))
            rows.append(Figure(key: "doorlooptijd_dagen.\(stage.rawValue).p85", label: "Dagen in \(stage.title), p85", value: "\(time.p85)"))
        }
        let plans = report.jointPlans
        rows += [
            Figure(key: "gezamenlijke_plannen.gestart", label: "Gezamenlijke plannen gestart", value: "\(plans.started)"),
        ]
        for (form, count) in plans.startedPerForm {
            rows.append(Figure(key: "gezamenlijke_plannen.gestart_per_vorm.\(form.rawValue)", label: "Plannen \(form.title) gestart", value: "\(count)"))
        }
        rows += [
            Figure(key: "gezamenlijke_plannen.afgeschaald", label: "Gezamenlijke plannen afgeschaald", value: "\(plans.scaledDown)"),
            Figure(key: "gezamenlijke_plannen.raad_betrokken", label: "Gezamenlijke plannen: Raad betrokken", value: "\(plans.councilInvolved)"),
            Figure(key: "gezamenlijke_plannen.lopend", label: "Gezamenlijke plannen lopend", value: "\(plans.running)"),
        ]
        for (organisation, hours) in plans.hoursPerOrganisation {
            rows.append(Figure(key: "gezamenlijke_plannen.uren_per_organisatie.\(organisation)", label: "Uren \(organisation) (uren:minuten)", value: CohortReportText.hours(hours)))
        }
        return rows
    }
}
