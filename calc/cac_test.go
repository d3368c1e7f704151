package calc

import (
	"fmt"
	"testing"
)

const subscriptionBase = `"model":"subscription","arpa_monthly":"200","monthly_churn_pct":"4","gross_margin_pct":"80"`

func TestCAC(t *testing.T) {
	tests := []struct {
		name               string
		fields             string
		cac, spend, timeOf string
	}{
		{"given", `"cac":"1200"`, "1200.00", "", ""},
		// Seed 002: marketing spend, every hour spent winning a client at the
		// hourly rate (billable or not) and overhead, per new customer:
		// (30000 + 12000 + 3000 + 5000) / 50 + 6 x 75 = 1000 + 450.
		{"from parts", `"marketing_spend":"30000","sales_spend":"12000","tools_spend":"3000","overhead":"5000","new_customers":"50","hours_per_customer":"6","hourly_rate":"75"`, "1450.00", "1000.00", "450.00"},
		{"spend only", `"marketing_spend":"1000","new_customers":"3"`, "333.33", "333.33", "0.00"},
		{"time only", `"hours_per_customer":"2.5","hourly_rate":"40"`, "100.00", "0.00", "100.00"},
		{"zero", `"cac":"0"`, "0.00", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := "{" + subscriptionBase + "," + tt.fields + "}"
			r := mustEvaluate(t, doc)
			if got, want := []string{r.CAC, r.CACSpend, r.CACTime}, []string{tt.cac, tt.spend, tt.timeOf}; fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("CAC(%s) = %v, want %v", tt.fields, got, want)
			}
		})
	}
}

func TestCACErrors(t *testing.T) {
	tests := []struct {
		name   string
		fields string
		want   map[string]string
	}{
		{"both", `"cac":"100","marketing_spend":"1000","new_customers":"10"`, map[string]string{FieldCAC: CodeConflict}},
		{"no divisor", `"marketing_spend":"1000"`, map[string]string{FieldNewCustomers: CodeRequired}},
		{"zero customers", `"marketing_spend":"1000","new_customers":"0"`, map[string]string{FieldNewCustomers: CodeNotPositive}},
		{"hours without rate", `"hours_per_customer":"3"`, map[string]string{FieldHourlyRate: CodeRequired}},
		{"rate without hours", `"hourly_rate":"50"`, map[string]string{FieldHoursPerCustomer: CodeRequired}},
		{"negative", `"cac":"-1"`, map[string]string{FieldCAC: CodeNegative}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := mustScenario(t, "{"+subscriptionBase+","+tt.fields+"}").Evaluate()
			if got := codes(err); fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Evaluate(%s) errors = %v, want %v", tt.fields, got, tt.want)
			}
		})
	}
}

func TestNoCACNoEconomics(t *testing.T) {
	r := mustEvaluate(t, "{"+subscriptionBase+"}")
	if r.CAC != "" || r.NetLTV != "" || r.LTVToCAC != "" || r.PaybackMonths != "" || r.CohortPaybackMonths != "" || r.LTVToCACVerdict != "" {
		t.Errorf("Evaluate without CAC = %+v, want no unit economics", r)
	}
}
