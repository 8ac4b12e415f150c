/// Small inline SVG charts for report.html: horizontal bars, stacked bars and a line chart.
///
/// Each returns one `<svg>` element with its labels as text, no scripts and no external fonts.
enum SVGChart {
    /// Colours of stacked segments and legends, in order, repeated when there are more segments.
    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f"]

    static let labelWidth = 190.0
    static let plotWidth = 420.0
    static let rowHeight = 22.0

    /// Draws one horizontal bar per row, scaled to the largest value or to `maximum` when given.
    static func bars(_ rows: [(label: String, value: Double)], unit: String, maximum: Double? = nil) -> String {
        let top = maximum ?? max(rows.map { $0.value.isFinite ? $0.value : 0 }.max() ?? 0, 1e-12)
        let height = rowHeight * Double(rows.count) + 8
        var svg = open(width: labelWidth + plotWidth + 110, height: height)
        for (index, row) in rows.enumerated() {
            let y = rowHeight * Double(index) + 4
            let value = row.value.isFinite ? max(row.value, 0) : 0
            let width = plotWidth * min(value / top, 1)
            svg += text(row.label, x: labelWidth - 6, y: y + 15, anchor: "end")
            svg += "<rect x=\"\(labelWidth)\" y=\"\(format(y + 3))\" width=\"\(format(width))\" height=\"15\" fill=\"\(palette[0])\"/>"
            let shown = row.value.isFinite ? NumberFormat.standard.string(rounded(row.value)) : "n/a"
            svg += text("\(shown) \(unit)", x: labelWidth + width + 6, y: y + 15, anchor: "start")
        }
        return svg + "</svg>"
    }

    /// Draws one stacked bar per row, one segment per value, with a legend of `segments` underneath.
    static func stackedBars(_ rows: [(label: String, values: [Double])], segments: [String], unit: String) -> String {
        let totals = rows.map { $0.values.filter(\.isFinite).reduce(0, +) }
        let top = max(totals.max() ?? 0, 1e-12)
        let legendRows = Double((segments.count + 3) / 4)
        let height = rowHeight * Double(rows.count) + 12 + legendRows * 18
        var svg = open(width: labelWidth + plotWidth + 110, height: height)
        for (index, row) in rows.enumerated() {
            let y = rowHeight * Double(index) + 4
            var x = labelWidth
            svg += text(row.label, x: labelWidth - 6, y: y + 15, anchor: "end")
            for (segment, value) in row.values.enumerated() where value.isFinite && value > 0 {
                let width = plotWidth * value / top
                svg += "<rect x=\"\(format(x))\" y=\"\(format(y + 3))\" width=\"\(format(width))\" height=\"15\" "
                    + "fill=\"\(palette[segment % palette.count])\"><title>\(escape(segments[segment])): "
                    + "\(NumberFormat.standard.string(rounded(value))) \(unit)</title></rect>"
                x += width
            }
            svg += text("\(NumberFormat.standard.string(rounded(totals[index]))) \(unit)", x: x + 6, y: y + 15, anchor: "start")
        }
        let legendTop = rowHeight * Double(rows.count) + 12
        for (index, name) in segments.enumerated() {
            let x = labelWidth + Double(index % 4) * 110
            let y = legendTop + Double(index / 4) * 18
            svg += "<rect x=\"\(format(x))\" y=\"\(format(y))\" width=\"10\" height=\"10\" fill=\"\(palette[index % palette.count])\"/>"
            svg += text(name, x: x + 14, y: y + 9, anchor: "start")
        }
        return svg + "</svg>"
    }

    /// Draws a line through `points` (x in seconds) and writes each axis's range at its ends.
    static func line(_ points: [(x: Double, y: Double)], xLabel: String, yLabel: String) -> String {
        let width = 640.0, height = 200.0, left = 60.0, bottom = 30.0, top = 10.0
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite }
        var svg = open(width: width, height: height)
        guard let first = finite.first, let last = finite.last, last.x > first.x else {
            return svg + text("no data", x: width / 2, y: height / 2, anchor: "middle") + "</svg>"
        }
        // An all-zero or negative series gets a 0 to 1 axis, so the two ends of the axis differ.
        let peak = finite.map(\.y).max() ?? 0
        let yMax = peak > 0 ? peak : 1
        let plotWidth = width - left - 10, plotHeight = height - bottom - top
        let path = finite.map { point in
            let x = left + plotWidth * (point.x - first.x) / (last.x - first.x)
            let y = top + plotHeight * (1 - point.y / yMax)
            return "\(format(x)),\(format(y))"
        }.joined(separator: " ")
        svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"\(palette[0])\" stroke-width=\"1.5\"/>"
        svg += "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#888\"/>"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#888\"/>"
        svg += text(NumberFormat.standard.string(rounded(yMax)), x: left - 4, y: top + 10, anchor: "end")
        svg += text("0", x: left - 4, y: top + plotHeight, anchor: "end")
        svg += text(NumberFormat.standard.string(first.x), x: left, y: height - 12, anchor: "start")
        svg += text(NumberFormat.standard.string(last.x), x: left + plotWidth, y: height - 12, anchor: "end")
        svg += text("\(xLabel); y: \(yLabel)", x: left + plotWidth / 2, y: height - 2, anchor: "middle")
        return svg + "</svg>"
    }

    static func open(width: Double, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(format(width))\" height=\"\(format(height))\" "
            + "viewBox=\"0 0 \(format(width)) \(format(height))\" font-family=\"sans-serif\" font-size=\"12\">"
    }

    static func text(_ content: String, x: Double, y: Double, anchor: String) -> String {
        "<text x=\"\(format(x))\" y=\"\(format(y))\" text-anchor=\"\(anchor)\">\(escape(content))</text>"
    }

    static func format(_ value: Double) -> String {
        NumberFormat.standard.string((value * 10).rounded() / 10)
    }

    static func rounded(_ value: Double) -> Double {
        abs(value) >= 100 ? value.rounded() : (value * 100).rounded() / 100
    }

    /// Returns `text` with `&`, `<`, `>` and `"` escaped for HTML and SVG.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}
