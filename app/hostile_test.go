//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/calc"
)

// The hostile-input table of calc (calc/testdata/hostile.json, its "about"
// says how to read a row) is run here through the eval command and the
// calculator pages, natively, and in hostile_browser_test.go through the
// running app in Chromium.

// hostileRow is one row of the table.
type hostileRow struct {
	Name   string            `json:"name"`
	In     string            `json:"in"`
	Repeat int               `json:"repeat"`
	Lang   string            `json:"lang"`
	Want   string            `json:"want"`
	Value  string            `json:"value"`
	Fields map[string]string `json:"fields"`
	Plain  string            `json:"plain"`
}

// text is the input of the row.
func (r hostileRow) text() string {
	if r.Repeat > 0 {
		return strings.Repeat(r.In, r.Repeat)
	}
	return r.In
}

// lang is the language the row is typed in.
func (r hostileRow) lang() string {
	if r.Lang == "" {
		return "en"
	}
	return r.Lang
}

// want is the outcome of the row in field: "ok", or the code of the error
// and the field it names. plain asks for the text read without a language.
func (r hostileRow) want(field string, plain bool) (code, on string) {
	code = r.Want
	if c, ok := r.Fields[field]; ok {
		code = c
	}
	if plain && r.Plain != "" {
		code = r.Plain
	}
	code, on, _ = strings.Cut(code, "@")
	if on == "" {
		on = field
	}
	return code, on
}

// short names a row's input in a failure message.
func (r hostileRow) short() string {
	t := r.text()
	if len(t) > 40 {
		t = t[:40] + "..."
	}
	return jsString(t)
}

func loadHostileRows(tb testing.TB) []hostileRow {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("..", "calc", "testdata", "hostile.json"))
	if err != nil {
		tb.Fatal(err)
	}
	var table struct{ Rows []hostileRow }
	if err := json.Unmarshal(b, &table); err != nil {
		tb.Fatalf("hostile.json: %v", err)
	}
	if len(table.Rows) < 50 {
		tb.Fatalf("hostile.json has %d rows, want at least 50", len(table.Rows))
	}
	return table.Rows
}

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

// hostileScenario is a valid scenario at the pages' default figures, as
// JSON, with field set to text.
func hostileScenario(tb testing.TB, spec *pageSpec, field, text string) []byte {
	tb.Helper()
	doc := map[string]any{"model": spec.Model, "cac": "100"}
	switch spec.Model {
	case calc.ModelPurchase:
		doc["average_order_value"], doc["purchases_per_year"], doc["lifetime_years"] = "50", "2", "3"
	case calc.ModelSubscription:
		doc["arpa_monthly"], doc["gross_margin_pct"], doc["monthly_churn_pct"], doc["cac"] = "100", "80", "5", "400"
	case calc.ModelCohort:
		doc["customers"], doc["margin_per_period"], doc["discount_rate_pct"], doc["horizon_periods"], doc["renewals"] = "1000", "100", "10", "12", "0"
		doc["survival_pct"] = []string{"100", "63.1", "46.8", "38.2", "32.6", "28.9", "26.2", "24.1"}
		doc["period"] = calc.PeriodYear
	}
	doc[field] = text
	b, err := json.Marshal(doc)
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// TestHostileEval runs the eval command on a scenario file per row and
// field, the text written into the file as it is: a bad one exits 2 with
// one short line on stderr naming the field (a 10,000-digit input is not
// echoed whole); a good one prints a report without NaN or infinities.
func TestHostileEval(t *testing.T) {
	dir := t.TempDir()
	for _, row := range loadHostileRows(t) {
		t.Run(row.Name, func(t *testing.T) {
			for i, f := range hostileFields {
				file := filepath.Join(dir, f.field+".json")
				if err := os.WriteFile(file, hostileScenario(t, f.spec, f.field, row.text()), 0o644); err != nil {
					t.Fatal(err)
				}
				var stdout, stderr bytes.Buffer
				code := run([]string{"eval", file}, &stdout, &stderr)
				want, on := row.want(f.field, true)
				if want == "ok" {
					if code != 0 {
						t.Errorf("eval with %s = %s: exit %d, want 0; stderr:\n%s", f.field, row.short(), code, stderr.String())
					}
					for _, bad := range []string{"NaN", "Inf", "e+", "E+"} {
						if strings.Contains(stdout.String(), bad) {
							t.Errorf("eval with %s = %s prints %q:\n%s", f.field, row.short(), bad, stdout.String())
						}
					}
					continue
				}
				lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
				if code != 2 || len(lines) != 1 || !strings.Contains(lines[0], ": bad input: "+on+": ") || len(lines[0]) > 500 {
					t.Errorf("eval with %s = %s (%d): exit %d, stderr %q; want exit 2 and one line naming %s", f.field, row.short(), i, code, clipText(stderr.String()), on)
				}
				if stdout.Len() != 0 {
					t.Errorf("eval with %s = %s printed a report for bad input", f.field, row.short())
				}
			}
		})
	}
}

// TestHostilePage loads every row into the field's calculator, as a link
// or the prerender does (?KEY=TEXT&lang=LANG): the page shows the table's
// error under the input it names and no other, the last valid result stays,
// the prerendered HTML holds no NaN, infinity or markup of the input, and
// every goal seek answers in words and figures.
func TestHostilePage(t *testing.T) {
	for _, row := range loadHostileRows(t) {
		t.Run(row.Name, func(t *testing.T) {
			for _, f := range hostileFields {
				in := inputFor(t, f.spec, f.field)
				want, on := row.want(f.field, false)
				p := newCalcPage(f.spec)
				p.load(url.Values{in.Key: {row.text()}, "lang": {row.lang()}})
				got := calc.FieldErrors(p.err)
				switch {
				case want == "ok" && len(got) != 0:
					t.Errorf("%s?%s=%s: errors %v, want none", f.spec.Path, in.Key, row.short(), p.err)
				case want != "ok" && (len(got) != 1 || got[0].Field != on || got[0].Code != want):
					t.Errorf("%s?%s=%s: errors %v, want one %s error on %s", f.spec.Path, in.Key, row.short(), p.err, want, on)
				}
				if want != "ok" && p.errorMessage(inputFor(t, f.spec, on)) == "" {
					t.Errorf("%s?%s=%s: no message under %s", f.spec.Path, in.Key, row.short(), on)
				}
				if p.text[in.Key] != row.text() {
					t.Errorf("%s?%s=%s: the input holds %q", f.spec.Path, in.Key, row.short(), clipText(p.text[in.Key]))
				}
				html := app.HTMLString(p)
				for _, bad := range []string{"NaN", "Infinity", "undefined", "<script>alert", "<img src=x", " onfocus="} {
					if strings.Contains(html, bad) {
						t.Errorf("%s?%s=%s: the page holds %q", f.spec.Path, in.Key, row.short(), bad)
					}
				}
				// Goal seek from these inputs: an answer or a reason, in words
				// and figures.
				for _, g := range f.spec.Goals {
					p.seek(g)
					if a := p.goal.Answer; a == "" || strings.Contains(a, "∞") || strings.Contains(a, "NaN") || strings.Contains(a, "e+") {
						t.Errorf("%s?%s=%s: goal %s answers %q", f.spec.Path, in.Key, row.short(), g.ID, a)
					}
					if p.goal.Key != "" && p.err != nil {
						t.Errorf("%s?%s=%s: goal %s offers %s=%s for bad inputs", f.spec.Path, in.Key, row.short(), g.ID, p.goal.Key, p.goal.Value)
					}
				}
			}
		})
	}
}

// clipText shortens a text quoted in a failure message.
func clipText(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
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
