//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"ltvlab/app/internal/webtest"
	"ltvlab/calc"
)

// hostileFields are the fields of the hostile-input table, with their model.
var hostileFields = []struct{ model, field string }{
	{calc.ModelPurchase, calc.FieldAverageOrderValue},
	{calc.ModelPurchase, calc.FieldPurchasesPerYear},
	{calc.ModelPurchase, calc.FieldGrossMarginPct},
	{calc.ModelPurchase, calc.FieldCAC},
	{calc.ModelSubscription, calc.FieldARPAMonthly},
	{calc.ModelSubscription, calc.FieldMonthlyChurnPct},
	{calc.ModelSubscription, calc.FieldMonthlyExpansionPct},
	{calc.ModelSubscription, calc.FieldDiscountRateAnnualPct},
	{calc.ModelCohort, calc.FieldCustomers},
	{calc.ModelCohort, calc.FieldMarginPerPeriod},
	{calc.ModelCohort, calc.FieldHorizonPeriods},
	{calc.ModelCohort, calc.FieldDiscountRatePct},
}

// hostileScenario is a valid scenario at the pages' default figures, as
// JSON, with field set to text.
func hostileScenario(tb testing.TB, model string, field, text string) []byte {
	tb.Helper()
	doc := map[string]any{"model": model, "cac": "100"}
	switch model {
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
	for _, row := range webtest.LoadHostileRows(t) {
		t.Run(row.Name, func(t *testing.T) {
			for i, f := range hostileFields {
				file := filepath.Join(dir, f.field+".json")
				if err := os.WriteFile(file, hostileScenario(t, f.model, f.field, row.Input()), 0o644); err != nil {
					t.Fatal(err)
				}
				var stdout, stderr bytes.Buffer
				code := run([]string{"eval", file}, &stdout, &stderr)
				want, on := row.Want(f.field, true)
				if want == "ok" {
					if code != 0 {
						t.Errorf("eval with %s = %s: exit %d, want 0; stderr:\n%s", f.field, row.Short(), code, stderr.String())
					}
					for _, bad := range []string{"NaN", "Inf", "e+", "E+"} {
						if strings.Contains(stdout.String(), bad) {
							t.Errorf("eval with %s = %s prints %q:\n%s", f.field, row.Short(), bad, stdout.String())
						}
					}
					continue
				}
				lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
				if code != 2 || len(lines) != 1 || !strings.Contains(lines[0], ": bad input: "+on+": ") || len(lines[0]) > 500 {
					t.Errorf("eval with %s = %s (%d): exit %d, stderr %q; want exit 2 and one line naming %s", f.field, row.Short(), i, code, webtest.ClipText(stderr.String()), on)
				}
				if stdout.Len() != 0 {
					t.Errorf("eval with %s = %s printed a report for bad input", f.field, row.Short())
				}
			}
		})
	}
}
