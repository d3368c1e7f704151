package calc

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestPaybackCurve(t *testing.T) {
	tests := []struct {
		name       string
		s          Scenario
		wantPer    string
		wantPrefix []string // the first points
		wantLen    int
		wantMonths []string // the months of the first points
	}{
		// FORMULAS.md: ARPA 200, margin 80 %: $160 a month. Churn 5 %, start
		// convention: 160, 160 + 152, 160 + 152 + 144.4 ... CAC 1,200 is
		// passed in month 10 (1,284.04), so the curve runs 20 months.
		{"subscription", Scenario{Model: ModelSubscription, ARPAMonthly: "200", GrossMarginPct: "80", MonthlyChurnPct: "5", CAC: "1200"},
			"1", []string{"0.00", "160.00", "312.00", "456.40"}, 21, []string{"0", "1", "2", "3"}},
		// The seeds' example at 40 % margin: $40 of margin a year, $3.33 a
		// month, for 36 months, then flat.
		{"purchase", Scenario{Model: ModelPurchase, AverageOrderValue: "50", PurchasesPerYear: "2", LifetimeYears: "3", GrossMarginPct: "40", CAC: "100"},
			"1", []string{"0.00", "3.33", "6.67", "10.00"}, 61, []string{"0", "1", "2", "3"}},
		// Given a and b, yearly periods, $100 a year, 10 % discount: 100,
		// then 100 + S(1) x 100 / 1.1 with S(1) = b / (a + b). The curve
		// runs to the projection horizon, 12 years by default, the 13th
		// year's margin included; a year's margin counts in its first month.
		{"cohort", Scenario{Model: ModelCohort, Alpha: "1", Beta: "3", Period: PeriodYear, MarginPerPeriod: "100", DiscountRatePct: "10", CAC: "150"},
			"12", []string{"0.00", "100.00", "168.18"}, 14, []string{"0", "1", "13", "25"}},
		// A horizon of 36 months: 36 months of margin, 37 points.
		{"cohort with a horizon", Scenario{Model: ModelCohort, Alpha: "1", Beta: "3", Period: PeriodMonth, MarginPerPeriod: "100", DiscountRatePct: "1", HorizonPeriods: "36", CAC: "150"},
			"1", []string{"0.00", "100.00"}, 37, []string{"0", "1", "2"}},
		// Annual prepaid billing, paid at the end of each year: each year's
		// margin counts in its 12th month.
		{"annual billing paid at the end", Scenario{Model: ModelSubscription, ARPAMonthly: "100", GrossMarginPct: "80", MonthlyChurnPct: "5", Billing: BillingAnnual, AnnualChurnPct: "20", CashTiming: TimingEnd, CAC: "400"},
			"12", []string{"0.00", "960.00"}, 4, []string{"0", "12", "24"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := tt.s.Evaluate()
			if err != nil {
				t.Fatal(err)
			}
			if r.PaybackCurvePeriodMonths != tt.wantPer {
				t.Errorf("period months = %s, want %s", r.PaybackCurvePeriodMonths, tt.wantPer)
			}
			if len(r.PaybackCurve) != tt.wantLen {
				t.Errorf("curve of %d points, want %d: %v", len(r.PaybackCurve), tt.wantLen, r.PaybackCurve)
			}
			got := strings.Join(r.PaybackCurve[:min(len(tt.wantPrefix), len(r.PaybackCurve))], " ")
			if want := strings.Join(tt.wantPrefix, " "); got != want {
				t.Errorf("PaybackCurve starts %s, want %s", got, want)
			}
			// A cohort curve with a horizon ends there, at the LTV: no
			// flat point past it.
			if tt.s.HorizonPeriods != "" && r.PaybackCurve[len(r.PaybackCurve)-1] != r.LTV {
				t.Errorf("the curve ends at %s, the LTV is %s", r.PaybackCurve[len(r.PaybackCurve)-1], r.LTV)
			}
			got = strings.Join(r.PaybackCurveMonths[:min(len(tt.wantMonths), len(r.PaybackCurveMonths))], " ")
			if want := strings.Join(tt.wantMonths, " "); got != want || len(r.PaybackCurveMonths) != len(r.PaybackCurve) {
				t.Errorf("PaybackCurveMonths %v, want %d months starting %s", r.PaybackCurveMonths, len(r.PaybackCurve), want)
			}
		})
	}
}

// TestPaybackCurveMatchesCumulative: the curve's points are the cumulative
// values of the model, for every cash-timing convention.
func TestPaybackCurveMatchesCumulative(t *testing.T) {
	for _, timing := range []string{TimingStart, TimingEnd, TimingAfterFirst} {
		// Fader & Hardie (2012), FORMULAS.md: m = 100, r = 0.8, d = 0.1.
		f := flows{m: hundred, r: decimal.RequireFromString("0.8"), d: decimal.RequireFromString("0.1"), timing: timing}
		series := f.seriesSum(30)
		for k := int64(0); k <= 30; k++ {
			want, _ := f.cumulative(k)
			if got := series[k]; got.Sub(want).Abs().GreaterThan(decimal.New(1, -20)) {
				t.Errorf("%s: seriesSum[%d] = %s, cumulative = %s", timing, k, got, want)
			}
		}
	}
}

// TestCohortPaybackOnTheCurve: the cohort payback month is the month of
// the first point of the payback curve that reaches the CAC, for every
// model, period length and cash timing: the panel, the chart and its table
// say the same.
func TestCohortPaybackOnTheCurve(t *testing.T) {
	sub := func(billing, timing, cac string) Scenario {
		return Scenario{Model: ModelSubscription, ARPAMonthly: "100", GrossMarginPct: "80", MonthlyChurnPct: "5",
			Billing: billing, AnnualChurnPct: "20", CashTiming: timing, DiscountRateAnnualPct: "10", CAC: Number(cac)}
	}
	cohort := func(period, cac string) Scenario {
		return Scenario{Model: ModelCohort, SurvivalPct: []Number{"100", "63.1", "46.8", "38.2", "32.6", "28.9", "26.2", "24.1"},
			Customers: "1000", Period: period, MarginPerPeriod: "100", DiscountRatePct: "10", CAC: Number(cac)}
	}
	var scenarios []Scenario
	for _, cac := range []string{"50", "100", "150", "400", "1000", "1500"} {
		for _, timing := range []string{TimingStart, TimingEnd, TimingAfterFirst} {
			scenarios = append(scenarios, sub(BillingMonthly, timing, cac), sub(BillingAnnual, timing, cac))
		}
		scenarios = append(scenarios, cohort(PeriodYear, cac), cohort(PeriodMonth, cac),
			Scenario{Model: ModelPurchase, AverageOrderValue: "50", PurchasesPerYear: "2", LifetimeYears: "3", GrossMarginPct: "40", CAC: Number(cac)})
	}
	for _, s := range scenarios {
		r, err := s.Evaluate()
		if err != nil {
			t.Fatalf("%+v: %v", s, err)
		}
		cac := decimal.RequireFromString(r.CAC)
		want := Never
		for i, v := range r.PaybackCurve {
			if decimal.RequireFromString(v).Cmp(cac) >= 0 && i > 0 {
				want = r.PaybackCurveMonths[i]
				break
			}
		}
		if want == Never && r.PaybackCurve[len(r.PaybackCurve)-1] != r.LTV && r.CohortPaybackMonths != Never {
			continue // the curve stops before a payback it does not show
		}
		if r.CohortPaybackMonths != want {
			t.Errorf("%s %s %s %s, CAC %s: cohort payback month %s; the curve reaches the CAC in month %s\n%v\n%v",
				r.Model, s.Billing, s.CashTiming, s.Period, s.CAC, r.CohortPaybackMonths, want, r.PaybackCurveMonths, r.PaybackCurve)
		}
	}
}
