package calc

import "testing"

func BenchmarkScratchSens(b *testing.B) {
	s, _ := ParseScenario([]byte(`{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","discount_rate_annual_pct":"10","monthly_expansion_pct":"1","cac":"1200"}`))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Sensitivity(SensitivitySpec{}); err != nil {
			b.Fatal(err)
		}
	}
}
func BenchmarkScratchEval(b *testing.B) {
	s, _ := ParseScenario([]byte(`{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","discount_rate_annual_pct":"10","monthly_expansion_pct":"1","cac":"1200"}`))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Evaluate(); err != nil {
			b.Fatal(err)
		}
	}
}
func BenchmarkScratchFit(b *testing.B) {
	s, _ := ParseScenario([]byte(`{"model":"cohort","survival_pct":["100","63.1","46.8","38.2","32.6","28.9","26.2","24.1"],"customers":"1000","margin_per_period":"100","discount_rate_pct":"10","period":"year","cac":"300"}`))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Evaluate(); err != nil {
			b.Fatal(err)
		}
	}
}
