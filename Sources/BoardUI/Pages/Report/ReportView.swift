import BoardCore

/// The report screen: the cohort's figures and lead times, the bar chart per month and the
/// cumulative flow, as lines in a scrolled page. The text is CohortReportText's, shared with
/// `beschermbord report`; the charts are scaled to the window.
enum ReportView {
    typealias Line = PageFrame.Line

    static func draw(_ screen: ReportScreen, context: PageContext, into target: inout Screen) {
        let title = " Cijfers · \(screen.period.from.dutch) t/m \(screen.period.to.dutch) · \(CohortReportText.sourceName(screen.source))"
        PageFrame.draw(title: title, boxTitle: "Aanmeldingen en doorstroom", lines: lines(screen, width: target.width, height: target.height),
                       scroll: screen.scroll, context: context, into: &target)
    }

    static func bodyHeight(pageHeight: Int) -> Int { PageFrame.bodyHeight(pageHeight: pageHeight) }

    /// Plot rows of the cumulative flow: the whole diagram (plot, axis, days, legend) fits in one
    /// page where the window allows.
    static func flowHeight(pageHeight: Int) -> Int { max(3, min(16, bodyHeight(pageHeight: pageHeight) - 10)) }

    /// Every line of the page for a window of `width` by `height`.
    static func lines(_ screen: ReportScreen, width: Int, height: Int) -> [Line] {
        guard let report = screen.report else { return [("Cijfers worden geladen…", .dim)] }
        let textWidth = PageFrame.textWidth(screenWidth: width)
        func plain(_ texts: [String], _ role: Role = .normal) -> [Line] { texts.map { ($0, role) } }
        func wrapped(_ text: String, _ role: Role = .normal) -> [Line] { FamilyView.wrapped(text, indent: "", width: textWidth, role: role) }
        func section(_ heading: String, _ body: [Line]) -> [Line] { [("", .normal), (heading, .columnHeader)] + body }

        var lines: [Line] = [(CohortReportText.title(report), .title)]
        if report.isEmpty { lines += wrapped(CohortReportText.emptyNotice, .warning) }
        lines.append(("", .normal))
        lines.append((CohortReportText.headline(report), .title))
        lines.append(("", .normal))
        lines += plain(CohortReportText.figureLines(report))
        let trend = CohortReportText.trendLines(report.measureTrend)
        lines += section(trend[0], plain(Array(trend.dropFirst())))
        let leadTimes = CohortReportText.leadTimeLines(report)
        lines += section(leadTimes[0], plain(Array(leadTimes.dropFirst())))
        let barWidth = max(1, textWidth - CohortReportText.barChartMargin(report))
        lines += section(CohortReportText.barChartHeading, plain(CohortReportText.barChart(report, width: barWidth)))
        let flow = screen.flow.map { CumulativeFlowChart.lines($0, width: textWidth, height: flowHeight(pageHeight: height)) } ?? []
        lines += section("Doorstroom: zaken per kolom over de periode", plain(flow))
        lines.append(("", .normal))
        lines += wrapped(CohortReportText.jointPlanLine(report.jointPlans))
        lines.append(("", .normal))
        lines += wrapped(CohortReportText.footnote, .dim)
        return lines
    }
}
