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
// horizontal bars around the baseline, largest impact first: HTML, each
// input's name on a line of its own above its bars, so that no name is cut
// at any width or in any language.
type tornadoChart struct {
	ID       string
	Title    string
	Desc     string
	Base     decimal.Decimal
	Rows     []tornadoRow
	Still    []string // the inputs that leave the result as it is, not drawn
	Format   func(decimal.Decimal) string
	LowName  string // e.g. "-10 %"
	HighName string
	l        locale
}

func (c tornadoChart) render() app.UI {
	return app.Figure().Class("chart").ID(c.ID).Body(
		app.FigCaption().Class("chart-title").Text(c.Title),
		app.Raw(c.plot()),
		app.Ul().Class("chart-legend").Aria("hidden", "true").Body(
			app.Li().Body(app.Span().Class("chart-box series-a"), app.Text(c.l.tr("Input {0}", c.LowName))),
			app.Li().Body(app.Span().Class("chart-box series-b"), app.Text(c.l.tr("Input {0}", c.HighName))),
		),
		app.If(len(c.Still) > 0, func() app.UI {
			return app.P().Class("chart-note").ID(c.ID + "-still").
				Text(c.l.tr("Not shown, as they leave the LTV as it is: {0}.", strings.Join(c.Still, ", ")))
		}),
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

// plot draws the bars: the baseline in the middle of each track, the
// widest swing reaching its edges.
func (c tornadoChart) plot() string {
	var b strings.Builder
	titleID, descID := c.ID+"-title", c.ID+"-desc"
	b.WriteString(`<div class="tornado" role="img" aria-labelledby="` + titleID + ` ` + descID + `">`)
	b.WriteString(`<span class="visually-hidden" id="` + titleID + `">` + escapeHTML(c.Title) + `</span>`)
	b.WriteString(`<span class="visually-hidden" id="` + descID + `">` + escapeHTML(c.Desc) + `</span>`)
	maxDev := decimal.Zero
	for _, r := range c.Rows {
		for _, v := range []decimal.Decimal{r.Low, r.High} {
			if d := v.Sub(c.Base).Abs(); d.GreaterThan(maxDev) {
				maxDev = d
			}
		}
	}
	// pos is where v sits on a track, in percent: 50 is the baseline.
	fifty := decimal.NewFromInt(50)
	pos := func(v decimal.Decimal) decimal.Decimal {
		if maxDev.IsZero() {
			return fifty
		}
		return fifty.Add(fifty.Mul(v.Sub(c.Base)).DivRound(maxDev, 6))
	}
	b.WriteString(`<p class="tornado-base" aria-hidden="true">` + escapeHTML(c.l.tr("Baseline {0}", c.Format(c.Base))) + `</p>`)
	for _, r := range c.Rows {
		b.WriteString(`<div class="tornado-row" aria-hidden="true"><span class="tornado-label">` + escapeHTML(r.Label) +
			`</span><span class="tornado-track">`)
		for _, bar := range []struct {
			v     decimal.Decimal
			class string
		}{{r.Low, "series-a"}, {r.High, "series-b"}} {
			x0, x1 := fifty, pos(bar.v)
			if x1.LessThan(x0) {
				x0, x1 = x1, x0
			}
			b.WriteString(`<span class="tornado-bar ` + bar.class + `" style="left:` + x0.StringFixed(2) + `%;width:` +
				x1.Sub(x0).StringFixed(2) + `%"></span>`)
		}
		b.WriteString(`</span></div>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}
