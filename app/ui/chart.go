package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// Charts are inline SVG built as one string: no chart library, nothing
// fetched. Every chart is an image with a title and a description for screen
// readers, followed by its data as a table. Coordinates are computed in
// decimal and written with one decimal place; the figures shown come from
// calc, formatted by the caller.

const (
	chartW, chartH = 640, 300 // viewBox size
	padL, padR     = 96, 16   // room for the y axis labels
	padT, padB     = 16, 40   // room for the x axis labels
)

// chartSeries is one line of a line chart.
type chartSeries struct {
	Name   string            // legend and table header
	Class  string            // CSS class of the line: series-a, series-b, series-ref
	Values []decimal.Decimal // one per x position; fewer values end the line early
	Dashed bool
}

// lineChart is a line chart over labelled x positions.
type lineChart struct {
	ID        string // element id prefix
	Title     string
	Desc      string
	XLabel    string   // axis name, e.g. "Month"
	X         []string // x labels, one per position
	Series    []chartSeries
	Format    func(decimal.Decimal) string // y value format, for the axis and the table
	DataLabel string                       // the summary of the data table
}

func (c lineChart) render() app.UI {
	return app.Figure().Class("chart").ID(c.ID).Body(
		app.FigCaption().Class("chart-title").Text(c.Title),
		app.Raw(c.svg()),
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

func (c lineChart) svg() string {
	var b strings.Builder
	titleID, descID := c.ID+"-title", c.ID+"-desc"
	b.WriteString(`<svg class="chart-svg" viewBox="0 0 ` + itoa(chartW) + ` ` + itoa(chartH) +
		`" role="img" aria-labelledby="` + titleID + ` ` + descID + `" preserveAspectRatio="xMidYMid meet">`)
	b.WriteString(`<title id="` + titleID + `">` + escapeHTML(c.Title) + `</title>`)
	b.WriteString(`<desc id="` + descID + `">` + escapeHTML(c.Desc) + `</desc>`)
	ymax := c.yMax()
	n := len(c.X)
	plotW, plotH := decimal.NewFromInt(chartW-padL-padR), decimal.NewFromInt(chartH-padT-padB)
	x := func(i int) string {
		if n <= 1 {
			return itoa(padL)
		}
		return coord(decimal.NewFromInt(padL).Add(plotW.Mul(decimal.NewFromInt(int64(i))).Div(decimal.NewFromInt(int64(n - 1)))))
	}
	y := func(v decimal.Decimal) string {
		if ymax.Sign() <= 0 {
			return itoa(chartH - padB)
		}
		if v.Sign() < 0 {
			v = decimal.Zero
		}
		return coord(decimal.NewFromInt(chartH - padB).Sub(plotH.Mul(v).DivRound(ymax, 6)))
	}
	// Grid and y labels: 0, 1/4 ... 4/4 of ymax.
	for k := 0; k <= 4; k++ {
		v := ymax.Mul(decimal.NewFromInt(int64(k))).Div(decimal.NewFromInt(4))
		yy := y(v)
		b.WriteString(`<line class="chart-grid" x1="` + itoa(padL) + `" x2="` + itoa(chartW-padR) + `" y1="` + yy + `" y2="` + yy + `"/>`)
		b.WriteString(`<text class="chart-ylabel" x="` + itoa(padL-8) + `" y="` + yy + `" text-anchor="end" dominant-baseline="middle">` +
			escapeHTML(c.Format(v)) + `</text>`)
	}
	// X labels: at most about 8, evenly spaced.
	step := 1
	if n > 8 {
		step = (n + 7) / 8
	}
	for i := 0; i < n; i += step {
		b.WriteString(`<text class="chart-xlabel" x="` + x(i) + `" y="` + itoa(chartH-padB+20) + `" text-anchor="middle">` +
			escapeHTML(c.X[i]) + `</text>`)
	}
	b.WriteString(`<text class="chart-axis-name" x="` + itoa(chartW-padR) + `" y="` + itoa(chartH-4) + `" text-anchor="end">` +
		escapeHTML(c.XLabel) + `</text>`)
	for _, s := range c.Series {
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
			pts.WriteString(x(i) + "," + y(v))
		}
		class := "chart-line " + s.Class
		if s.Dashed {
			class += " chart-dashed"
		}
		b.WriteString(`<polyline class="` + class + `" fill="none" points="` + pts.String() + `"/>`)
		if len(s.Values) <= 24 {
			for i, v := range s.Values {
				if i >= n {
					break
				}
				b.WriteString(`<circle class="chart-dot ` + s.Class + `" r="3" cx="` + x(i) + `" cy="` + y(v) + `"/>`)
			}
		}
	}
	b.WriteString(`</svg>`)
	return b.String()
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
