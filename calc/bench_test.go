package calc

import (
	"strings"
	"testing"
)

// Budgets: a full evaluation with sensitivity under 200 us, an sBG fit under
// 5 ms, natively.

var benchScenarios = []struct {
	name string
	doc  string
}{
	{"purchase", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","annual_churn_pct":"30","gross_margin_pct":"40",
		"marketing_spend":"4000","new_customers":"50","hours_per_customer":"0.5","hourly_rate":"40"}`},
	{"subscription", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80",
		"monthly_expansion_pct":"1","discount_rate_annual_pct":"10","cac":"1200"}`},
	{"cohort", `{` + regularDoc + `,"margin_per_period":"100","discount_rate_pct":"10","cac":"300"}`},
}

// BenchmarkEvaluate is one evaluation, as on every keystroke.
func BenchmarkEvaluate(b *testing.B) {
	for _, bs := range benchScenarios {
		b.Run(bs.name, func(b *testing.B) {
			s := mustScenario(b, bs.doc)
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Evaluate(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEvaluateWithSensitivity is the full evaluation the page shows:
// the result and the tornado of +/-10 % on every input.
func BenchmarkEvaluateWithSensitivity(b *testing.B) {
	for _, bs := range benchScenarios {
		b.Run(bs.name, func(b *testing.B) {
			s := mustScenario(b, bs.doc)
			s.SensitivitySpec = &SensitivitySpec{}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := s.Run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkWhatIf(b *testing.B) {
	s := mustScenario(b, benchScenarios[1].doc)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.WhatIf(Changes{ChurnChangePoints: "-1", PriceChangePct: "5"}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkGoalSeek(b *testing.B) {
	s := mustScenario(b, benchScenarios[1].doc)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.GoalSeek(Goal{Input: FieldMonthlyChurnPct}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFitSBG fits the regular segment (7 years) and 36 months of three
// cohorts of different ages.
func BenchmarkFitSBG(b *testing.B) {
	data := map[string]*sbgData{
		"regular-7y":  curveData(b, 7, counts(regularPct, 1000)),
		"cohorts-36m": curveData(b, MaxPeriods, expected(0.8, 4, 5000, 36), expected(0.8, 4, 4000, 24), expected(0.8, 4, 3000, 12)),
	}
	for name, d := range data {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if f := fitSBG(d); !f.converged {
					b.Fatal("no convergence")
				}
			}
		})
	}
}

func BenchmarkParseScenario(b *testing.B) {
	doc := []byte(benchScenarios[2].doc)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseScenario(doc); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseScenarioHugeNumber reads a document of 1 MiB, nearly all of
// it one number in exponent form (999...9e0): it is refused unread, where
// reading its digits took seconds.
func BenchmarkParseScenarioHugeNumber(b *testing.B) {
	doc := []byte(`{"model":"purchase","average_order_value":` + strings.Repeat("9", MaxScenarioBytes-100) + `e0}`)
	b.ReportAllocs()
	for b.Loop() {
		s, err := ParseScenario(doc)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Evaluate(); ErrorFor(err, FieldAverageOrderValue) == nil {
			b.Fatalf("a 1 MiB number is read: %v", err)
		}
	}
}
