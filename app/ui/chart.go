package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// Charts are built as one HTML string each: no chart library, nothing
// fetched, and one call into the page to draw them. The labels are HTML
// text, set in CSS pixels, laid out by the browser for the width at hand
// (they wrap rather than shrink or run off an edge, in every language); the
// lines are an SVG stretched over the plot area, its strokes kept at their
// width (vector-effect: non-scaling-stroke). Every chart is an image with
// a title and a description for screen readers, followed by its data as a
// table. Coordinates are computed in decimal, in a 1000 x 1000 plot, and
// written with one decimal place; the figures shown come from calc,
// formatted by the caller.

// plotSize is the size of the plot in its SVG's coordinates.
const plotSize = 1000

// chartSeries is one line of a line chart.
type chartSeries struct {
	Name   string            // legend and table header
	Class  string            // CSS class of the line: series-a, series-b, series-ref
	Values []decimal.Decimal // one per x position; fewer values end the line early
	Dashed bool
}

// lineChart is a line chart over labelled x positions.
type lineChart struct {
	ID     string // element id prefix
	Title  string
	Desc   string
	XLabel string   // axis name, e.g. "Month"
	X      []string // x labels, one per position
	// XAt places the positions on the x axis by these values (the months
	// of the payback curve: 0, 1, 13, 25...), when there is one per
	// position; else they are evenly spaced.
	XAt       []decimal.Decimal
	Series    []chartSeries
	Format    func(decimal.Decimal) string // y value format, for the axis and the table
	DataLabel string                       // the summary of the data table
}

func (c lineChart) render() app.UI {
	return app.Figure().Class("chart").ID(c.ID).Body(
		app.FigCaption().Class("chart-title").Text(c.Title),
		app.Raw(c.plot()),
		c.legend(),
		c.table(),
	)
}

// yMax is the top of the y axis: the largest value, rounded up to a nice step.
func (c lineChart) yMax() decimal.Decimal {
	m := decimal.Zero
	for _, s := range c.Series {
		for _, v := range s.Values {
			if v.Cmp(m) > 0 {
				m = v
			}
		}
	}
	return niceCeil(m)
}

// maxXLabels is the most x labels a chart shows; on a narrow plot the
// stylesheet shows every other one.
const maxXLabels = 8

// plot is the chart as HTML: the y labels beside the plot, the x labels
// under it.
func (c lineChart) plot() string {
	var b strings.Builder
	titleID, descID := c.ID+"-title", c.ID+"-desc"
	b.WriteString(`<div class="plot" role="img" aria-labelledby="` + titleID + ` ` + descID + `">`)
	b.WriteString(`<span class="visually-hidden" id="` + titleID + `">` + escapeHTML(c.Title) + `</span>`)
	b.WriteString(`<span class="visually-hidden" id="` + descID + `">` + escapeHTML(c.Desc) + `</span>`)
	ymax := c.yMax()
	n := len(c.X)
	size := decimal.NewFromInt(plotSize)
	x := func(i int) decimal.Decimal {
		switch {
		case n <= 1:
			return decimal.Zero
		case len(c.XAt) == n && c.XAt[n-1].Sign() > 0:
			return size.Mul(c.XAt[i]).DivRound(c.XAt[n-1], 6)
		}
		return size.Mul(decimal.NewFromInt(int64(i))).DivRound(decimal.NewFromInt(int64(n-1)), 6)
	}
	y := func(v decimal.Decimal) string {
		if ymax.Sign() <= 0 {
			return itoa(plotSize)
		}
		if v.Sign() < 0 {
			v = decimal.Zero
		}
		return coord(size.Sub(size.Mul(v).DivRound(ymax, 6)))
	}
	// The y labels, top first: 4/4, 3/4 ... 0 of ymax, spaced as the grid.
	b.WriteString(`<div class="plot-y" aria-hidden="true">`)
	for k := 4; k >= 0; k-- {
		b.WriteString(`<span>` + escapeHTML(c.Format(ymax.Mul(decimal.NewFromInt(int64(k))).Div(decimal.NewFromInt(4)))) + `</span>`)
	}
	b.WriteString(`</div><div class="plot-area"><svg viewBox="0 0 ` + itoa(plotSize) + ` ` + itoa(plotSize) +
		`" preserveAspectRatio="none" aria-hidden="true" focusable="false">`)
	for k := 0; k <= 4; k++ {
		yy := coord(size.Mul(decimal.NewFromInt(int64(k))).Div(decimal.NewFromInt(4)))
		b.WriteString(`<line class="chart-grid" x1="0" x2="` + itoa(plotSize) + `" y1="` + yy + `" y2="` + yy + `"/>`)
	}
	// The first series last, on top: the observed data over a projection.
	for k := len(c.Series) - 1; k >= 0; k-- {
		s := c.Series[k]
		if len(s.Values) == 0 {
			continue
		}
		var pts strings.Builder
		for i, v := range s.Values {
			if i >= n {
				break
			}
			if i > 0 {
				pts.WriteByte(' ')
			}
			pts.WriteString(coord(x(i)) + "," + y(v))
		}
		class := "chart-line " + s.Class
		if s.Dashed {
			class += " chart-dashed"
		}
		b.WriteString(`<polyline class="` + class + `" points="` + pts.String() + `"/>`)
		if len(s.Values) <= 24 && s.Class != "series-ref" {
			// A dot is a line of no length with round ends: round at any
			// stretch of the plot.
			for i, v := range s.Values {
				if i >= n {
					break
				}
				b.WriteString(`<path class="chart-dot ` + s.Class + `" d="M` + coord(x(i)) + ` ` + y(v) + `h0"/>`)
			}
		}
	}
	b.WriteString(`</svg></div><div class="plot-x" aria-hidden="true">`)
	for k, i := range xLabelAt(n, x) {
		class := "plot-xlabel"
		switch {
		case i == 0:
			class += " plot-first"
		case i == n-1:
			class += " plot-last"
		}
		if k%2 == 1 {
			class += " plot-odd"
		}
		b.WriteString(`<span class="` + class + `" style="left:` + x(i).Div(decimal.NewFromInt(10)).StringFixed(2) + `%">` +
			escapeHTML(c.X[i]) + `</span>`)
	}
	b.WriteString(`</div><div class="plot-axis-name" aria-hidden="true">` + escapeHTML(c.XLabel) + `</div></div>`)
	return b.String()
}

// xLabelAt picks the positions of the x labels: at most maxXLabels, at
// least an eighth of the plot apart, the first and the last among them
// (the one before the last left out when it is nearer than that).
func xLabelAt(n int, x func(int) decimal.Decimal) []int {
	if n == 0 {
		return nil
	}
	gap := decimal.NewFromInt(plotSize / maxXLabels)
	if n <= maxXLabels && n > 1 {
		gap = decimal.NewFromInt(plotSize).DivRound(decimal.NewFromInt(int64(n)), 6) // evenly spaced: every one
	}
	out := []int{0}
	for i := 1; i < n; i++ {
		if x(i).Sub(x(out[len(out)-1])).Cmp(gap) >= 0 {
			out = append(out, i)
		}
	}
	if last := out[len(out)-1]; last != n-1 && n > 1 {
		if x(n-1).Sub(x(last)).Cmp(gap) < 0 && len(out) > 1 {
			out = out[:len(out)-1] // the last one, not the one too close before it
		}
		out = append(out, n-1)
	}
	return out
}

func (c lineChart) legend() app.UI {
	return app.Ul().Class("chart-legend").Aria("hidden", "true").Body(
		app.Range(c.Series).Slice(func(i int) app.UI {
			s := c.Series[i]
			swatch := "chart-swatch " + s.Class
			if s.Dashed {
				swatch += " chart-dashed"
			}
			return app.Li().Body(app.Span().Class(swatch), app.Text(s.Name))
		}),
	)
}

func (c lineChart) table() app.UI {
	head := []string{c.XLabel}
	for _, s := range c.Series {
		head = append(head, s.Name)
	}
	rows := make([][]string, len(c.X))
	for i, x := range c.X {
		row := []string{x}
		for _, s := range c.Series {
			cell := ""
			if i < len(s.Values) {
				cell = c.Format(s.Values[i])
			}
			row = append(row, cell)
		}
		rows[i] = row
	}
	return chartData(c.DataLabel, c.Title, head, rows)
}

// chartData is a chart's data table, folded under summary: the table is
// written as one string, as the SVG is. A chart's table has up to a few
// hundred cells, and go-app makes each element and text through its own
// calls into JavaScript, a third of the page's first render; as HTML it is
// one call, and a keystroke that changes the figures replaces the table in
// one piece. The first cell of each row heads the row.
func chartData(summary, label string, head []string, rows [][]string) app.UI {
	var b strings.Builder
	b.WriteString("<table><thead><tr>")
	for _, h := range head {
		b.WriteString(`<th scope="col">`)
		b.WriteString(escapeHTML(h))
		b.WriteString("</th>")
	}
	b.WriteString("</tr></thead><tbody>")
	for _, row := range rows {
		b.WriteString("<tr>")
		for j, cell := range row {
			if j == 0 {
				b.WriteString(`<th scope="row">`)
				b.WriteString(escapeHTML(cell))
				b.WriteString("</th>")
				continue
			}
			b.WriteString("<td>")
			b.WriteString(escapeHTML(cell))
			b.WriteString("</td>")
		}
		b.WriteString("</tr>")
	}
	b.WriteString("</tbody></table>")
	return app.Details().Class("chart-data").Body(
		app.Summary().Text(summary),
		app.Div().Class("table-scroll").TabIndex(0).Attr("role", "region").Aria("label", label).Body(app.Raw(b.String())),
	)
}

// niceCeil rounds v up to 1, 2, 2.5 or 5 times a power of ten, so axis labels
// are round figures. Zero and negative values give zero.
func niceCeil(v decimal.Decimal) decimal.Decimal {
	if v.Sign() <= 0 {
		return decimal.Zero
	}
	// Power of ten at or below v.
	exp := int32(len(v.Truncate(0).String())) - 1
	if v.LessThan(decimal.NewFromInt(1)) {
		exp = -1
		for decimal.New(1, exp).GreaterThan(v) && exp > -12 {
			exp--
		}
	}
	base := decimal.New(1, exp)
	for _, m := range []int64{1, 2, 5, 10, 20} {
		top := base.Mul(decimal.NewFromInt(m))
		if m == 5 {
			if t := base.Mul(decimal.New(25, -1)); t.GreaterThanOrEqual(v) {
				return t
			}
		}
		if top.GreaterThanOrEqual(v) {
			return top
		}
	}
	return base.Mul(decimal.NewFromInt(20))
}

func coord(d decimal.Decimal) string { return d.StringFixed(1) }

func itoa(i int) string { return strconv.Itoa(i) }
