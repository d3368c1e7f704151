//go:build !wasm

package ui

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/app/internal/webtest"
	"ltvlab/calc"
)

// The hostile-input table of calc (calc/testdata/hostile.json, its "about"
// says how to read a row) is run here through the eval command and the
// calculator pages, natively, and in hostile_browser_test.go through the
// running app in Chromium.

// hostileFields are the fields of the table, with their model.
var hostileFields = []struct {
	spec  *pageSpec
	field string
}{
	{purchaseSpec, calc.FieldAverageOrderValue},
	{purchaseSpec, calc.FieldPurchasesPerYear},
	{purchaseSpec, calc.FieldGrossMarginPct},
	{purchaseSpec, calc.FieldCAC},
	{subscriptionSpec, calc.FieldARPAMonthly},
	{subscriptionSpec, calc.FieldMonthlyChurnPct},
	{subscriptionSpec, calc.FieldMonthlyExpansionPct},
	{subscriptionSpec, calc.FieldDiscountRateAnnualPct},
	{cohortSpec, calc.FieldCustomers},
	{cohortSpec, calc.FieldMarginPerPeriod},
	{cohortSpec, calc.FieldHorizonPeriods},
	{cohortSpec, calc.FieldDiscountRatePct},
}

// inputFor is the page's input for a scenario field.
func inputFor(tb testing.TB, spec *pageSpec, field string) inputSpec {
	tb.Helper()
	for _, in := range spec.allInputs() {
		if in.Field == field {
			return in
		}
	}
	tb.Fatalf("the %s page has no input for %s", spec.Model, field)
	return inputSpec{}
}

// TestHostilePage loads every row into the field's calculator, as a link
// or the prerender does (?KEY=TEXT&lang=LANG): the page shows the table's
// error under the input it names and no other, the last valid result stays,
// the prerendered HTML holds no NaN, infinity or markup of the input, and
// every goal seek answers in words and figures.
func TestHostilePage(t *testing.T) {
	for _, row := range webtest.LoadHostileRows(t) {
		t.Run(row.Name, func(t *testing.T) {
			for _, f := range hostileFields {
				in := inputFor(t, f.spec, f.field)
				want, on := row.Want(f.field, false)
				p := newCalcPage(f.spec)
				p.load(url.Values{in.Key: {row.Input()}, "lang": {row.Language()}})
				got := calc.FieldErrors(p.err)
				switch {
				case want == "ok" && len(got) != 0:
					t.Errorf("%s?%s=%s: errors %v, want none", f.spec.Path, in.Key, row.Short(), p.err)
				case want != "ok" && (len(got) != 1 || got[0].Field != on || got[0].Code != want):
					t.Errorf("%s?%s=%s: errors %v, want one %s error on %s", f.spec.Path, in.Key, row.Short(), p.err, want, on)
				}
				if want != "ok" && p.errorMessage(inputFor(t, f.spec, on)) == "" {
					t.Errorf("%s?%s=%s: no message under %s", f.spec.Path, in.Key, row.Short(), on)
				}
				if p.text[in.Key] != row.Input() {
					t.Errorf("%s?%s=%s: the input holds %q", f.spec.Path, in.Key, row.Short(), clipText(p.text[in.Key]))
				}
				html := app.HTMLString(p)
				for _, bad := range []string{"NaN", "Infinity", "undefined", "<script>alert", "<img src=x", " onfocus="} {
					if strings.Contains(html, bad) {
						t.Errorf("%s?%s=%s: the page holds %q", f.spec.Path, in.Key, row.Short(), bad)
					}
				}
				// Goal seek from these inputs: an answer or a reason, in words
				// and figures.
				for _, g := range f.spec.Goals {
					p.seek(g)
					if a := p.goal.Answer; a == "" || strings.Contains(a, "∞") || strings.Contains(a, "NaN") || strings.Contains(a, "e+") {
						t.Errorf("%s?%s=%s: goal %s answers %q", f.spec.Path, in.Key, row.Short(), g.ID, a)
					}
					if p.goal.Key != "" && p.err != nil {
						t.Errorf("%s?%s=%s: goal %s offers %s=%s for bad inputs", f.spec.Path, in.Key, row.Short(), g.ID, p.goal.Key, p.goal.Value)
					}
				}
			}
		})
	}
}

// TestSelectOptionsHaveValues: go-app writes no value attribute for an
// empty value, and an option without one has its label as value, which
// changes with the language: a menu would then put words of the page into
// the URL state. Every option needs a value of its own.
func TestSelectOptionsHaveValues(t *testing.T) {
	for _, spec := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		html := app.HTMLString(newCalcPage(spec))
		for _, opt := range regexp.MustCompile(`<option[^>]*>[^<]*`).FindAllString(html, -1) {
			if !strings.Contains(opt, ` value="`) {
				t.Errorf("%s page: %s has no value", spec.Model, opt)
			}
		}
	}
}
