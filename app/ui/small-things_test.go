//go:build !wasm

package ui

import (
	"net/url"
	"strings"
	"testing"

	"ltvlab/calc"
)

// TestTableHeaderRow: a spreadsheet's header row over the figures is left
// out, and the page says so; a table of figures is read whole.
func TestTableHeaderRow(t *testing.T) {
	p := pageFor(t, cohortSpec, "surv=&coh="+strings.ReplaceAll("Cohort\tMonth 0\tMonth 1\tMonth 2\n100\t60\t40\t30\n80\t50\t35", "\t", "%09"))
	s := p.scenario()
	if len(s.Cohorts) != 2 || s.Cohorts[0][0] != "100" {
		t.Fatalf("cohorts read %v, want the two rows of figures", s.Cohorts)
	}
	if html := renderPage(t, cohortSpec, "surv=&coh=Size%09M1%0A100%0960%0A80%0950"); !strings.Contains(html, "The first line reads as a header and is left out.") {
		t.Error("the page does not say that the header row is left out")
	}
	// A column with its title.
	p = pageFor(t, cohortSpec, "surv=Survival+%25%0A100%0A63.1%0A46.8")
	if got := p.scenario().SurvivalPct; len(got) != 3 {
		t.Errorf("survival read %v, want 3 figures", got)
	}
	// No header: a bad first figure is calc's to report.
	p = pageFor(t, cohortSpec, "surv=&coh=100%0960%0Ax%0950")
	if got := p.scenario().Cohorts; len(got) != 2 || p.headers["coh"] != "" {
		t.Errorf("cohorts read %v (header %v), want both rows", got, p.headers["coh"])
	}
}

// TestTableLabelColumn: a first column of cohort names is left out, with
// a header row or without.
func TestTableLabelColumn(t *testing.T) {
	for _, text := range []string{
		"Jan\t1000\t620\t480\nFeb\t800\t510",
		"Cohort\tSize\tM1\tM2\nJan\t1000\t620\t480\nFeb\t800\t510",
	} {
		p := newCalcPage(cohortSpec)
		p.text["surv"], p.text["coh"] = "", text
		s := p.scenario()
		if len(s.Cohorts) != 2 || s.Cohorts[0][0] != "1000" || s.Cohorts[1][0] != "800" {
			t.Errorf("%q read as %v", text, s.Cohorts)
		}
		if !strings.Contains(p.headers["coh"], "first column") {
			t.Errorf("%q: note %q", text, p.headers["coh"])
		}
	}
}

// TestPeriodSwitchConvertsDiscount: switching the cohort's period from year
// to month converts 10 % a year to the monthly rate that discounts as much
// over a year, and says so; and back.
func TestPeriodSwitchConvertsDiscount(t *testing.T) {
	p := pageFor(t, cohortSpec, "d=10")
	if !p.periodChanged(calc.PeriodYear, calc.PeriodMonth) {
		t.Fatal("the rate was not converted")
	}
	// 1.1^(1/12) - 1 = 0.0079741...
	if p.text["d"] != "0.7974" {
		t.Errorf("10 %% a year became %s %% a month, want 0.7974", p.text["d"])
	}
	if !strings.Contains(p.periodNote, "10% a year is 0.7974% a month") || !strings.Contains(p.periodNote, "margin and the horizon") {
		t.Errorf("note %q", p.periodNote)
	}
	p.periodChanged(calc.PeriodMonth, calc.PeriodYear)
	if p.text["d"] != "10" {
		t.Errorf("back to a year: %s %%", p.text["d"])
	}
	// Nothing to convert: the note still asks to check the margin.
	p = pageFor(t, cohortSpec, "d=")
	if p.periodChanged(calc.PeriodYear, calc.PeriodMonth) || !strings.Contains(p.periodNote, "margin and the horizon") {
		t.Errorf("with no rate: converted, note %q", p.periodNote)
	}
}

// TestTimingNote: paid at the end of each month, with no discount rate,
// the page says why the LTV is the one at signup.
func TestTimingNote(t *testing.T) {
	const note = "Without a discount rate, when a payment counts does not change the LTV"
	if html := renderPage(t, subscriptionSpec, "timing=end"); !strings.Contains(html, note) {
		t.Error("no note for payments at the end of the month without discounting")
	}
	for _, q := range []string{"timing=end&disc=10", "timing=start", "timing=after_first"} {
		if html := renderPage(t, subscriptionSpec, q); strings.Contains(html, note) {
			t.Errorf("?%s: the note shows", q)
		}
	}
}

// TestFiguresPutIntoFieldsReadBack: a figure the page writes into a field
// for the visitor (a converted discount rate, a goal-seek answer, the order
// page's fitted figures) is what the field's language reads as that figure:
// in Romanian "2.125" would be 2,125 and "0.797" 797.
func TestFiguresPutIntoFieldsReadBack(t *testing.T) {
	for _, lang := range []string{"en", "fr", "ro", "th"} {
		l := locale{Lang: lang, Currency: "EUR"}
		for _, s := range []string{"2.125", "0.797", "0.7974", "1500", "71.78", "-3.5", "10"} {
			if got := l.parse(l.typed(s)); got != s {
				t.Errorf("%s: %s typed as %q reads back as %s", lang, s, l.typed(s), got)
			}
		}
	}
	p := pageFor(t, cohortSpec, "d=10&lang=ro")
	if !p.periodChanged(calc.PeriodYear, calc.PeriodMonth) || p.text["d"] != "0,7974" {
		t.Errorf("ro: 10 %% a year converted to %q, want 0,7974", p.text["d"])
	}
	p = pageFor(t, subscriptionSpec, "lang=ro&cac=400")
	p.seek(p.spec.Goals[0])
	if p.goal.Key == "" {
		t.Fatalf("goal-seek %s: %q", p.spec.Goals[0].ID, p.goal.Answer)
	}
	want := p.goal.Value
	p.text[p.goal.Key] = p.loc.typed(p.goal.Value)
	if got := p.loc.parse(p.text[p.goal.Key]); got != want {
		t.Errorf("ro: goal-seek answer %s applied as %q, read as %s", want, p.text[p.goal.Key], got)
	}
	tx := fittedPage(t)
	tx.loc = locale{Lang: "ro", Currency: "RON"}
	u, err := url.Parse(tx.usePurchaseCalculator())
	if err != nil {
		t.Fatal(err)
	}
	q := u.Query()
	for key, want := range map[string]string{"aov": tx.val.PopulationOrderValue.StringFixed(2), "freq": tx.val.PurchasesPerYear().String(), "years": tx.val.HorizonYears.String(), "gm": "100"} {
		if got := tx.loc.parse(q.Get(key)); got != want {
			t.Errorf("ro: the purchase calculator's %s is %q, read as %s, want %s", key, q.Get(key), got, want)
		}
	}
}
