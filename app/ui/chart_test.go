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
		`<title id="survival-title">Survival &lt;by&gt; year</title>`,
		`<desc id="survival-desc">Observed &amp; fitted</desc>`,
		// 100 is the top of the axis (y = padT = 16), 0 the bottom (y = 260):
		// 60 sits at 260 - 244 x 0.6 = 113.6.
		`points="96.0,16.0 360.0,113.6 624.0,150.2"`,
		`points="96.0,16.0 360.0,108.7"`,
		"<td>60.0%</td>", "<td>62.0%</td>",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("chart lacks %s\n%s", want, html)
		}
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
