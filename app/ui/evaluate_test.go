//go:build !wasm

package ui

import (
	"strings"
	"testing"
)

// TestLTVDetail: the line under the LTV says what was computed, every
// setting that changes the figure named, and counts in the right number.
func TestLTVDetail(t *testing.T) {
	for _, tt := range []struct {
		spec  *pageSpec
		query string
		want  string
	}{
		{subscriptionSpec, "", "$80.00 of margin a month over an expected 20 months"},
		{subscriptionSpec, "exp=1", "$80.00 of margin a month over an expected 20 months, growing 1% a month"},
		{subscriptionSpec, "disc=10", "$80.00 of margin a month over an expected 20 months, discounted at 10% a year"},
		{subscriptionSpec, "mchurn=0&hz=36", "$80.00 of margin a month, with no churn, counted for 36 months"},
		{subscriptionSpec, "mchurn=100&timing=end", "$80.00 of margin a month over an expected 1 month, each payment counted at the end of its month"},
		{subscriptionSpec, "bill=annual&achurn=20&timing=after_first", "paid a year ahead, with an annual churn of 20%, the first payment left out"},
		{purchaseSpec, "years=1", "$100.00 a year (2 x $50.00) x 1 year"},
		{purchaseSpec, "years=2.5", "$100.00 a year (2 x $50.00) x 2.5 years"},
		{cohortSpec, "a=1&b=1&d=100&surv=", "Margin x discounted expected lifetime (1"},
	} {
		p := pageFor(t, tt.spec, tt.query)
		if !strings.Contains(p.view.LTVDetail, tt.want) {
			t.Errorf("%s?%s: %q, want %q in it", tt.spec.Model, tt.query, p.view.LTVDetail, tt.want)
		}
	}
	// No churn is said as it is: no talk of expansion.
	p := pageFor(t, subscriptionSpec, "mchurn=0&hz=36")
	for _, r := range p.view.Rows {
		if r.ID == "lifetime" && (r.Note != "No churn: a customer never leaves" || r.Value != "no end") {
			t.Errorf("lifetime with no churn: %q, %q", r.Value, r.Note)
		}
	}
}

// TestPlural: one and other, by each language's rule.
func TestPlural(t *testing.T) {
	for _, tt := range []struct {
		lang, n, want string
	}{
		{"en", "1", "1 month"}, {"en", "1.5", "1.5 months"}, {"en", "0", "0 months"}, {"en", "2", "2 months"},
		{"fr", "1", "1 mois"}, {"fr", "1.5", "1.5 mois"}, {"fr", "0", "0 mois"},
		{"ro", "1", "1 lună"}, {"ro", "2", "2 luni"}, {"ro", "1.5", "1.5 luni"}, {"ro", "20", "20 de luni"},
		{"ro", "25", "25 de luni"}, {"ro", "101", "101 luni"}, {"ro", "119", "119 luni"}, {"ro", "100", "100 de luni"},
		{"th", "1", "1 เดือน"},
	} {
		l := locale{Lang: tt.lang, Currency: "USD"}
		if got := l.plural(tt.n, "{0} month", "{0} months", l.number(tt.n)); got != tt.want {
			t.Errorf("%s: plural(%s) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
	l := locale{Lang: "fr", Currency: "USD"}
	if got := l.plural("1.5", "{0} year", "{0} years", "1,5"); got != "1,5 an" {
		t.Errorf("fr: 1.5 years = %q, want 1,5 an", got)
	}
}
