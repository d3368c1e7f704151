package calc

import (
	"fmt"
	"testing"
)

const (
	saasDoc     = `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","cac":"1200"}`
	purchaseDoc = `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","gross_margin_pct":"40","cac":"60"}`
)

// deltaOf returns the delta of one metric, or fails.
func deltaOf(t *testing.T, c Comparison, metric string) Delta {
	t.Helper()
	for _, d := range c.Deltas {
		if d.Metric == metric {
			return d
		}
	}
	t.Fatalf("no delta for %s in %+v", metric, c.Deltas)
	return Delta{}
}

func TestWhatIf(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		changes Changes
		metric  string
		want    Delta
	}{
		// Churn 5 % -> 4 %: 80 / 0.04 = 2000 against 1600 (FORMULAS.md), +25 %.
		{"churn -1 point", saasDoc, Changes{ChurnChangePoints: "-1"}, MetricLTV,
			Delta{MetricLTV, "1600.00", "2000.00", "400.00", "25.00"}},
		// Price +10 % with costs unchanged: ARPA 110, cost 20, margin 90 a
		// month ((0.8 + 0.1) / 1.1 of 110): 90 / 0.05 = 1800.
		{"price +10 %", saasDoc, Changes{PriceChangePct: "10"}, MetricLTV,
			Delta{MetricLTV, "1600.00", "1800.00", "200.00", "12.50"}},
		// Margin +5 points: 85 / 0.05 = 1700.
		{"margin +5 points", saasDoc, Changes{MarginChangePoints: "5"}, MetricLTV,
			Delta{MetricLTV, "1600.00", "1700.00", "100.00", "6.25"}},
		// CAC -25 %: 900; LTV:CAC 1600 / 900 = 1.78.
		{"CAC -25 %", saasDoc, Changes{CACChangePct: "-25"}, MetricLTVToCAC,
			Delta{MetricLTVToCAC, "1.33", "1.78", "0.44", "33.33"}},
		// Annual billing (seed 004) with an annual churn of 30 % and two months
		// free: 12 x 100 x (10/12) x 0.8 = 800 a year, 800 / 0.3 = 2666.67.
		{"annual billing", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","annual_churn_pct":"30","annual_billing_discount_pct":"16.6666666667"}`,
			Changes{AnnualBilling: true}, MetricLTV, Delta{MetricLTV, "1600.00", "2666.67", "1066.67", "66.67"}},
		// Annual billing, then churn -5 points on the annual churn: 800 / 0.25.
		{"annual billing and churn", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","annual_churn_pct":"30","annual_billing_discount_pct":"16.6666666667"}`,
			Changes{AnnualBilling: true, ChurnChangePoints: "-5"}, MetricLTV, Delta{MetricLTV, "1600.00", "3200.00", "1600.00", "100.00"}},
		// Seed 001: a price rise lifts the average transaction but may lower
		// purchase frequency. +10 % with elasticity -0.5: AOV 55, frequency
		// 2 x (1 - 0.05) = 1.9, margin (0.4 + 0.1) / 1.1: 55 x 1.9 x 3 x 0.4545 = 142.50.
		{"price with elasticity", purchaseDoc, Changes{PriceChangePct: "10", PriceElasticity: "-0.5"}, MetricLTV,
			Delta{MetricLTV, "120.00", "142.50", "22.50", "18.75"}},
		// Purchase churn: lifetime 3 years is a churn of 33.33 %; -8.33 points
		// is 25 %: 4 years, 50 x 2 x 4 x 0.4 = 160.
		{"purchase churn", purchaseDoc, Changes{ChurnChangePoints: "-8.3333333333"}, MetricLTV,
			Delta{MetricLTV, "120.00", "160.00", "40.00", "33.33"}},
		// Any input set to a new value.
		{"set", saasDoc, Changes{Set: map[string]Number{FieldMonthlyChurnPct: "4", FieldCashTiming: TimingAfterFirst}}, MetricLTV,
			Delta{MetricLTV, "1600.00", "1920.00", "320.00", "20.00"}},
		// A payback that comes in the baseline and never in the scenario.
		{"never", saasDoc, Changes{CACChangePct: "50"}, MetricCohortPaybackMonths,
			Delta{MetricCohortPaybackMonths, "28", Never, "", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := mustScenario(t, tt.doc).WhatIf(tt.changes)
			if err != nil {
				t.Fatalf("WhatIf(%+v): %v", tt.changes, err)
			}
			if got := deltaOf(t, c, tt.metric); got != tt.want {
				t.Errorf("WhatIf(%+v) %s = %+v, want %+v", tt.changes, tt.metric, got, tt.want)
			}
		})
	}
}

func TestWhatIfCohortKeepsFit(t *testing.T) {
	c, err := mustScenario(t, `{`+regularDoc+`,"margin_per_period":"100","discount_rate_pct":"10","cac":"100"}`).
		WhatIf(Changes{CACChangePct: "-10", Set: map[string]Number{FieldMarginPerPeriod: "110"}})
	if err != nil {
		t.Fatal(err)
	}
	if c.Baseline.Alpha != c.Scenario.Alpha || c.Scenario.LTV != "406.44" { // 1.1 x 369.49
		t.Errorf("WhatIf(cohort) = %s -> %s, a %s -> %s", c.Baseline.LTV, c.Scenario.LTV, c.Baseline.Alpha, c.Scenario.Alpha)
	}
}

func TestWhatIfErrors(t *testing.T) {
	tests := []struct {
		name    string
		doc     string
		changes Changes
		want    map[string]string
	}{
		{"elasticity on a subscription", saasDoc, Changes{PriceChangePct: "5", PriceElasticity: "-1"}, map[string]string{"what_if.price_elasticity": CodeNotApplied}},
		{"annual billing on purchases", purchaseDoc, Changes{AnnualBilling: true}, map[string]string{"what_if.annual_billing": CodeNotApplied}},
		{"churn on a cohort", `{"model":"cohort","alpha":"2","beta":"3","margin_per_period":"1"}`, Changes{ChurnChangePoints: "-1"}, map[string]string{"what_if.churn_change_points": CodeNotApplied}},
		{"churn below zero", saasDoc, Changes{ChurnChangePoints: "-6"}, map[string]string{"what_if.churn_change_points": CodeOutOfRange}},
		{"churn to zero", saasDoc, Changes{ChurnChangePoints: "-5"}, map[string]string{"what_if.horizon_months": CodeUnbounded}},
		{"margin over 100", saasDoc, Changes{MarginChangePoints: "30"}, map[string]string{"what_if.margin_change_points": CodeOutOfRange}},
		{"price -100 %", saasDoc, Changes{PriceChangePct: "-100"}, map[string]string{"what_if.price_change_pct": CodeOutOfRange}},
		{"no CAC", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5"}`, Changes{CACChangePct: "10"}, map[string]string{"what_if.cac_change_pct": CodeNotApplied}},
		{"unknown set", saasDoc, Changes{Set: map[string]Number{"churn": "1"}}, map[string]string{"what_if.set.churn": CodeUnknown}},
		{"bad set", saasDoc, Changes{Set: map[string]Number{FieldMonthlyChurnPct: "x"}}, map[string]string{"what_if.monthly_churn_pct": CodeNotANumber}},
		{"not a number", saasDoc, Changes{PriceChangePct: "ten"}, map[string]string{"what_if.price_change_pct": CodeNotANumber}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := mustScenario(t, tt.doc).WhatIf(tt.changes)
			if got := codes(err); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("WhatIf(%+v) errors = %v, want %v", tt.changes, got, tt.want)
			}
		})
	}
}

func ExampleScenario_WhatIf() {
	s := Scenario{Model: ModelSubscription, ARPAMonthly: "100", MonthlyChurnPct: "5", GrossMarginPct: "80", CAC: "1200"}
	c, err := s.WhatIf(Changes{ChurnChangePoints: "-1"})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, d := range c.Deltas[:3] {
		fmt.Println(d.Metric, d.Baseline, "->", d.Scenario, d.Change, d.ChangePct+"%")
	}
	// Output:
	// ltv 1600.00 -> 2000.00 400.00 25.00%
	// net_ltv 400.00 -> 800.00 400.00 100.00%
	// ltv_to_cac 1.33 -> 1.67 0.33 25.00%
}
