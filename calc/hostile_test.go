package calc

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// hostileRow is one row of testdata/hostile.json, the table of hostile
// inputs that calc, the eval command and the UI are all checked against
// (its "about" says how to read a row).
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

// hostileFields are the fields each row is typed into, by model.
var hostileFields = []struct{ model, field string }{
	{ModelPurchase, FieldAverageOrderValue},
	{ModelPurchase, FieldPurchasesPerYear},
	{ModelPurchase, FieldGrossMarginPct},
	{ModelPurchase, FieldCAC},
	{ModelSubscription, FieldARPAMonthly},
	{ModelSubscription, FieldMonthlyChurnPct},
	{ModelSubscription, FieldMonthlyExpansionPct},
	{ModelSubscription, FieldDiscountRateAnnualPct},
	{ModelCohort, FieldCustomers},
	{ModelCohort, FieldMarginPerPeriod},
	{ModelCohort, FieldHorizonPeriods},
	{ModelCohort, FieldDiscountRatePct},
}

// hostileBase is the valid scenario of each model that a row is typed
// into: the UI's default figures.
func hostileBase(model string) Scenario {
	switch model {
	case ModelSubscription:
		return Scenario{Model: model, ARPAMonthly: "100", GrossMarginPct: "80", MonthlyChurnPct: "5", CAC: "400"}
	case ModelCohort:
		return Scenario{Model: model, Customers: "1000", SurvivalPct: []Number{"100", "63.1", "46.8", "38.2", "32.6", "28.9", "26.2", "24.1"},
			Period: PeriodYear, MarginPerPeriod: "100", DiscountRatePct: "10", HorizonPeriods: "12", Renewals: "0", CAC: "100"}
	}
	return Scenario{Model: ModelPurchase, AverageOrderValue: "50", PurchasesPerYear: "2", LifetimeYears: "3", CAC: "100"}
}

func loadHostile(t *testing.T) []hostileRow {
	t.Helper()
	b, err := os.ReadFile("testdata/hostile.json")
	if err != nil {
		t.Fatal(err)
	}
	var table struct{ Rows []hostileRow }
	if err := json.Unmarshal(b, &table); err != nil {
		t.Fatalf("testdata/hostile.json: %v", err)
	}
	known := map[string]bool{}
	for _, f := range hostileFields {
		known[f.field] = true
	}
	for _, r := range table.Rows {
		for f := range r.Fields {
			if !known[f] {
				t.Fatalf("row %q names field %q, which is not typed into", r.Name, f)
			}
		}
		if r.Want == "" {
			t.Fatalf("row %q has no want", r.Name)
		}
	}
	if len(table.Rows) < 50 {
		t.Fatalf("testdata/hostile.json has %d rows, want at least 50", len(table.Rows))
	}
	return table.Rows
}

// TestHostileInputs types every hostile input into every field of the
// table, in its language and as plain text: either the scenario is valid
// and the field reads the row's figure, or Evaluate returns exactly one
// *FieldError, on the field the row says, with the row's code. Nothing
// panics and no result holds NaN or an infinity.
func TestHostileInputs(t *testing.T) {
	for _, row := range loadHostile(t) {
		t.Run(row.Name, func(t *testing.T) {
			for _, f := range hostileFields {
				for _, plain := range []bool{false, true} {
					text := row.text()
					if !plain {
						text = NormalizeNumber(text, row.Lang)
					}
					s := hostileBase(f.model)
					n, _ := fieldByName(f.field)
					*s.number(n) = Number(text)
					r, err := s.Evaluate()
					code, on := row.want(f.field, plain)
					how := "typed in " + row.Lang
					if row.Lang == "" {
						how += LocaleEN
					}
					if plain {
						how = "as plain text"
					}
					if code == "ok" {
						if err != nil {
							t.Errorf("%s = %q (%s): %v, want a valid scenario", f.field, row.text(), how, err)
							continue
						}
						checkResult(t, r)
						if row.Value != "" && !plain {
							if d, _ := ParseDecimal(f.field, text); !d.Equal(mustDecimal(t, row.Value)) {
								t.Errorf("%s = %q (%s) reads as %s, want %s", f.field, row.text(), how, d, row.Value)
							}
						}
						continue
					}
					fes := FieldErrors(err)
					if len(fes) != 1 || fes[0].Field != on || fes[0].Code != code {
						t.Errorf("%s = %q (%s): errors %v, want one %s error on %s", f.field, clip(row.text()), how, err, code, on)
					}
				}
			}
		})
	}
}
