package calc

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"
)

func TestSubscriptionLTV(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want string
	}{
		// FORMULAS.md, "Subscription (SaaS) formulas": ARPA $100/month,
		// churn 5 % -> $2,000; with 80 % gross margin -> $1,600.
		{"ARPA / churn", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5"}`, "2000.00"},
		{"with margin", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80"}`, "1600.00"},
		// The same by convention 3 (end of month) without discounting is the
		// same sum; convention 2 leaves out the first month: 2000 - 100.
		{"end, no discount", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","cash_timing":"end"}`, "2000.00"},
		{"after first", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","cash_timing":"after_first"}`, "1900.00"},
		// Expansion of survivors: m / (1 - r (1 + g)) = 80 / (1 - 0.95 x 1.01) = 1975.31.
		{"expansion", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","monthly_expansion_pct":"1"}`, "1975.31"},
		// 10 % a year is d = 1.1^(1/12) - 1 = 0.7974140 % a month:
		// 80 (1 + d) / (1 + d - 0.95) = 1390.929 (mpmath, 40 digits).
		{"discounted", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","discount_rate_annual_pct":"10"}`, "1390.93"},
		// A horizon of 12 months: 80 (1 - 0.95^12) / 0.05 = 735.4239.
		{"horizon", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","horizon_months":"12"}`, "735.42"},
		// Churn below expansion is fine within a horizon (q = 0.95 x 1.1 = 1.045):
		// 100 (1.045^12 - 1) / 0.045 = 1546.4032.
		{"growing within horizon", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","monthly_expansion_pct":"10","horizon_months":"12"}`, "1546.40"},
		{"zero churn within horizon", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"0","horizon_months":"36"}`, "3600.00"},
		{"all churn", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"100"}`, "100.00"},
		{"numbers as JSON numbers", `{"model":"subscription","arpa_monthly":100,"monthly_churn_pct":5,"gross_margin_pct":80}`, "1600.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mustEvaluate(t, tt.doc).LTV; got != tt.want {
				t.Errorf("LTV(%s) = %s, want %s", tt.doc, got, tt.want)
			}
		})
	}
}

// TestSubscriptionAnnualBilling: a year prepaid, with its own churn and price.
func TestSubscriptionAnnualBilling(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		ltv  string
		life string
	}{
		// 12 x 100 x 0.8 = 960 a year, annual churn 20 %: 960 / 0.2 = 4800.
		{"own churn", `{"model":"subscription","billing":"annual","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","annual_churn_pct":"20"}`, "4800.00", "60.00"},
		// Two months free (16.6667 %) on the same plan: 800 a year -> 4000.
		{"price discount", `{"model":"subscription","billing":"annual","arpa_monthly":"100","monthly_churn_pct":"5","annual_churn_pct":"20","gross_margin_pct":"80","annual_billing_discount_pct":"16.666666666"}`, "4000.00", "60.00"},
		// Without its own churn: 1 - 0.95^12 = 45.96 % a year, 1200 / 0.459640 = 2610.7393.
		{"monthly hazard", `{"model":"subscription","billing":"annual","arpa_monthly":"100","monthly_churn_pct":"5"}`, "2610.74", "26.11"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustEvaluate(t, tt.doc)
			if r.LTV != tt.ltv || r.Lifetime != tt.life || r.Billing != BillingAnnual {
				t.Errorf("Evaluate(%s) = LTV %s, lifetime %s, billing %s, want %s, %s, annual", tt.doc, r.LTV, r.Lifetime, r.Billing, tt.ltv, tt.life)
			}
		})
	}
}

func TestSubscriptionErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want map[string]string
	}{
		{"missing", `{"model":"subscription"}`, map[string]string{FieldARPAMonthly: CodeRequired, FieldMonthlyChurnPct: CodeRequired}},
		{"margin over 100", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"180"}`, map[string]string{FieldGrossMarginPct: CodeOutOfRange}},
		{"negative churn", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"-5"}`, map[string]string{FieldMonthlyChurnPct: CodeNegative}},
		{"zero churn", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"0"}`, map[string]string{FieldHorizonMonths: CodeUnbounded}},
		{"churn = expansion", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"3","monthly_expansion_pct":"3"}`, map[string]string{FieldHorizonMonths: CodeUnbounded}},
		{"churn < expansion", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"2","monthly_expansion_pct":"3"}`, map[string]string{FieldHorizonMonths: CodeUnbounded}},
		{"horizon too long", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","horizon_months":"1201"}`, map[string]string{FieldHorizonMonths: CodeOutOfRange}},
		{"horizon fraction", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","horizon_months":"12.5"}`, map[string]string{FieldHorizonMonths: CodeNotInteger}},
		{"horizon zero", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","horizon_months":"0"}`, map[string]string{FieldHorizonMonths: CodeNotPositive}},
		{"bad timing", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","cash_timing":"middle"}`, map[string]string{FieldCashTiming: CodeInvalid}},
		{"bad billing", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","billing":"weekly"}`, map[string]string{FieldBilling: CodeInvalid}},
		{"discount over 1000", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","discount_rate_annual_pct":"1001"}`, map[string]string{FieldDiscountRateAnnualPct: CodeOutOfRange}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := mustScenario(t, tt.doc).Evaluate()
			if got := codes(err); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Evaluate(%s) errors = %v, want %v", tt.doc, got, tt.want)
			}
		})
	}
}

// TestSubscriptionMonotone: LTV rises as churn falls, and falls as the
// discount rate rises, under every convention.
func TestSubscriptionMonotone(t *testing.T) {
	ltv := func(churn, discount, timing string) decimal.Decimal {
		s := Scenario{Model: ModelSubscription, ARPAMonthly: "100", GrossMarginPct: "70", MonthlyExpansionPct: "0.5",
			MonthlyChurnPct: Number(churn), DiscountRateAnnualPct: Number(discount), CashTiming: timing}
		in, err := parseInputs(&s, nil)
		if err != nil {
			t.Fatal(err)
		}
		o, err := in.evaluate(nil)
		if err != nil {
			t.Fatalf("Evaluate(churn %s, discount %s): %v", churn, discount, err)
		}
		return o.ltv
	}
	for _, timing := range []string{TimingStart, TimingEnd, TimingAfterFirst} {
		prev := decimal.Zero
		for _, churn := range []string{"90", "50", "20", "10", "5", "2", "1", "0.6"} {
			got := ltv(churn, "8", timing)
			if got.Cmp(prev) <= 0 {
				t.Errorf("%s: LTV(churn %s %%) = %s, not above %s at the higher churn before", timing, churn, got, prev)
			}
			prev = got
		}
		prev = ltv("3", "0", timing)
		for _, discount := range []string{"1", "5", "10", "25", "100", "1000"} {
			got := ltv("3", discount, timing)
			if got.Cmp(prev) >= 0 {
				t.Errorf("%s: LTV(discount %s %%) = %s, not below %s at the lower rate before", timing, discount, got, prev)
			}
			prev = got
		}
	}
}

func ExampleScenario_Evaluate_subscription() {
	s := Scenario{
		Model:           ModelSubscription,
		ARPAMonthly:     "100",
		MonthlyChurnPct: "5",
		GrossMarginPct:  "80",
		CAC:             "1200",
	}
	r, err := s.Evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("LTV", r.LTV, "for", r.Lifetime, r.LifetimeUnit)
	fmt.Println("LTV:CAC", r.LTVToCAC, r.LTVToCACVerdict)
	fmt.Println("payback", r.PaybackMonths, "months; cohort payback in month", r.CohortPaybackMonths)
	// Output:
	// LTV 1600.00 for 20.00 months
	// LTV:CAC 1.33 below_3x
	// payback 15.00 months; cohort payback in month 28
}
