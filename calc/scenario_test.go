package calc

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseScenario(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want Scenario
	}{
		{"strings", `{"model":"purchase","average_order_value":"50"}`, Scenario{Model: ModelPurchase, AverageOrderValue: "50"}},
		{"numbers", `{"model":"purchase","average_order_value":50.25,"purchases_per_year":-2}`, Scenario{Model: ModelPurchase, AverageOrderValue: "50.25", PurchasesPerYear: "-2"}},
		{"exponent", `{"model":"purchase","average_order_value":2.5e3,"lifetime_years":1E-2}`, Scenario{Model: ModelPurchase, AverageOrderValue: "2500", LifetimeYears: "0.01"}},
		{"huge exponent kept", `{"model":"purchase","average_order_value":1e999}`, Scenario{Model: ModelPurchase, AverageOrderValue: "1e999"}},
		// Longer than any figure: kept unread, and refused as too long.
		{"long exponent kept", `{"model":"purchase","average_order_value":1.` + strings.Repeat("0", 39) + `e3}`,
			Scenario{Model: ModelPurchase, AverageOrderValue: Number("1." + strings.Repeat("0", 39) + "e3")}},
		{"null", `{"model":"purchase","average_order_value":null,"what_if":null}`, Scenario{Model: ModelPurchase}},
		{"byte order mark", "\xef\xbb\xbf{\"model\":\"purchase\"}", Scenario{Model: ModelPurchase}},
		{"text as typed", `{"model":"purchase","average_order_value":" 50 "}`, Scenario{Model: ModelPurchase, AverageOrderValue: " 50 "}},
		{"arrays", `{"model":"cohort","survival_counts":[100,"80",60],"cohorts":[[1,"1"],[2]]}`, Scenario{Model: ModelCohort,
			SurvivalCounts: []Number{"100", "80", "60"}, Cohorts: [][]Number{{"1", "1"}, {"2"}}}},
		{"tools", `{"model":"subscription","what_if":{"churn_change_points":"-1","annual_billing":true,"set":{"arpa_monthly":120}},"sensitivity":{"pct":"20"},"goal_seek":{"input":"cac"}}`,
			Scenario{Model: ModelSubscription, Changes: &Changes{ChurnChangePoints: "-1", AnnualBilling: true, Set: map[string]Number{"arpa_monthly": "120"}},
				SensitivitySpec: &SensitivitySpec{Pct: "20"}, Goal: &Goal{Input: "cac"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseScenario([]byte(tt.doc))
			if err != nil {
				t.Fatalf("ParseScenario(%s): %v", tt.doc, err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseScenario(%s) = %+v, want %+v", tt.doc, got, tt.want)
			}
		})
	}
}

func TestParseScenarioErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want map[string]string
	}{
		{"not JSON", `{"model":`, map[string]string{"": CodeInvalid}},
		{"not an object", `[1,2]`, map[string]string{"": CodeInvalid}},
		{"null", `null`, map[string]string{"": CodeInvalid}},
		{"trailing", `{} {}`, map[string]string{"": CodeInvalid}},
		{"unknown field", `{"model":"purchase","monthly_chrun_pct":"5"}`, map[string]string{"monthly_chrun_pct": CodeUnknown}},
		{"bool for number", `{"model":"purchase","average_order_value":true}`, map[string]string{FieldAverageOrderValue: CodeInvalid}},
		{"object for number", `{"model":"purchase","average_order_value":{}}`, map[string]string{FieldAverageOrderValue: CodeInvalid}},
		{"number for model", `{"model":1}`, map[string]string{FieldModel: CodeInvalid}},
		{"flat array for cohorts", `{"cohorts":[1,2]}`, map[string]string{FieldCohorts: CodeInvalid}},
		{"nested unknown", `{"what_if":{"churn":"1"}}`, map[string]string{"what_if.churn": CodeUnknown}},
		{"nested kind", `{"goal_seek":{"input":3}}`, map[string]string{"goal_seek.input": CodeInvalid}},
		{"nested not object", `{"sensitivity":"10"}`, map[string]string{"sensitivity": CodeInvalid}},
		{"several", `{"a":1,"b":2}`, map[string]string{"a": CodeUnknown, "b": CodeUnknown}},
		{"too large", `{"model":"` + strings.Repeat("x", MaxScenarioBytes) + `"}`, map[string]string{"": CodeTooLong}},
		{"two models", `{"model":"purchase","average_order_value":"50","model":"cohort"}`, map[string]string{FieldModel: CodeDuplicate}},
		{"two models, one escaped", `{"model":"purchase","\u006dodel":"cohort"}`, map[string]string{FieldModel: CodeDuplicate}},
		{"nested twice", `{"what_if":{"cac_change_pct":"1","cac_change_pct":"2"}}`, map[string]string{"what_if.cac_change_pct": CodeDuplicate}},
		{"unknown twice", `{"x":1,"x":2}`, map[string]string{"x": CodeDuplicate}},
		{"not UTF-8", "{\"model\":\"purchase\",\"cash_timing\":\"\xff\xfe\"}", map[string]string{"": CodeEncoding}},
		{"Latin-1", "{\"model\":\"caf\xe9\"}", map[string]string{"": CodeEncoding}},
		{"byte order mark twice", "\xef\xbb\xbf\xef\xbb\xbf{}", map[string]string{"": CodeInvalid}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseScenario([]byte(tt.doc))
			if got := codes(err); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("ParseScenario(%.60s) errors = %v, want %v", tt.doc, got, tt.want)
			}
		})
	}
}

func TestEvaluateModelErrors(t *testing.T) {
	for _, tt := range []struct{ model, code string }{{"", CodeRequired}, {"lease", CodeInvalid}} {
		_, err := Scenario{Model: tt.model}.Evaluate()
		if fe := ErrorFor(err, FieldModel); fe == nil || fe.Code != tt.code {
			t.Errorf("Evaluate(model %q) error = %v, want %s", tt.model, err, tt.code)
		}
	}
}

// TestScenarioRoundTrip: a scenario written by MarshalJSON reads back the
// same, with every number as a JSON string and nothing not given.
func TestScenarioRoundTrip(t *testing.T) {
	s := Scenario{Model: ModelCohort, Customers: "1000", SurvivalPct: []Number{"100", "63.1", "46.8"},
		MarginPerPeriod: "100", Changes: &Changes{CACChangePct: "-10"}, CAC: "80"}
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"model":"cohort","survival_pct":["100","63.1","46.8"],"customers":"1000","margin_per_period":"100","cac":"80","what_if":{"cac_change_pct":"-10"}}`
	if string(b) != want {
		t.Errorf("json.Marshal(%+v) = %s, want %s", s, b, want)
	}
	back, err := ParseScenario(b)
	if err != nil || !reflect.DeepEqual(back, s) {
		t.Errorf("ParseScenario(%s) = %+v, %v, want %+v", b, back, err, s)
	}
}

// TestObjectKeys: the members' names of an object, unescaped, in order,
// with the nested objects' and the strings' contents left out.
func TestObjectKeys(t *testing.T) {
	doc := `{"a":"x:\"{","b":{"c":1,"d":[{"e":2}]},"\u0061":3 , "f" : "}", "g":[":"]}`
	if got := fmt.Sprint(objectKeys([]byte(doc))); got != "[a b a f g]" {
		t.Errorf("objectKeys(%s) = %s, want [a b a f g]", doc, got)
	}
}

// TestFieldErrorNames: the name of an unknown field is the visitor's text,
// as a value is: the error keeps it short and prints it quoted, so that a
// 200 KB name or a direction override reaches no terminal or page whole.
func TestFieldErrorNames(t *testing.T) {
	long := "\u202e" + strings.Repeat("n", 200<<10)
	tests := []struct {
		doc, want string // want: the start of Error()
	}{
		{`{"model":"purchase","` + long + `":1}`, `"\u202e` + strings.Repeat("n", 2*MaxInputLen-1) + `...": not a field`},
		{`{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","what_if":{"set":{"` + long + `":"1"}}}`, `"what_if.set.\u202e`},
		{`{"model":"purchase","a\nb":1}`, `"a\nb": not a field`},
		{`{"model":"purchase","monthly_chrun_pct":1}`, `monthly_chrun_pct: not a field`},
	}
	for _, tt := range tests {
		s, err := ParseScenario([]byte(tt.doc))
		if err == nil {
			_, err = s.Run()
		}
		fes := FieldErrors(err)
		if len(fes) != 1 {
			t.Fatalf("%.60q: errors %v, want one", tt.doc, err)
		}
		msg := fes[0].Error()
		if !strings.HasPrefix(msg, tt.want) || len(msg) > 300 || strings.ContainsAny(msg, "\u202e\n") || utf8.RuneCountInString(fes[0].Field) > 2*MaxInputLen+3 {
			t.Errorf("%.60q: error %.200q (field of %d characters), want it to start with %q, short and escaped", tt.doc, msg, utf8.RuneCountInString(fes[0].Field), tt.want)
		}
	}
}

func TestFieldErrorMessage(t *testing.T) {
	_, err := ParseScenario([]byte(`{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"x"}`))
	if err != nil {
		t.Fatal(err)
	}
	_, err = mustScenario(t, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"x"}`).Evaluate()
	if got, want := err.Error(), `monthly_churn_pct: not a number (got "x")`; got != want {
		t.Errorf("Error() = %s, want %s", got, want)
	}
}

func ExampleParseScenario() {
	s, err := ParseScenario([]byte(`{
		"model": "subscription",
		"arpa_monthly": "100",
		"monthly_churn_pct": 5,
		"gross_margin_pct": "80"
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	r, err := s.Evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.LTV)
	// Output: 1600.00
}

func ExampleParseScenario_error() {
	_, err := ParseScenario([]byte(`{"model": "subscription", "monthly_chrun_pct": "5"}`))
	for _, fe := range FieldErrors(err) {
		fmt.Println(fe.Field, fe.Code)
	}
	s, _ := ParseScenario([]byte(`{"model": "subscription", "arpa_monthly": "100", "monthly_churn_pct": "105"}`))
	_, err = s.Evaluate()
	fmt.Println(err)
	// Output:
	// monthly_chrun_pct unknown
	// monthly_churn_pct: must be at most 100 (got "105")
}

// FuzzParseScenario checks that no document makes ParseScenario or Evaluate
// panic, that every error is a *FieldError, that no result holds NaN, an
// infinity or a float exponent, and that an accepted scenario written back
// by MarshalJSON reads back to the same scenario and result.
func FuzzParseScenario(f *testing.F) {
	for _, doc := range []string{
		`{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","cac":"100"}`,
		`{"model":"purchase","total_revenue":500000,"total_purchases":1e4,"unique_customers":"5000","annual_churn_pct":"33"}`,
		`{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","cac":"1200"}`,
		`{"model":"subscription","arpa_monthly":"1","monthly_churn_pct":"1","monthly_expansion_pct":"100","horizon_months":"1200","billing":"annual"}`,
		`{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"0.0000000001","discount_rate_annual_pct":"0.0000000001","cash_timing":"end","marketing_spend":"1","new_customers":"0.0000000001"}`,
		`{"model":"cohort","customers":"1000","survival_pct":["100","63.1","46.8","38.2"],"margin_per_period":"100","discount_rate_pct":"10","cac":"5"}`,
		`{"model":"cohort","cohorts":[[10,5,4],[7,7],[3,1,1,0]],"margin_per_period":"1","horizon_periods":"3","renewals":"2"}`,
		`{"model":"cohort","alpha":"0.0000000001","beta":"1000000","margin_per_period":"999999999999999","discount_rate_pct":"0.0000000001"}`,
		`{"model":"subscription","what_if":{"price_change_pct":"10"},"sensitivity":{},"goal_seek":{"input":"cac"}}`,
		`{"model":"cohort","survival_counts":[1,1,0]}`,
		`{"model":"purchase","average_order_value":"1e400"}`,
		`{}`, `[]`, `null`, `{"model":`, `{"model":"x","a":1}`,
	} {
		f.Add([]byte(doc))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		s, err := ParseScenario(doc)
		if err != nil {
			mustBeFieldErrors(t, err)
			return
		}
		r, err := s.Evaluate()
		if err != nil {
			mustBeFieldErrors(t, err)
		} else {
			checkResult(t, r)
		}
		b, err2 := json.Marshal(s)
		if err2 != nil {
			t.Fatalf("json.Marshal(%+v): %v", s, err2)
		}
		back, err2 := ParseScenario(b)
		if err2 != nil {
			t.Fatalf("ParseScenario(%s), written back from %q: %v", b, doc, err2)
		}
		r2, err2 := back.Evaluate()
		if fmt.Sprint(err) != fmt.Sprint(err2) || !reflect.DeepEqual(r, r2) {
			t.Fatalf("round trip of %q through %s: %+v, %v, then %+v, %v", doc, b, r, err, r2, err2)
		}
	})
}

func mustBeFieldErrors(t *testing.T, err error) {
	t.Helper()
	if len(FieldErrors(err)) == 0 {
		t.Fatalf("error %v holds no *FieldError", err)
	}
}

// checkResult fails on any figure that is not a plain decimal or one of
// the words of Result.
func checkResult(t *testing.T, r Result) {
	t.Helper()
	v := reflect.ValueOf(r)
	for i := range v.NumField() {
		var vals []string
		switch f := v.Field(i).Interface().(type) {
		case string:
			vals = []string{f}
		case []string:
			vals = f
		}
		for _, s := range vals {
			if strings.ContainsAny(s, "eEIN") && s != Never && s != Infinite && !isWord(s) {
				t.Fatalf("Result.%s = %q", v.Type().Field(i).Name, s)
			}
		}
	}
}

// isWord reports whether s is a lowercase word (model, verdict, option).
func isWord(s string) bool {
	for _, r := range s {
		if (r < 'a' || r > 'z') && r != '_' && (r < '0' || r > '9') {
			return false
		}
	}
	return s != "" && s[0] >= 'a' && s[0] <= 'z'
}

// FuzzEvaluate drives the models with arbitrary figures in their main
// fields, and the what-if tools with them: nothing may panic, every error
// must be a *FieldError and every result plain decimals.
func FuzzEvaluate(f *testing.F) {
	f.Add(uint8(0), "50", "2", "3", "40", "100", "10")
	f.Add(uint8(1), "100", "5", "80", "1", "1200", "10")
	f.Add(uint8(1), "0.0000000001", "0.0000000001", "100", "100", "999999999999999", "1000")
	f.Add(uint8(2), "0.704", "1.182", "100", "10", "300", "3")
	f.Add(uint8(2), "0.0000000001", "1000000", "1", "0.0000000001", "0", "1200")
	f.Add(uint8(3), "100", "60", "45", "44", "10", "1")
	f.Fuzz(func(t *testing.T, model uint8, a, b, c, d, e, g string) {
		var s Scenario
		switch model % 4 {
		case 0:
			s = Scenario{Model: ModelPurchase, AverageOrderValue: Number(a), PurchasesPerYear: Number(b), AnnualChurnPct: Number(c),
				GrossMarginPct: Number(d), CAC: Number(e), Changes: &Changes{PriceChangePct: Number(g), PriceElasticity: "-0.5"}}
		case 1:
			s = Scenario{Model: ModelSubscription, ARPAMonthly: Number(a), MonthlyChurnPct: Number(b), GrossMarginPct: Number(c),
				MonthlyExpansionPct: Number(d), CAC: Number(e), DiscountRateAnnualPct: Number(g), HorizonMonths: Number(g),
				Billing: []string{BillingMonthly, BillingAnnual}[len(a)%2], CashTiming: []string{TimingStart, TimingEnd, TimingAfterFirst}[len(b)%3],
				Changes: &Changes{ChurnChangePoints: "-1", AnnualBilling: true}}
		case 2:
			s = Scenario{Model: ModelCohort, Alpha: Number(a), Beta: Number(b), MarginPerPeriod: Number(c), DiscountRatePct: Number(d),
				CAC: Number(e), HorizonPeriods: Number(g), Renewals: Number(g), Changes: &Changes{CACChangePct: "10"}}
		case 3:
			s = Scenario{Model: ModelCohort, SurvivalCounts: []Number{Number(a), Number(b), Number(c), Number(d)}, MarginPerPeriod: "10",
				DiscountRatePct: Number(g), CAC: Number(e), HorizonPeriods: "24", Changes: &Changes{Set: map[string]Number{FieldFitPeriods: "2"}}}
		}
		r, err := s.Evaluate()
		if err != nil {
			mustBeFieldErrors(t, err)
			return
		}
		checkResult(t, r)
		if _, err := s.WhatIf(*s.Changes); err != nil {
			mustBeFieldErrors(t, err)
		}
		if _, err := s.Sensitivity(SensitivitySpec{Metric: MetricNetLTV}); err != nil {
			mustBeFieldErrors(t, err)
		}
		if _, err := s.GoalSeek(Goal{Input: FieldCAC}); err != nil {
			mustBeFieldErrors(t, err)
		}
	})
}
