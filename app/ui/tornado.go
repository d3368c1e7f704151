package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// tornadoRow is one input of a sensitivity analysis: the result with the
// input lowered and raised.
type tornadoRow struct {
	Label     string
	Low, High decimal.Decimal // the result with the input lowered / raised
}

// tornadoChart draws the sensitivity of the result to each input as
// horizontal bars around the baseline, largest impact first.
type tornadoChart struct {
	ID       string
	Title    string
	Desc     string
	Base     decimal.Decimal
	Rows     []tornadoRow
	Format   func(decimal.Decimal) string
	LowName  string // e.g. "-10 %"
	HighName string
	l        locale
}

func (c tornadoChart) render() app.UI {
	return app.Figure().Class("chart").ID(c.ID).Body(
		app.FigCaption().Class("chart-title").Text(c.Title),
		app.Raw(c.svg()),
		app.Ul().Class("chart-legend").Aria("hidden", "true").Body(
			app.Li().Body(app.Span().Class("chart-box series-a"), app.Text(c.l.tr("Input {0}", c.LowName))),
			app.Li().Body(app.Span().Class("chart-box series-b"), app.Text(c.l.tr("Input {0}", c.HighName))),
		),
		chartData(c.l.tr("Data table: {0}", c.Title), c.Title,
			[]string{c.l.tr("Input"), c.l.tr("LTV, input {0}", c.LowName), c.l.tr("LTV, input {0}", c.HighName)},
			c.rows()),
	)
}

// rows are the data table's rows: each input, LTV at its low and high
// values.
func (c tornadoChart) rows() [][]string {
	rows := make([][]string, len(c.Rows))
	for i, r := range c.Rows {
		rows[i] = []string{r.Label, c.Format(r.Low), c.Format(r.High)}
	}
	return rows
}

func (c tornadoChart) svg() string {
	const rowH, labelW, top = 34, 190, 24
	h := top + rowH*len(c.Rows) + 8
	var b strings.Builder
	titleID, descID := c.ID+"-title", c.ID+"-desc"
	b.WriteString(`<svg class="chart-svg" viewBox="0 0 ` + itoa(chartW) + ` ` + itoa(h) + `" role="img" aria-labelledby="` +
		titleID + ` ` + descID + `">`)
	b.WriteString(`<title id="` + titleID + `">` + escapeHTML(c.Title) + `</title>`)
	b.WriteString(`<desc id="` + descID + `">` + escapeHTML(c.Desc) + `</desc>`)
	// The widest swing sets the scale: half the plot on each side of the base.
	maxDev := decimal.Zero
	for _, r := range c.Rows {
		for _, v := range []decimal.Decimal{r.Low, r.High} {
			if d := v.Sub(c.Base).Abs(); d.GreaterThan(maxDev) {
				maxDev = d
			}
		}
	}
	half := decimal.NewFromInt(int64(chartW-labelW-padR) / 2)
	center := decimal.NewFromInt(int64(labelW)).Add(half)
	x := func(v decimal.Decimal) decimal.Decimal {
		if maxDev.IsZero() {
			return center
		}
		return center.Add(half.Mul(v.Sub(c.Base)).DivRound(maxDev, 6))
	}
	b.WriteString(`<text class="chart-axis-name" x="` + coord(center) + `" y="14" text-anchor="middle">` +
		escapeHTML(c.l.tr("Baseline {0}", c.Format(c.Base))) + `</text>`)
	for i, r := range c.Rows {
		y := top + rowH*i
		b.WriteString(`<text class="chart-ylabel" x="` + itoa(labelW-8) + `" y="` + itoa(y+rowH/2) +
			`" text-anchor="end" dominant-baseline="middle">` + escapeHTML(r.Label) + `</text>`)
		for _, bar := range []struct {
			v     decimal.Decimal
			class string
		}{{r.Low, "series-a"}, {r.High, "series-b"}} {
			x0, x1 := center, x(bar.v)
			if x1.LessThan(x0) {
				x0, x1 = x1, x0
			}
			b.WriteString(`<rect class="chart-bar ` + bar.class + `" x="` + coord(x0) + `" y="` + itoa(y+6) +
				`" width="` + coord(x1.Sub(x0)) + `" height="` + itoa(rowH-12) + `"/>`)
		}
	}
	b.WriteString(`<line class="chart-base" x1="` + coord(center) + `" x2="` + coord(center) + `" y1="` + itoa(top-4) +
		`" y2="` + itoa(h-4) + `"/>`)
	b.WriteString(`</svg>`)
	return b.String()
}
