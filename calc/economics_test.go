package calc

import (
	"fmt"
	"testing"
)

func TestUnitEconomics(t *testing.T) {
	tests := []struct {
		name                               string
		doc                                string
		netLTV, ratio, verdict             string
		payback, paybackVerdict, cohortPay string
	}{
		// FORMULAS.md, "CAC payback": CAC 1,200, ARPA 200, margin 80 % -> 7.5 months.
		// LTV = 160 / 0.04 = 4000; 4000 / 1200 = 3.33. Cohort payback: 4000 (1 - 0.96^k) >= 1200
		// from k = 9 (0.96^9 = 0.6925).
		{"SaaS rule", `{"model":"subscription","arpa_monthly":"200","monthly_churn_pct":"4","gross_margin_pct":"80","cac":"1200"}`,
			"2800.00", "3.33", VerdictMeets3x, "7.50", VerdictWithin12, "9"},
		// LTV 1600 (FORMULAS.md) against CAC 1200: 1.33, below the 3x rule
		// (Skok, "SaaS Metrics 2.0"); payback 1200 / 80 = 15 months.
		{"thin", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","cac":"1200"}`,
			"400.00", "1.33", VerdictBelow3x, "15.00", VerdictOver12, "28"},
		// LTV below CAC: the cohort never pays back.
		{"loses money", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","cac":"2000"}`,
			"-400.00", "0.80", VerdictLosesMoney, "25.00", VerdictOver12, Never},
		// LTV exactly CAC: reached only in the limit.
		{"break even", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","cac":"1600"}`,
			"0.00", "1.00", VerdictBelow3x, "20.00", VerdictOver12, Never},
		// Seeds 000/003 ($300 LTV) against a CAC of $100: 3x; 100 / (100/12) = 12 months.
		{"seed purchase", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","cac":"100"}`,
			"200.00", "3.00", VerdictMeets3x, "12.00", VerdictWithin12, "12"},
		// A purchase customer stays 3 years: a CAC of 301 is never paid back.
		// LTV:CAC is 0.9967: it shows as 1.00 but loses money.
		{"purchase never", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","cac":"301"}`,
			"-1.00", "1.00", VerdictLosesMoney, "36.12", VerdictOver12, Never},
		{"free customers", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","cac":"0"}`,
			"300.00", "", VerdictNoAcquiring, "0.00", VerdictWithin12, "0"},
		{"no margin", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","gross_margin_pct":"0","cac":"10"}`,
			"-10.00", "0.00", VerdictLosesMoney, Never, VerdictOver12, Never},
		// Annual prepaid: 2400 a year paid up front; CAC 3000 needs the second
		// payment, made in month 13.
		{"annual billing", `{"model":"subscription","billing":"annual","annual_churn_pct":"20","arpa_monthly":"200","monthly_churn_pct":"4","cac":"3000"}`,
			"9000.00", "4.00", VerdictMeets3x, "15.00", VerdictOver12, "13"},
		{"annual billing, end of year", `{"model":"subscription","billing":"annual","cash_timing":"end","annual_churn_pct":"20","arpa_monthly":"200","monthly_churn_pct":"4","cac":"3000"}`,
			"9000.00", "4.00", VerdictMeets3x, "15.00", VerdictOver12, "24"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustEvaluate(t, tt.doc)
			got := []string{r.NetLTV, r.LTVToCAC, r.LTVToCACVerdict, r.PaybackMonths, r.PaybackVerdict, r.CohortPaybackMonths}
			want := []string{tt.netLTV, tt.ratio, tt.verdict, tt.payback, tt.paybackVerdict, tt.cohortPay}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Evaluate(%s) =\n%q, want\n%q (net LTV, LTV:CAC, verdict, payback, verdict, cohort payback)", tt.doc, got, want)
			}
		})
	}
}

// TestCohortPaybackNeverIffLossMaking: without horizon the cohort pays back
// exactly when LTV exceeds CAC.
func TestCohortPaybackNeverIffLossMaking(t *testing.T) {
	for _, cac := range []string{"0.01", "100", "1000", "1599.99", "1600", "1600.01", "5000"} {
		r := mustEvaluate(t, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","cac":"`+cac+`"}`)
		profitable := mustDecimal(t, r.NetLTV).Sign() > 0
		if never := r.CohortPaybackMonths == Never; never == profitable {
			t.Errorf("cohort payback(CAC %s) = %s with net LTV %s", cac, r.CohortPaybackMonths, r.NetLTV)
		}
	}
}
