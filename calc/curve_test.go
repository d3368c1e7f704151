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
	}{
		// FORMULAS.md: ARPA 200, margin 80 %: $160 a month. Churn 5 %, start
		// convention: 160, 160 + 152, 160 + 152 + 144.4 ... CAC 1,200 is
		// passed in month 10 (1,284.04), so the curve runs 20 months.
		{"subscription", Scenario{Model: ModelSubscription, ARPAMonthly: "200", GrossMarginPct: "80", MonthlyChurnPct: "5", CAC: "1200"},
			"1", []string{"0.00", "160.00", "312.00", "456.40"}, 21},
		// The seeds' example at 40 % margin: $40 of margin a year, $3.33 a
		// month, for 36 months, then flat.
		{"purchase", Scenario{Model: ModelPurchase, AverageOrderValue: "50", PurchasesPerYear: "2", LifetimeYears: "3", GrossMarginPct: "40", CAC: "100"},
			"1", []string{"0.00", "3.33", "6.67", "10.00"}, 61},
		// Given a and b, yearly periods, $100 a year, no discount: 100, then
		// 100 + S(1) x 100 with S(1) = b / (a + b).
		{"cohort", Scenario{Model: ModelCohort, Alpha: "1", Beta: "3", Period: PeriodYear, MarginPerPeriod: "100", DiscountRatePct: "10", CAC: "150"},
			"12", []string{"0.00", "100.00", "168.18"}, 5},
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
