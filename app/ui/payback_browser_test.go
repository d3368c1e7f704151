//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
)

// TestBrowserPaybackAgrees: the cohort payback month of the result panel is
// the month of the first row of the cumulative-margin chart's table that
// reaches the CAC, with yearly periods too, and the cohort's chart runs to
// its horizon, no further.
func TestBrowserPaybackAgrees(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	for _, tt := range []struct {
		path      string
		wantMonth string // the panel's cohort payback
		lastMonth string // the last row of the chart's table
	}{
		// A horizon of 12 years (the page's default), then 20: the last
		// year's margin, paid in its first month, is in month 133, then 229.
		{"/cohort?per=year&cac=150", "month 13", "133"},
		{"/cohort?per=year&cac=150&hzp=20", "month 13", "229"},
		{"/subscription?bill=annual&achurn=20&cac=1000", "month 13", ""},
		{"/subscription?bill=annual&achurn=20&cac=1000&timing=end", "month 24", ""},
		{"/subscription?cac=400", "month 6", ""},
	} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+tt.path), waitApp(), chromedp.WaitReady(chromedp.CSS("#payback-chart table"))); err != nil {
			t.Fatalf("%s: %v", tt.path, err)
		}
		panel := text(t, ctx, "#cohort-payback .result-figure")
		if panel != tt.wantMonth {
			t.Errorf("%s: cohort payback %q, want %q", tt.path, panel, tt.wantMonth)
		}
		rows, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](`Array.from(document.querySelectorAll("#payback-chart tbody tr")).map((tr) => Array.from(tr.children).map((c) => c.textContent))`))
		if err != nil || len(rows) < 2 {
			t.Fatalf("%s: chart table %v, %v", tt.path, rows, err)
		}
		money := func(s string) decimal.Decimal {
			d, err := decimal.NewFromString(strings.NewReplacer("$", "", ",", "").Replace(s))
			if err != nil {
				t.Fatalf("%s: %q is not an amount", tt.path, s)
			}
			return d
		}
		first := ""
		for _, r := range rows {
			if money(r[1]).Cmp(money(r[2])) >= 0 && r[0] != "0" {
				first = "month " + r[0]
				break
			}
		}
		if first != panel {
			t.Errorf("%s: the panel says %q, the chart's table reaches the CAC in %q", tt.path, panel, first)
		}
		if last := rows[len(rows)-1][0]; tt.lastMonth != "" && last != tt.lastMonth {
			t.Errorf("%s: the chart ends in month %s, want %s (the horizon)", tt.path, last, tt.lastMonth)
		}
	}
}
