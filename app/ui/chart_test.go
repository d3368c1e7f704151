//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

func TestNiceCeil(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0", "0"}, {"-3", "0"}, {"1", "1"}, {"1.2", "2"}, {"2.4", "2.5"}, {"3", "5"},
		{"7", "10"}, {"100", "100"}, {"101", "200"}, {"2400", "2500"}, {"0.37", "0.5"}, {"0.05", "0.05"},
	}
	for _, tt := range tests {
		if got := niceCeil(mustDecimal(t, tt.in)); !got.Equal(mustDecimal(t, tt.want)) {
			t.Errorf("niceCeil(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestLineChart(t *testing.T) {
	c := lineChart{
		ID: "survival", Title: "Survival <by> year", Desc: "Observed & fitted",
		XLabel: "Year", X: []string{"0", "1", "2"},
		Series: []chartSeries{
			{Name: "Observed", Class: "series-a", Values: []decimal.Decimal{decimal.NewFromInt(100), decimal.NewFromInt(60), decimal.NewFromInt(45)}},
			{Name: "Fitted", Class: "series-b", Dashed: true, Values: []decimal.Decimal{decimal.NewFromInt(100), decimal.NewFromInt(62)}},
		},
		Format: func(d decimal.Decimal) string { return d.StringFixed(1) + "%" },
	}
	html := app.HTMLString(c.render())
	for _, want := range []string{
		`role="img"`, `aria-labelledby="survival-title survival-desc"`,
		`<span class="visually-hidden" id="survival-title">Survival &lt;by&gt; year</span>`,
		`<span class="visually-hidden" id="survival-desc">Observed &amp; fitted</span>`,
		// In a 1000 x 1000 plot: 100 is the top of the axis (y = 0), 0 the
		// bottom (y = 1000): 60 sits at 400, 45 at 550, 62 at 380.
		`points="0.0,0.0 500.0,400.0 1000.0,550.0"`,
		`points="0.0,0.0 500.0,380.0"`,
		`<path class="chart-dot series-a" d="M500.0 400.0h0"/>`,
		// The y labels, top first; the x labels placed along the plot.
		`<div class="plot-y" aria-hidden="true"><span>100.0%</span><span>75.0%</span><span>50.0%</span><span>25.0%</span><span>0.0%</span></div>`,
		`<span class="plot-xlabel plot-first" style="left:0.00%">0</span>`,
		`<span class="plot-xlabel plot-odd" style="left:50.00%">1</span>`,
		`<span class="plot-xlabel plot-last" style="left:100.00%">2</span>`,
		"<td>60.0%</td>", "<td>62.0%</td>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("chart lacks %s\n%s", want, html)
		}
	}
}

// TestTornado: a bar per input on its own line, around the baseline in the
// middle, the widest swing reaching the edge; the inputs that do not move
// the result are named, not drawn.
func TestTornado(t *testing.T) {
	d := func(s string) decimal.Decimal { return mustDecimal(t, s) }
	c := tornadoChart{ID: "t", Title: "T", Base: d("100"), Format: func(v decimal.Decimal) string { return v.String() },
		Rows:  []tornadoRow{{Label: "Order <value>", Low: d("80"), High: d("120")}, {Label: "Years", Low: d("90"), High: d("105")}},
		Still: []string{"CAC"}, l: defaultLocale}
	html := app.HTMLString(c.render())
	for _, want := range []string{
		`<span class="tornado-label">Order &lt;value&gt;</span>`,
		`<span class="tornado-bar series-a" style="left:0.00%;width:50.00%"></span><span class="tornado-bar series-b" style="left:50.00%;width:50.00%"></span>`,
		`<span class="tornado-bar series-a" style="left:25.00%;width:25.00%"></span><span class="tornado-bar series-b" style="left:50.00%;width:12.50%"></span>`,
		`Not shown, as they leave the LTV as it is: CAC.`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("tornado lacks %s\n%s", want, html)
		}
	}
	if strings.Contains(html, `>CAC</span>`) {
		t.Error("the tornado draws an input that does not move the result")
	}
}

// TestChartData: the data table is written as HTML text, every header and
// cell escaped, and starts with its <table> element (go-app mounts the
// first node of a raw string).
func TestChartData(t *testing.T) {
	html := app.HTMLString(chartData("Data <1>", "Label", []string{"Month", "A<b"}, [][]string{{"x&y", "<script>alert(1)</script>"}, {"2", ""}}))
	for _, want := range []string{
		`<summary>Data &lt;1&gt;</summary>`,
		`<table><thead><tr><th scope="col">Month</th><th scope="col">A&lt;b</th></tr></thead><tbody>`,
		`<tr><th scope="row">x&amp;y</th><td>&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>`,
		`<tr><th scope="row">2</th><td></td></tr></tbody></table>`,
		`aria-label="Label"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("data table lacks %s\n%s", want, html)
		}
	}
	if strings.Contains(html, "<script>") {
		t.Errorf("a cell's markup got through:\n%s", html)
	}
}

// TestXLabelAt: the x labels are at least an eighth of the plot apart, the
// first and the last always among them, on points evenly spaced or placed
// by their months (a yearly cohort: months 0, 1, 13, ..., 133).
func TestXLabelAt(t *testing.T) {
	yearly := []int64{0}
	for m := int64(1); m <= 133; m += 12 {
		yearly = append(yearly, m)
	}
	tests := []struct {
		name string
		at   []int64 // the points' positions, in months
	}{
		{"a yearly cohort of 12 years", yearly},
		{"61 months", func() []int64 {
			var a []int64
			for m := int64(0); m <= 60; m++ {
				a = append(a, m)
			}
			return a
		}()},
		{"5 points", []int64{0, 1, 2, 3, 4}},
	}
	gap := decimal.NewFromInt(plotSize / maxXLabels)
	for _, tt := range tests {
		n := len(tt.at)
		last := decimal.NewFromInt(tt.at[n-1])
		x := func(i int) decimal.Decimal {
			return decimal.NewFromInt(plotSize).Mul(decimal.NewFromInt(tt.at[i])).Div(last)
		}
		got := xLabelAt(n, x)
		if got[0] != 0 || got[len(got)-1] != n-1 || len(got) > maxXLabels+1 {
			t.Errorf("%s: labels at %v, want the first and the last, at most %d", tt.name, got, maxXLabels+1)
		}
		for k := 1; k < len(got); k++ {
			if d := x(got[k]).Sub(x(got[k-1])); n > maxXLabels && d.LessThan(gap) {
				t.Errorf("%s: labels %d and %d are %s apart, under %s", tt.name, got[k-1], got[k], d, gap)
			}
		}
	}
}
