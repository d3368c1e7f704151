package calc

import (
	"math"
	"strconv"
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

// BenchmarkParseScenarioHugeNumber reads a document of 4 MiB, nearly all of
// it one number in exponent form (999...9e0): it is refused unread, where
// reading the digits of one of 1 MiB took 1.7 s.
func BenchmarkParseScenarioHugeNumber(b *testing.B) {
	doc := []byte(`{"model":"purchase","average_order_value":` + strings.Repeat("9", MaxScenarioBytes-100) + `e0}`)
	b.ReportAllocs()
	for b.Loop() {
		s, err := ParseScenario(doc)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Evaluate(); ErrorFor(err, FieldAverageOrderValue) == nil {
			b.Fatalf("a 4 MiB number is read: %v", err)
		}
	}
}

// largeCohorts is a cohort table at the limits: rows cohorts of width
// counts each (the cohort size, then who is left), as pasted from a
// spreadsheet, in the model's expected counts rounded to whole customers.
func largeCohorts(rows, width int) [][]Number {
	out := make([][]Number, rows)
	for i := range out {
		s := sbgSurvival(0.8, 4, width-1)
		out[i] = make([]Number, width)
		for t, v := range s {
			out[i][t] = Number(strconv.FormatFloat(math.Round(v*float64(90000+i)), 'f', 0, 64))
		}
	}
	return out
}

// BenchmarkRunLargeCohorts is the page's evaluation of a cohort table of
// 100,000 counts (1,000 cohorts of 100): new data, and a change elsewhere
// (the margin) with the same data, as on a keystroke in another field.
func BenchmarkRunLargeCohorts(b *testing.B) {
	base := Scenario{Model: ModelCohort, Period: PeriodMonth, MarginPerPeriod: "100", DiscountRatePct: "1", CAC: "300",
		SensitivitySpec: &SensitivitySpec{}}
	b.Run("new-data", func(b *testing.B) {
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			s := base
			s.Cohorts = largeCohorts(1000, 100)
			s.Cohorts[0][0] = Number(strconv.Itoa(100000 + i)) // other data each time
			i++
			if _, err := s.Run(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("same-data", func(b *testing.B) {
		s := base
		s.Cohorts = largeCohorts(1000, 100)
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			s.MarginPerPeriod = Number(strconv.Itoa(100 + i%7))
			i++
			if _, err := s.Run(); err != nil {
				b.Fatal(err)
			}
		}
	})
}
