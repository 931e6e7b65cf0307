/// Draws a cumulative flow as lines of text: a stacked area of block characters, one fill per
/// column so it reads without colour, a count axis, the first and last day, and a legend.
public enum CumulativeFlowChart {
    /// The fill of each column, in `CumulativeFlow.stackOrder` (bottom to top): darkest at the bottom.
    public static let fills: [Character] = ["█", "▓", "▒", "░", "·"]

    public static func fill(of stage: Stage) -> Character {
        fills[CumulativeFlow.stackOrder.firstIndex(of: stage)!]
    }

    public static let noCases = "Geen zaken op het bord in deze periode."
    public static let notYet = "Deze periode ligt na vandaag: er is nog geen doorstroom."

    /// The chart in `width` columns with a plot `height` rows high, then the axis, the days and
    /// the legend (the column counts on the last sample day, top of the stack first).
    public static func lines(_ flow: CumulativeFlow, width: Int, height: Int) -> [String] {
        guard let lastIndex = flow.days.indices.last else { return [notYet] }
        guard !flow.isEmpty else { return [noCases] }
        let highest = flow.counts.indices.map(flow.total(at:)).max() ?? 0
        let labelWidth = String(highest).count
        let plotWidth = max(0, width - labelWidth - 2)
        var lines: [String] = []
        if plotWidth > 0 && height > 0 {
            // The sample day shown in each column of the plot.
            let sampled = (0..<plotWidth).map { x in plotWidth == 1 ? lastIndex : x * lastIndex / (plotWidth - 1) }
            let tops = sampled.map { index in flow.counts[index].reduce(into: [Int]()) { $0.append(($0.last ?? 0) + $1) } }
            for row in (0..<height).reversed() {
                let label = row == height - 1 ? String(highest) : row == 0 ? "0" : ""
                var line = pad(label, labelWidth) + " " + (label.isEmpty ? "│" : "┤")
                for top in tops {
                    // A cell shows the column whose band holds the middle of the cell's value range:
                    // (row + ½) / height of the highest total, compared in whole numbers.
                    let middle = (2 * row + 1) * highest
                    let band = top.firstIndex { middle < 2 * height * $0 }
                    line.append(band.map { fills[$0] } ?? " ")
                }
                lines.append(line)
            }
            lines.append(String(repeating: " ", count: labelWidth + 1) + "└" + String(repeating: "─", count: plotWidth))
            lines.append(String(repeating: " ", count: labelWidth + 2) + axisDays(flow.days[0], flow.days[lastIndex], width: plotWidth))
        }
        lines.append("Zaken per kolom op \(flow.days[lastIndex].dutch):")
        let nameWidth = CumulativeFlow.stackOrder.map(\.title.count).max() ?? 0
        for stage in CumulativeFlow.stackOrder.reversed() {
            lines.append("  \(fill(of: stage)) " + stage.title + String(repeating: " ", count: nameWidth - stage.title.count)
                         + pad(String(flow.count(of: stage, at: lastIndex)), 6))
        }
        return lines
    }

    /// The first day under the plot's left end and the last under its right end, or both side by
    /// side when the plot is too narrow for that.
    static func axisDays(_ first: Day, _ last: Day, width: Int) -> String {
        let left = first.dutch, right = last.dutch
        guard first != last else { return left }
        guard width >= left.count + right.count + 1 else { return "\(left) – \(right)" }
        return left + String(repeating: " ", count: width - left.count - right.count) + right
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
