package calc

import (
	"fmt"
	"strings"
	"testing"
)

// regularDoc is the regular segment of Fader & Hardie (2007), years 0-7, as
// percentages of 1,000 customers.
const regularDoc = `"model":"cohort","period":"year","customers":"1000","survival_pct":["100","63.1","46.8","38.2","32.6","28.9","26.2","24.1"]`

func TestCohortScenario(t *testing.T) {
	tests := []struct {
		name                 string
		doc                  string
		alpha, beta, ll      string
		del, derl, ltv, rltv string
	}{
		// FORMULAS.md: a = 0.704, b = 1.182, LL -1680.27. With d = 10 % a year
		// and $100 a year: DEL = 2F1(1, b; a+b; 1/1.1) = 3.6951 (mpmath, at the
		// fitted a and b), DERL(0 renewals) = 2.9647.
		{"regular", `{` + regularDoc + `,"margin_per_period":"100","discount_rate_pct":"10"}`,
			"0.704077", "1.18204", "-1680.27", "3.6949", "2.9644", "369.49", "296.44"},
		// The same data as counts, and as one of two identical cohorts.
		{"counts", `{"model":"cohort","period":"year","survival_counts":[1000,631,468,382,326,289,262,241],"margin_per_period":"100","discount_rate_pct":"10"}`,
			"0.704077", "1.18204", "-1680.27", "3.6949", "2.9644", "369.49", "296.44"},
		{"two equal cohorts", `{"model":"cohort","period":"year","cohorts":[[1000,631,468,382,326,289,262,241],[1000,631,468,382,326,289,262,241]],"margin_per_period":"100","discount_rate_pct":"10"}`,
			"0.704077", "1.18204", "-3360.53", "3.6949", "2.9644", "369.49", "296.44"},
		// The whole table, fitted on years 1-7 only.
		{"fit periods", `{"model":"cohort","period":"year","customers":"1000","fit_periods":"7","survival_pct":["100","63.1","46.8","38.2","32.6","28.9","26.2","24.1","22.3","20.7","19.4","18.3","17.3"],"margin_per_period":"100","discount_rate_pct":"10"}`,
			"0.704077", "1.18204", "-1680.27", "3.6949", "2.9644", "369.49", "296.44"},
		// Given a and b: DEL = 3.695147 and, after 4 renewals (n = 5),
		// DERL = 5.894423 (mpmath hyp2f1).
		{"given", `{"model":"cohort","alpha":"0.704","beta":"1.182","renewals":"4","margin_per_period":"100","discount_rate_pct":"10"}`,
			"0.704", "1.182", "", "3.6951", "5.8944", "369.51", "589.44"},
		// a > 1 and no discount: E(T) = (a + b - 1) / (a - 1) = 4.
		{"undiscounted", `{"model":"cohort","alpha":"2","beta":"3","margin_per_period":"10"}`,
			"2", "3", "", "4.0000", "3.0000", "40.00", "30.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustEvaluate(t, tt.doc)
			got := []string{r.Alpha, r.Beta, r.LogLikelihood, r.DEL, r.DERL, r.LTV, r.ResidualLTV}
			want := []string{tt.alpha, tt.beta, tt.ll, tt.del, tt.derl, tt.ltv, tt.rltv}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Evaluate(%s) =\n%q, want\n%q (alpha, beta, LL, DEL, DERL, LTV, residual)", tt.doc, got, want)
			}
		})
	}
}

// TestCohortCurves checks the fitted, observed and projected curves of the
// regular segment against table 1 of Fader & Hardie (2007), whose year-12
// projection is within 2 % of the 17.3 % observed.
func TestCohortCurves(t *testing.T) {
	r := mustEvaluate(t, `{`+regularDoc+`,"margin_per_period":"100","discount_rate_pct":"10","horizon_periods":"12"}`)
	if got, want := strings.Join(r.ObservedSurvivalPct, " "), "100.00 63.10 46.80 38.20 32.60 28.90 26.20 24.10"; got != want {
		t.Errorf("observed = %s, want %s", got, want)
	}
	if n := len(r.FittedSurvivalPct); n != 8 {
		t.Errorf("len(fitted) = %d, want 8", n)
	}
	if n, m := len(r.ProjectedSurvivalPct), len(r.RetentionPct); n != 13 || m != 12 {
		t.Fatalf("len(projected), len(retention) = %d, %d, want 13, 12", n, m)
	}
	if got := r.ProjectedSurvivalPct[12]; got != "17.00" {
		t.Errorf("S(12) = %s %%, want 17.00 %% (observed 17.3 %%)", got)
	}
	// r_1 = b / (a + b) = 1.18204 / 1.88612 = 62.67 %; retention rises with tenure.
	if got := r.RetentionPct[0]; got != "62.67" {
		t.Errorf("r_1 = %s %%, want 62.67 %%", got)
	}
	for i := 1; i < len(r.RetentionPct); i++ {
		if mustDecimal(t, r.RetentionPct[i]).Cmp(mustDecimal(t, r.RetentionPct[i-1])) <= 0 {
			t.Errorf("retention %v does not rise", r.RetentionPct)
			break
		}
	}
	if r.ExpectedLifetime != Infinite {
		t.Errorf("E(T) = %s with a = %s < 1, want %s", r.ExpectedLifetime, r.Alpha, Infinite)
	}
}

// TestCohortNaive: ignoring heterogeneity undervalues the customer (Fader &
// Hardie 2010). The naive retention of the regular segment is 1 - 759 lost
// / 3358 customer-years at risk = 77.40 %.
func TestCohortNaive(t *testing.T) {
	r := mustEvaluate(t, `{`+regularDoc+`,"margin_per_period":"100","discount_rate_pct":"10"}`)
	if r.NaiveRetentionPct != "77.40" {
		t.Errorf("naive retention = %s %%, want 77.40 %%", r.NaiveRetentionPct)
	}
	// (1 + d) / (1 + d - r) x 100 = 110 / 0.326 = 337.42 at r = 0.7740 (10 digits).
	if !near(mustDecimal(t, r.NaiveLTV), mustDecimal(t, "337.42"), mustDecimal(t, "0.05")) {
		t.Errorf("naive LTV = %s, want about 337.42", r.NaiveLTV)
	}
	if mustDecimal(t, r.NaiveLTV).Cmp(mustDecimal(t, r.LTV)) >= 0 {
		t.Errorf("naive LTV %s is not below the sBG LTV %s", r.NaiveLTV, r.LTV)
	}
}

// TestCohortMonotone: LTV falls as the discount rate rises.
func TestCohortMonotone(t *testing.T) {
	prev := ""
	for _, d := range []string{"0.5", "1", "5", "10", "50", "200"} {
		r := mustEvaluate(t, `{`+regularDoc+`,"margin_per_period":"100","discount_rate_pct":"`+d+`"}`)
		if prev != "" && mustDecimal(t, r.LTV).Cmp(mustDecimal(t, prev)) >= 0 {
			t.Errorf("LTV(d = %s %%) = %s, not below %s", d, r.LTV, prev)
		}
		prev = r.LTV
	}
}

func TestCohortPayback(t *testing.T) {
	// Margin 100 a year from the start of each year; S = 1, 0.6267, 0.4738
	// at d = 10 %: cumulative 100, 156.97, 196.13: CAC 150 is reached in
	// year 2, which starts in month 13.
	r := mustEvaluate(t, `{`+regularDoc+`,"margin_per_period":"100","discount_rate_pct":"10","cac":"150"}`)
	if r.CohortPaybackMonths != "13" || r.CohortPaybackPeriods != "2" {
		t.Errorf("cohort payback = month %s, period %s, want 13, 2", r.CohortPaybackMonths, r.CohortPaybackPeriods)
	}
	if r.PaybackMonths != "18.00" { // 150 / (100 / 12)
		t.Errorf("payback = %s months, want 18.00", r.PaybackMonths)
	}
	r = mustEvaluate(t, `{`+regularDoc+`,"margin_per_period":"100","discount_rate_pct":"10","cac":"400"}`)
	if r.CohortPaybackMonths != Never {
		t.Errorf("cohort payback with CAC above LTV %s = %s, want never", r.LTV, r.CohortPaybackMonths)
	}
}

func TestCohortErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want map[string]string
	}{
		{"rising", `{"model":"cohort","survival_counts":[100,80,85],"margin_per_period":"1"}`, map[string]string{FieldSurvivalCounts: CodeNoFit}},
		{"one period", `{"model":"cohort","survival_counts":[100,80],"margin_per_period":"1"}`, map[string]string{FieldSurvivalCounts: CodeNoFit}},
		{"zero cohort", `{"model":"cohort","cohorts":[[0,0,0]],"margin_per_period":"1"}`, map[string]string{FieldCohorts: CodeNotPositive}},
		{"empty cohort", `{"model":"cohort","cohorts":[[100,80,70],[]],"margin_per_period":"1"}`, map[string]string{FieldCohorts: CodeRequired}},
		{"flat", `{"model":"cohort","survival_counts":[100,100,100],"margin_per_period":"1"}`, map[string]string{FieldSurvivalCounts: CodeNoFit}},
		{"fractional count", `{"model":"cohort","survival_counts":[100,80.5,70],"margin_per_period":"1"}`, map[string]string{FieldSurvivalCounts: CodeNotInteger}},
		{"percent without customers", `{"model":"cohort","survival_pct":["100","80","70"],"margin_per_period":"1"}`, map[string]string{FieldCustomers: CodeRequired}},
		{"percent not from 100", `{"model":"cohort","customers":"10","survival_pct":["90","80","70"],"margin_per_period":"1"}`, map[string]string{FieldSurvivalPct: CodeOutOfRange}},
		{"percent over 100", `{"model":"cohort","customers":"10","survival_pct":["100","180","70"],"margin_per_period":"1"}`, map[string]string{FieldSurvivalPct: CodeOutOfRange}},
		{"two sources", `{"model":"cohort","survival_counts":[100,80,70],"alpha":"1","beta":"1","margin_per_period":"1"}`, map[string]string{FieldCohorts: CodeConflict}},
		{"alpha alone", `{"model":"cohort","alpha":"1","margin_per_period":"1","horizon_periods":"12"}`, map[string]string{FieldBeta: CodeRequired}},
		{"no data", `{"model":"cohort","margin_per_period":"1"}`, map[string]string{FieldSurvivalPct: CodeRequired}},
		{"no margin", `{"model":"cohort","alpha":"2","beta":"3"}`, map[string]string{FieldMarginPerPeriod: CodeRequired}},
		{"infinite", `{"model":"cohort","alpha":"0.7","beta":"1.2","margin_per_period":"1"}`, map[string]string{FieldHorizonPeriods: CodeUnbounded}},
		{"zero alpha", `{"model":"cohort","alpha":"0","beta":"1.2","margin_per_period":"1"}`, map[string]string{FieldAlpha: CodeNotPositive}},
		{"bad period", `{"model":"cohort","alpha":"2","beta":"1.2","margin_per_period":"1","period":"week"}`, map[string]string{FieldPeriod: CodeInvalid}},
		{"too many periods", `{"model":"cohort","margin_per_period":"1","survival_counts":[` + strings.Repeat("1,", MaxPeriods+1) + `1]}`, map[string]string{FieldSurvivalCounts: CodeTooMany}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := mustScenario(t, tt.doc).Evaluate()
			if got := codes(err); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Evaluate(%.120s) errors = %v, want %v", tt.doc, got, tt.want)
			}
		})
	}
}

func ExampleScenario_Evaluate_cohort() {
	// The regular segment of Fader & Hardie (2007): percent of 1,000
	// customers still active after 0..7 years.
	s := Scenario{
		Model:           ModelCohort,
		Period:          PeriodYear,
		Customers:       "1000",
		SurvivalPct:     []Number{"100", "63.1", "46.8", "38.2", "32.6", "28.9", "26.2", "24.1"},
		MarginPerPeriod: "100",
		DiscountRatePct: "10",
	}
	r, err := s.Evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("a", r.Alpha, "b", r.Beta, "LL", r.LogLikelihood)
	fmt.Println("DEL", r.DEL, "LTV", r.LTV)
	fmt.Println("naive LTV", r.NaiveLTV, "at", r.NaiveRetentionPct, "% retention")
	// Output:
	// a 0.704077 b 1.18204 LL -1680.27
	// DEL 3.6949 LTV 369.49
	// naive LTV 337.39 at 77.40 % retention
}
