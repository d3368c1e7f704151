package calc

import (
	"encoding/json"
	"fmt"
	"testing"
)

func TestRun(t *testing.T) {
	s := mustScenario(t, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","cac":"1200",
		"what_if":{"churn_change_points":"-1"},"sensitivity":{"metric":"ltv_to_cac"},"goal_seek":{"input":"cac"}}`)
	rep, err := s.Run()
	if err != nil {
		t.Fatal(err)
	}
	if rep.LTV != "1600.00" || rep.WhatIf == nil || rep.WhatIf.Scenario.LTV != "2000.00" ||
		rep.Sensitivity == nil || rep.Sensitivity.Metric != MetricLTVToCAC || rep.GoalSeek == nil || rep.GoalSeek.Value != "533.33" {
		t.Errorf("Run() = %+v", rep)
	}
	b, err := json.Marshal(rep)
	if err != nil {
		t.Fatal(err)
	}
	var flat map[string]json.RawMessage
	if err := json.Unmarshal(b, &flat); err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"ltv", "ltv_to_cac", "what_if", "sensitivity", "goal_seek"} {
		if _, ok := flat[key]; !ok {
			t.Errorf("Run() JSON has no %q: %s", key, b)
		}
	}
	// Errors of the tools are reported with their fields.
	s.Goal.Input = "lifetime_years"
	if _, err := s.Run(); ErrorFor(err, "goal_seek.input") == nil {
		t.Errorf("Run() with a bad goal input error = %v, want goal_seek.input", err)
	}
}

func ExampleScenario_Run() {
	s, err := ParseScenario([]byte(`{
		"model": "purchase",
		"average_order_value": "50", "purchases_per_year": "2", "lifetime_years": "3",
		"marketing_spend": "4000", "new_customers": "50", "hours_per_customer": "0.5", "hourly_rate": "40",
		"goal_seek": {"input": "marketing_spend"}
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	rep, err := s.Run()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("LTV", rep.LTV, "CAC", rep.CAC, "=", rep.CACSpend, "+", rep.CACTime, "ratio", rep.LTVToCAC)
	fmt.Println("marketing spend for 3x:", rep.GoalSeek.Value)
	// Output:
	// LTV 300.00 CAC 100.00 = 80.00 + 20.00 ratio 3.00
	// marketing spend for 3x: 4000.00
}
