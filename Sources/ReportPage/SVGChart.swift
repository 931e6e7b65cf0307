/// The page's charts as inline SVG: no script, no font or image to fetch, so the page draws the
/// same offline, in print and as a PDF. Each chart names itself (`<title>`, `<desc>` with every
/// value) for a screen reader, and each bar carries its value (`data-waarde`) so a test can see
/// that every bar with a value drew. Colours come from the page's style (`series` classes).
enum SVGChart {
    /// What a bar or a part of one stands for: its legend's name and its colour's class.
    struct Series: Equatable {
        var name: String
        var cssClass: String
    }

    struct Group {
        var label: String
        /// A second line under the label (the year under January), or nil.
        var sublabel: String?
        var bars: [(series: Series, value: Int)]
    }

    struct Row {
        var label: String
        var bars: [(series: Series, value: Double, text: String)]
    }

    struct StackedRow {
        var label: String
        var parts: [(series: Series, value: Int)]
    }

    static let width = 720

    // MARK: Columns (months, years)

    /// Vertical bars, one group per label and one bar per series in a group, over a scale with
    /// round steps.
    static func columns(id: String, title: String, groups: [Group], height: Int = 240) -> String {
        let left = 44.0, right = 8.0, top = 18.0, bottom = 38.0
        let plotWidth = Double(width) - left - right, plotHeight = Double(height) - top - bottom
        let highest = groups.flatMap { $0.bars.map(\.value) }.max() ?? 0
        let scale = Scale(highest: highest)
        var body = ""
        for tick in scale.ticks {
            let y = top + plotHeight - plotHeight * Double(tick) / Double(scale.top)
            body += "<line class=\"grid\" x1=\"\(c(left))\" y1=\"\(c(y))\" x2=\"\(c(left + plotWidth))\" y2=\"\(c(y))\"/>"
            body += "<text class=\"tick\" x=\"\(c(left - 6))\" y=\"\(c(y + 4))\" text-anchor=\"end\">\(HTML.number(tick))</text>"
        }
        let groupWidth = plotWidth / Double(max(1, groups.count))
        let seriesCount = max(1, groups.map(\.bars.count).max() ?? 1)
        let barWidth = groupWidth * 0.72 / Double(seriesCount)
        let showsValues = barWidth >= 14
        for (index, group) in groups.enumerated() {
            let groupX = left + groupWidth * Double(index) + groupWidth * 0.14
            for (position, bar) in group.bars.enumerated() {
                let barHeight = plotHeight * Double(bar.value) / Double(scale.top)
                let x = groupX + barWidth * Double(position)
                let y = top + plotHeight - barHeight
                body += "<rect class=\"bar \(bar.series.cssClass)\" data-waarde=\"\(bar.value)\" x=\"\(c(x))\" y=\"\(c(y))\" "
                    + "width=\"\(c(max(1, barWidth - 2)))\" height=\"\(c(barHeight))\"><title>\(HTML.text(group.label + (group.sublabel.map { " " + $0 } ?? ""))) · "
                    + "\(HTML.text(bar.series.name)): \(HTML.number(bar.value))</title></rect>"
                if showsValues {
                    body += "<text class=\"value\" x=\"\(c(x + (barWidth - 2) / 2))\" y=\"\(c(y - 4))\" text-anchor=\"middle\">\(HTML.number(bar.value))</text>"
                }
            }
            let middle = left + groupWidth * (Double(index) + 0.5)
            body += "<text class=\"label\" x=\"\(c(middle))\" y=\"\(c(top + plotHeight + 15))\" text-anchor=\"middle\">\(HTML.text(group.label))</text>"
            if let sublabel = group.sublabel {
                body += "<text class=\"label sub\" x=\"\(c(middle))\" y=\"\(c(top + plotHeight + 30))\" text-anchor=\"middle\">\(HTML.text(sublabel))</text>"
            }
        }
        body += "<line class=\"axis\" x1=\"\(c(left))\" y1=\"\(c(top + plotHeight))\" x2=\"\(c(left + plotWidth))\" y2=\"\(c(top + plotHeight))\"/>"
        let description = groups.map { group in
            group.label + (group.sublabel.map { " " + $0 } ?? "") + ": "
                + group.bars.map { (group.bars.count > 1 ? $0.series.name + " " : "") + HTML.number($0.value) }.joined(separator: ", ")
        }.joined(separator: "; ")
        return svg(id: id, title: title, description: description, height: height, body: body)
    }

    // MARK: Rows (lead times, hours)

    /// Horizontal bars, one row per label and one bar per series in a row, each with its text.
    static func rows(id: String, title: String, rows: [Row]) -> String {
        let labelWidth = 190.0, textWidth = 90.0, barHeight = 16.0, gap = 4.0, rowGap = 12.0
        let plotWidth = Double(width) - labelWidth - textWidth
        let highest = rows.flatMap { $0.bars.map(\.value) }.max() ?? 0
        var body = ""
        var y = 6.0
        for row in rows {
            let rowHeight = Double(row.bars.count) * (barHeight + gap) - gap
            body += "<text class=\"label\" x=\"\(c(labelWidth - 10))\" y=\"\(c(y + rowHeight / 2 + 4))\" text-anchor=\"end\">\(HTML.text(row.label))</text>"
            for bar in row.bars {
                let length = highest > 0 ? plotWidth * bar.value / highest : 0
                body += "<rect class=\"bar \(bar.series.cssClass)\" data-waarde=\"\(bar.value)\" x=\"\(c(labelWidth))\" y=\"\(c(y))\" "
                    + "width=\"\(c(length))\" height=\"\(c(barHeight))\"><title>\(HTML.text(row.label)) · \(HTML.text(bar.series.name)): "
                    + "\(HTML.text(bar.text))</title></rect>"
                body += "<text class=\"value\" x=\"\(c(labelWidth + length + 6))\" y=\"\(c(y + barHeight - 4))\">\(HTML.text(bar.text))</text>"
                y += barHeight + gap
            }
            y += rowGap - gap
        }
        body += "<line class=\"axis\" x1=\"\(c(labelWidth))\" y1=\"0\" x2=\"\(c(labelWidth))\" y2=\"\(c(y - rowGap + 6))\"/>"
        let description = rows.map { row in
            row.label + ": " + row.bars.map { (row.bars.count > 1 ? $0.series.name + " " : "") + $0.text }.joined(separator: ", ")
        }.joined(separator: "; ")
        return svg(id: id, title: title, description: description, height: Int(y.rounded(.up)), body: body)
    }

    // MARK: Stacked rows (the flow)

    /// One bar per row, made of its parts, every row on the scale of the longest: the cases that
    /// reached a step are a shorter bar than those before it.
    static func stacked(id: String, title: String, rows: [StackedRow]) -> String {
        let labelWidth = 190.0, barHeight = 28.0, rowGap = 14.0
        let plotWidth = Double(width) - labelWidth - 12
        let highest = rows.map { $0.parts.map(\.value).reduce(0, +) }.max() ?? 0
        var body = ""
        var y = 6.0
        for row in rows {
            body += "<text class=\"label\" x=\"\(c(labelWidth - 10))\" y=\"\(c(y + barHeight / 2 + 4))\" text-anchor=\"end\">\(HTML.text(row.label))</text>"
            var x = labelWidth
            for part in row.parts {
                let length = highest > 0 ? plotWidth * Double(part.value) / Double(highest) : 0
                body += "<rect class=\"bar \(part.series.cssClass)\" data-waarde=\"\(part.value)\" x=\"\(c(x))\" y=\"\(c(y))\" "
                    + "width=\"\(c(length))\" height=\"\(c(barHeight))\"><title>\(HTML.text(row.label)) · \(HTML.text(part.series.name)): "
                    + "\(HTML.number(part.value))</title></rect>"
                if length >= 28 {
                    body += "<text class=\"inside\" x=\"\(c(x + length / 2))\" y=\"\(c(y + barHeight / 2 + 4))\" text-anchor=\"middle\">"
                        + "\(HTML.number(part.value))</text>"
                }
                x += length
            }
            y += barHeight + rowGap
        }
        let description = rows.map { row in
            row.label + ": " + row.parts.map { "\($0.series.name) \(HTML.number($0.value))" }.joined(separator: ", ")
        }.joined(separator: "; ")
        return svg(id: id, title: title, description: description, height: Int((y - rowGap + 6).rounded(.up)), body: body)
    }

    // MARK: Legend and frame

    /// The series with their colour (and their count, when given), as HTML under a chart.
    static func legend(_ entries: [(series: Series, count: String?)]) -> String {
        "<ul class=\"legend\">" + entries.map { entry in
            "<li><span class=\"swatch \(entry.series.cssClass)\"></span>\(HTML.text(entry.series.name))"
                + (entry.count.map { ": <strong>\(HTML.text($0))</strong>" } ?? "") + "</li>"
        }.joined() + "</ul>"
    }

    private static func svg(id: String, title: String, description: String, height: Int, body: String) -> String {
        "<svg class=\"chart\" id=\"\(id)\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
            + "role=\"img\" aria-labelledby=\"\(id)-titel \(id)-beschrijving\"><title id=\"\(id)-titel\">\(HTML.text(title))</title>"
            + "<desc id=\"\(id)-beschrijving\">\(HTML.text(description))</desc>\(body)</svg>"
    }

    private static func c(_ value: Double) -> String { HTML.coordinate(value) }

    /// A value axis from 0 in round steps (1, 2 or 5 times a power of ten), at most five lines.
    struct Scale {
        let step: Int
        let top: Int

        init(highest: Int) {
            var magnitude = 1
            var step = 1
            search: while true {
                for factor in [1, 2, 5] where factor * magnitude * 4 >= highest {
                    step = factor * magnitude
                    break search
                }
                magnitude *= 10
            }
            self.step = step
            top = max(step, (highest + step - 1) / step * step)
        }

        var ticks: [Int] { Array(stride(from: 0, through: top, by: step)) }
    }
}
