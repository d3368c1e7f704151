package calc

import (
	"fmt"
	"testing"
)

func TestGoalSeek(t *testing.T) {
	tests := []struct {
		name            string
		doc             string
		goal            Goal
		value, achieved string
	}{
		// LTV:CAC = 3 (Skok) with LTV 1600: CAC at most 533.33.
		{"CAC for 3x", saasDoc, Goal{Input: FieldCAC}, "533.33", "3.00"},
		// ... or churn at most: 80 / (3 x 1200) = 2.2222 %.
		{"churn for 3x", saasDoc, Goal{Input: FieldMonthlyChurnPct}, "2.2222", "3.00"},
		// Payback 12 months (Skok): ARPA x 0.8 = 1200 / 12, ARPA 125.
		{"ARPA for 12 months", saasDoc, Goal{Input: FieldARPAMonthly, Metric: MetricPaybackMonths}, "125.00", "12.00"},
		// A given LTV: 2000 = 80 / churn, churn 4 %.
		{"churn for an LTV", saasDoc, Goal{Input: FieldMonthlyChurnPct, Metric: MetricLTV, Target: "2000"}, "4.0000", "2000.00"},
		// A large LTV needs a churn near zero, at the edge of the valid range.
		{"near the edge", saasDoc, Goal{Input: FieldMonthlyChurnPct, Metric: MetricLTV, Target: "8000000"}, "0.0010", "8000000.00"},
		// Margin not given: seeks from its default, 100 %. 50 x 2 x 3 x m = 3 x 60: m = 60 %.
		{"from a default", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","cac":"60"}`,
			Goal{Input: FieldGrossMarginPct}, "60.0000", "3.00"},
		{"cohort margin", `{` + regularDoc + `,"margin_per_period":"100","discount_rate_pct":"10","cac":"300"}`,
			Goal{Input: FieldMarginPerPeriod}, "243.58", "3.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := mustScenario(t, tt.doc).GoalSeek(tt.goal)
			if err != nil {
				t.Fatalf("GoalSeek(%+v): %v", tt.goal, err)
			}
			if got.Status != GoalReached || got.Value != tt.value || got.Achieved != tt.achieved {
				t.Errorf("GoalSeek(%+v) = %+v, want value %s achieving %s", tt.goal, got, tt.value, tt.achieved)
			}
		})
	}
}

func TestGoalSeekUnreachable(t *testing.T) {
	// With margin at most 100 %, LTV stays below 100 / 0.05 = 2000.
	got, err := mustScenario(t, saasDoc).GoalSeek(Goal{Input: FieldGrossMarginPct, Metric: MetricLTV, Target: "2500"})
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != GoalUnreachable || got.Value != "" || got.Reason == "" {
		t.Errorf("GoalSeek(margin for LTV 2500) = %+v, want unreachable", got)
	}
}

func TestGoalSeekErrors(t *testing.T) {
	tests := []struct {
		goal Goal
		want map[string]string
	}{
		{Goal{Input: "lifetime_years"}, map[string]string{"goal_seek.input": CodeInvalid}},   // not a subscription input
		{Goal{Input: FieldHorizonMonths}, map[string]string{"goal_seek.input": CodeInvalid}}, // a whole number
		{Goal{Input: FieldCAC, Metric: "profit"}, map[string]string{"goal_seek.metric": CodeInvalid}},
		{Goal{Input: FieldCAC, Metric: MetricLTV}, map[string]string{"goal_seek.target": CodeRequired}},
		{Goal{Input: FieldCAC, Target: "x"}, map[string]string{"goal_seek.target": CodeNotANumber}},
		{Goal{Input: FieldHourlyRate}, map[string]string{"goal_seek.input": CodeRequired}}, // not given, no default
	}
	s := mustScenario(t, saasDoc)
	for _, tt := range tests {
		_, err := s.GoalSeek(tt.goal)
		if got := codes(err); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("GoalSeek(%+v) errors = %v, want %v", tt.goal, got, tt.want)
		}
	}
}

func ExampleScenario_GoalSeek() {
	s := Scenario{Model: ModelSubscription, ARPAMonthly: "100", MonthlyChurnPct: "5", GrossMarginPct: "80", CAC: "1200"}
	g, err := s.GoalSeek(Goal{Input: FieldMonthlyChurnPct, Metric: MetricLTVToCAC, Target: "3"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(g.Status, "at a monthly churn of", g.Value, "% (now", g.Current+" %): LTV:CAC", g.Achieved)
	// Output: reached at a monthly churn of 2.2222 % (now 5 %): LTV:CAC 3.00
}
