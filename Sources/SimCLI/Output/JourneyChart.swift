import Foundation

/// Inline SVG charts for the HTML reports: line charts on a log customer axis and stacked bars.
///
/// Coordinates are computed here and written with two decimals, so the markup is the same on
/// every platform.
enum JourneyChart {
    /// One line of a chart; nil values (NaN, no request done) break the line.
    struct Series {
        var name: String
        var color: String
        var points: [(x: Double, y: Double?)]
        /// An SVG stroke-dasharray, such as "6 3"; nil for a solid line.
        var dash: String?
        var strokeWidth = 2.0
    }

    /// A vertical marker, such as the customer count where a wall hits.
    struct Marker {
        var x: Double
        var label: String
        var color: String
    }

    /// Dash patterns that tell apart lines drawn over each other, one per series in order.
    static let dashes: [String?] = [nil, "10 5", "3 4", "14 4 3 4", "6 6", "2 8"]

    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#7f7f7f", "#17becf"]

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    static func coordinate(_ value: Double) -> String {
        String(format: "%.2f", locale: Locale(identifier: "en_US_POSIX"), value)
    }

    /// Draws a line chart with a log x axis (customers) and a log or linear y axis.
    ///
    /// Marker labels go in a band above the plot, one row each, so they never cover a line.
    /// `yTicks` replaces the linear axis's five even steps.
    static func lines(title: String, yLabel: String, series: [Series], markers: [Marker] = [], logY: Bool,
                      yMaximum: Double? = nil, yTicks fixedTicks: [Double]? = nil, width: Double = 640,
                      height: Double = 300) -> String {
        let labelRow = 13.0
        let left = 70.0, right = 150.0, top = 30.0 + labelRow * Double(markers.count), bottom = 45.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let xs = series.flatMap { $0.points.map(\.x) }.filter { $0 > 0 }
        let ys = series.flatMap { $0.points.compactMap(\.y) }.filter { $0.isFinite && (!logY || $0 > 0) }
        let xLow = log10(xs.min() ?? 1), xHigh = max(log10(xs.max() ?? 10), xLow + 1)
        var yLow = logY ? floor(log10(ys.min() ?? 1)) : 0
        var yHigh = logY ? ceil(log10(ys.max() ?? 10)) : (yMaximum ?? (ys.max() ?? 1) * 1.1)
        if yHigh <= yLow { yHigh = yLow + 1 }
        if !logY, yHigh <= 0 { yLow = 0; yHigh = 1 }

        func px(_ x: Double) -> Double { left + (log10(x) - xLow) / (xHigh - xLow) * plotWidth }
        func py(_ y: Double) -> Double {
            let value = logY ? log10(y) : y
            return top + plotHeight - (value - yLow) / (yHigh - yLow) * plotHeight
        }

        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"11\">"
        svg += "<text x=\"\(coordinate(left))\" y=\"18\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>"
        svg += "<rect x=\"\(coordinate(left))\" y=\"\(coordinate(top))\" width=\"\(coordinate(plotWidth))\" height=\"\(coordinate(plotHeight))\" fill=\"none\" stroke=\"#999\"/>"

        // Y ticks: each power of ten on a log axis, five steps on a linear one.
        let yTicks: [Double] = logY ? stride(from: yLow, through: yHigh, by: 1).map { pow(10, $0) }
                                    : fixedTicks ?? (0...5).map { yLow + (yHigh - yLow) * Double($0) / 5 }
        for tick in yTicks {
            let y = py(tick)
            svg += "<line x1=\"\(coordinate(left))\" x2=\"\(coordinate(left + plotWidth))\" y1=\"\(coordinate(y))\" y2=\"\(coordinate(y))\" stroke=\"#eee\"/>"
            svg += "<text x=\"\(coordinate(left - 6))\" y=\"\(coordinate(y + 4))\" text-anchor=\"end\">\(escape(tickLabel(tick)))</text>"
        }
        for tick in stride(from: ceil(xLow), through: floor(xHigh), by: 1).map({ pow(10, $0) }) {
            let x = px(tick)
            svg += "<line x1=\"\(coordinate(x))\" x2=\"\(coordinate(x))\" y1=\"\(coordinate(top))\" y2=\"\(coordinate(top + plotHeight))\" stroke=\"#eee\"/>"
            svg += "<text x=\"\(coordinate(x))\" y=\"\(coordinate(top + plotHeight + 16))\" text-anchor=\"middle\">\(escape(tickLabel(tick)))</text>"
        }
        svg += "<text x=\"\(coordinate(left + plotWidth / 2))\" y=\"\(coordinate(height - 6))\" text-anchor=\"middle\">customers (log scale)</text>"
        svg += "<text transform=\"translate(14 \(coordinate(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(yLabel))</text>"

        for (index, marker) in markers.enumerated() {
            let x = px(marker.x)
            svg += "<line x1=\"\(coordinate(x))\" x2=\"\(coordinate(x))\" y1=\"\(coordinate(top))\" y2=\"\(coordinate(top + plotHeight))\" stroke=\"\(marker.color)\" stroke-dasharray=\"4 3\" stroke-width=\"1.5\"/>"
            // Each label has its own row of the band above the plot; labels near the right edge
            // end at their line, so they stay above the plot.
            let isRightHalf = x > left + plotWidth * 0.6
            let anchor = isRightHalf ? "end" : "start"
            let labelX = isRightHalf ? x - 3 : x + 3
            let labelY = top - 4 - labelRow * Double(markers.count - 1 - index)
            svg += "<line x1=\"\(coordinate(x))\" x2=\"\(coordinate(x))\" y1=\"\(coordinate(labelY - 9))\" y2=\"\(coordinate(top))\" stroke=\"\(marker.color)\" stroke-width=\"1\"/>"
            svg += "<text x=\"\(coordinate(labelX))\" y=\"\(coordinate(labelY))\" text-anchor=\"\(anchor)\" fill=\"\(marker.color)\">\(escape(marker.label))</text>"
        }
        for (index, line) in series.enumerated() {
            var path = ""
            var pending = "M"
            for point in line.points {
                guard let y = point.y, y.isFinite, !logY || y > 0 else { pending = "M"; continue }
                let clamped = min(max(py(y), top), top + plotHeight)
                path += "\(pending)\(coordinate(px(point.x))) \(coordinate(clamped)) "
                pending = "L"
                svg += "<circle cx=\"\(coordinate(px(point.x)))\" cy=\"\(coordinate(clamped))\" r=\"\(coordinate(line.strokeWidth / 2 + 1.5))\" fill=\"\(line.color)\"/>"
            }
            let dash = line.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
            let stroke = coordinate(line.strokeWidth)
            svg += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"\(stroke)\"\(dash)/>"
            let legendY = top + 10 + Double(index) * 16
            svg += "<line x1=\"\(coordinate(left + plotWidth + 8))\" x2=\"\(coordinate(left + plotWidth + 40))\" y1=\"\(coordinate(legendY))\" y2=\"\(coordinate(legendY))\" stroke=\"\(line.color)\" stroke-width=\"\(stroke)\"\(dash)/>"
            svg += "<text x=\"\(coordinate(left + plotWidth + 44))\" y=\"\(coordinate(legendY + 4))\">\(escape(line.name))</text>"
        }
        return svg + "</svg>"
    }

    /// Draws horizontal stacked bars: one bar per row, one segment per named part.
    static func stackedBars(title: String, unit: String, parts: [String], rows: [(label: String, values: [Double])],
                            width: Double = 640) -> String {
        let left = 170.0, right = 20.0, top = 30.0, barHeight = 22.0, gap = 10.0
        let legendRows = Double((parts.count + 3) / 4)
        let height = top + Double(rows.count) * (barHeight + gap) + 30 + legendRows * 16
        let plotWidth = width - left - right
        let maximum = max(rows.map { $0.values.reduce(0, +) }.max() ?? 1, 1e-9)
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" font-family=\"sans-serif\" font-size=\"11\">"
        svg += "<text x=\"10\" y=\"18\" font-size=\"13\" font-weight=\"bold\">\(escape(title))</text>"
        for (rowIndex, row) in rows.enumerated() {
            let y = top + Double(rowIndex) * (barHeight + gap)
            svg += "<text x=\"\(coordinate(left - 6))\" y=\"\(coordinate(y + 15))\" text-anchor=\"end\">\(escape(row.label))</text>"
            var x = left
            for (index, value) in row.values.enumerated() where value > 0 {
                let segment = value / maximum * plotWidth
                svg += "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" width=\"\(coordinate(segment))\" height=\"\(coordinate(barHeight))\" fill=\"\(palette[index % palette.count])\"><title>\(escape(parts[index])): \(escape(tickLabel(value))) \(escape(unit))</title></rect>"
                x += segment
            }
            svg += "<text x=\"\(coordinate(min(x + 4, width - 60)))\" y=\"\(coordinate(y + 15))\">\(escape(tickLabel(row.values.reduce(0, +)))) \(escape(unit))</text>"
        }
        let legendTop = top + Double(rows.count) * (barHeight + gap) + 10
        for (index, part) in parts.enumerated() {
            let x = left + Double(index % 4) * 115, y = legendTop + Double(index / 4) * 16
            svg += "<rect x=\"\(coordinate(x))\" y=\"\(coordinate(y))\" width=\"10\" height=\"10\" fill=\"\(palette[index % palette.count])\"/>"
            svg += "<text x=\"\(coordinate(x + 14))\" y=\"\(coordinate(y + 9))\">\(escape(part))</text>"
        }
        return svg + "</svg>"
    }

    /// Returns a short tick label: 1k, 10k, 0.5, 2.3M.
    static func tickLabel(_ value: Double) -> String {
        let magnitude = abs(value)
        let format = NumberFormat(significantDigits: 3)
        if magnitude >= 1_000_000 { return format.string((value / 1_000_000 * 100).rounded() / 100) + "M" }
        if magnitude >= 1_000 { return format.string((value / 1_000 * 100).rounded() / 100) + "k" }
        if magnitude >= 1 || magnitude == 0 { return format.string((value * 100).rounded() / 100) }
        return format.string(value)
    }
}
