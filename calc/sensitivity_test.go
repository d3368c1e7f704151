package calc

import (
	"fmt"
	"testing"
)

func TestSensitivity(t *testing.T) {
	s := mustScenario(t, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","monthly_expansion_pct":"0","cac":"1200"}`)
	got, err := s.Sensitivity(SensitivitySpec{})
	if err != nil {
		t.Fatal(err)
	}
	// LTV = 80 / 0.05. Churn 4.5 % and 5.5 %: 1777.78 and 1454.55, a swing
	// of 323.23; ARPA and margin +/-10 %: 1440 to 1760, 320; expansion 0
	// and CAC do not move the LTV.
	want := []SensitivityRow{
		{Field: FieldMonthlyChurnPct, Value: "5", Low: "4.5", High: "5.5", MetricLow: "1777.78", MetricHigh: "1454.55", Swing: "323.23"},
		{Field: FieldGrossMarginPct, Value: "80", Low: "72", High: "88", MetricLow: "1440.00", MetricHigh: "1760.00", Swing: "320.00"},
		{Field: FieldARPAMonthly, Value: "100", Low: "90", High: "110", MetricLow: "1440.00", MetricHigh: "1760.00", Swing: "320.00"},
		{Field: FieldMonthlyExpansionPct, Value: "0", Low: "0", High: "0", MetricLow: "1600.00", MetricHigh: "1600.00", Swing: "0.00"},
		{Field: FieldCAC, Value: "1200", Low: "1080", High: "1320", MetricLow: "1600.00", MetricHigh: "1600.00", Swing: "0.00"},
	}
	if got.Metric != MetricLTV || got.Pct != "10" || got.Base != "1600.00" || len(got.Rows) != len(want) {
		t.Fatalf("Sensitivity() = %+v", got)
	}
	for i := range want {
		g := got.Rows[i]
		g.swing = want[i].swing
		if g != want[i] {
			t.Errorf("Sensitivity() row %d = %+v, want %+v", i, g, want[i])
		}
	}
}

// TestSensitivityBounds: a margin of 95 % cannot go 10 % up; the row keeps
// to the bound (100 %), and a side without value gets a note.
func TestSensitivityBounds(t *testing.T) {
	s := mustScenario(t, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"2","monthly_expansion_pct":"1.9","gross_margin_pct":"95","cac":"100"}`)
	got, err := s.Sensitivity(SensitivitySpec{Pct: "10", Metric: MetricLTVToCAC})
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]SensitivityRow{}
	for _, r := range got.Rows {
		rows[r.Field] = r
	}
	if r := rows[FieldGrossMarginPct]; r.High != "100" {
		t.Errorf("margin row = %+v, want high 100", r)
	}
	// Churn 1.8 % is below the expansion of 1.9 %: no value without horizon.
	if r := rows[FieldMonthlyChurnPct]; r.MetricLow != "" || r.Note == "" || r.MetricHigh == "" {
		t.Errorf("churn row = %+v, want no low value and a note", r)
	}
}

func TestSensitivityErrors(t *testing.T) {
	tests := []struct {
		spec SensitivitySpec
		want map[string]string
	}{
		{SensitivitySpec{Pct: "0"}, map[string]string{"sensitivity.pct": CodeNotPositive}},
		{SensitivitySpec{Pct: "101"}, map[string]string{"sensitivity.pct": CodeOutOfRange}},
		{SensitivitySpec{Metric: "revenue"}, map[string]string{"sensitivity.metric": CodeInvalid}},
		{SensitivitySpec{Metric: MetricLTVToCAC}, map[string]string{"sensitivity.metric": CodeNotApplied}}, // no CAC
	}
	s := mustScenario(t, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5"}`)
	for _, tt := range tests {
		_, err := s.Sensitivity(tt.spec)
		if got := codes(err); fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("Sensitivity(%+v) errors = %v, want %v", tt.spec, got, tt.want)
		}
	}
}

func ExampleScenario_Sensitivity() {
	s := Scenario{Model: ModelPurchase, AverageOrderValue: "50", PurchasesPerYear: "2", AnnualChurnPct: "25", GrossMarginPct: "40"}
	t, err := s.Sensitivity(SensitivitySpec{Pct: "20"})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(t.Metric, "at", t.Base, "varying each input by", t.Pct, "%:")
	for _, r := range t.Rows {
		fmt.Println(r.Field, r.MetricLow, r.MetricHigh, r.Swing)
	}
	// Output:
	// ltv at 160.00 varying each input by 20 %:
	// annual_churn_pct 200.00 133.33 66.67
	// average_order_value 128.00 192.00 64.00
	// purchases_per_year 128.00 192.00 64.00
	// gross_margin_pct 128.00 192.00 64.00
}
