package calc

import (
	"errors"
	"fmt"
	"testing"
)

func TestPurchaseLTV(t *testing.T) {
	tests := []struct {
		name             string
		aov, freq, years string
		want             string
	}{
		// shared/seeds 000 (French) and 003 (Thai): 2 purchases a year x $50,
		// customers stay about 3 years: LTV = $300.
		{"seed example", "50", "2", "3", "300"},
		// Seed 001: a shop with $25 baskets bought 12 times a year for 2.5 years.
		{"fractional years", "25", "12", "2.5", "750"},
		{"cents stay exact", "19.99", "3", "1.5", "89.955"},
		{"zero frequency", "50", "0", "3", "0"},
		{"spaces trimmed", " 50 ", "\t2", "3\n", "300"},
		{"largest inputs", "999999999999999", "999999999999999", "999999999999999", "999999999999997000000000000002999999999999999"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := ParsePurchaseInputs(tt.aov, tt.freq, tt.years)
			if err != nil {
				t.Fatalf("ParsePurchaseInputs(%q, %q, %q) error: %v", tt.aov, tt.freq, tt.years, err)
			}
			if got := in.LTV().String(); got != tt.want {
				t.Errorf("LTV(%q x %q x %q) = %s, want %s", tt.aov, tt.freq, tt.years, got, tt.want)
			}
		})
	}
}

func TestParsePurchaseInputsErrors(t *testing.T) {
	tests := []struct {
		name             string
		aov, freq, years string
		want             map[string]string // field -> code
	}{
		{"empty", "", "2", "3", map[string]string{FieldAverageOrderValue: CodeRequired}},
		{"only spaces", "50", "   ", "3", map[string]string{FieldPurchasesPerYear: CodeRequired}},
		{"not a number", "abc", "2", "3", map[string]string{FieldAverageOrderValue: CodeNotANumber}},
		{"negative", "50", "2", "-3", map[string]string{FieldLifetimeYears: CodeNegative}},
		{"all bad at once", "x", "-1", "", map[string]string{
			FieldAverageOrderValue: CodeNotANumber, FieldPurchasesPerYear: CodeNegative, FieldLifetimeYears: CodeRequired}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParsePurchaseInputs(tt.aov, tt.freq, tt.years)
			got := map[string]string{}
			for _, fe := range FieldErrors(err) {
				got[fe.Field] = fe.Code
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("ParsePurchaseInputs(%q, %q, %q) errors = %v, want %v", tt.aov, tt.freq, tt.years, got, tt.want)
			}
			var fe *FieldError
			if !errors.As(err, &fe) {
				t.Errorf("errors.As(%v, *FieldError) = false", err)
			}
		})
	}
}

func ExamplePurchaseInputs_LTV() {
	// The seeds' example: $50 a purchase, 2 purchases a year, 3 years.
	in, err := ParsePurchaseInputs("50", "2", "3")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(in.LTV())
	// Output: 300
}

func ExampleParsePurchaseInputs_error() {
	_, err := ParsePurchaseInputs("50", "two", "3")
	for _, fe := range FieldErrors(err) {
		fmt.Println(fe.Field, fe.Code)
	}
	// Output: purchases_per_year not_a_number
}

func TestPurchaseScenario(t *testing.T) {
	tests := []struct {
		name       string
		doc        string
		ltv        string
		aov, freq  string
		life, rltv string
	}{
		// Seeds 000 and 003: 2 purchases a year x $50 x about 3 years = $300.
		{"seed example", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3"}`, "300.00", "50.00", "2.0000", "3.0000", "300.00"},
		// With a gross margin of 40 %: 300 x 0.4.
		{"margin", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","gross_margin_pct":"40"}`, "120.00", "50.00", "2.0000", "3.0000", "300.00"},
		// Lifetime from churn (FORMULAS.md: expected lifetime = 1 / churn): 25 % a year -> 4 years.
		{"annual churn", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","annual_churn_pct":"25"}`, "400.00", "50.00", "2.0000", "4.0000", "400.00"},
		{"churn a third", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","annual_churn_pct":"30"}`, "333.33", "50.00", "2.0000", "3.3333", "333.33"},
		// Seed 004: AOV = total revenue / purchases = 500000 / 10000 = 50;
		// frequency = purchases / unique customers = 10000 / 5000 = 2;
		// lifetime = customer-years / customers = 15000 / 5000 = 3.
		{"from totals", `{"model":"purchase","total_revenue":"500000","total_purchases":"10000","unique_customers":"5000","total_customer_years":"15000"}`, "300.00", "50.00", "2.0000", "3.0000", "300.00"},
		// A figure given directly wins over the totals.
		{"direct wins", `{"model":"purchase","average_order_value":"60","total_revenue":"500000","total_purchases":"10000","unique_customers":"5000","lifetime_years":"1"}`, "120.00", "60.00", "2.0000", "1.0000", "120.00"},
		{"other models' fields ignored", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","arpa_monthly":"x","alpha":"-1"}`, "300.00", "50.00", "2.0000", "3.0000", "300.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustEvaluate(t, tt.doc)
			got := []string{r.LTV, r.AverageOrderValue, r.PurchaseFrequency, r.Lifetime, r.RevenueLTV}
			want := []string{tt.ltv, tt.aov, tt.freq, tt.life, tt.rltv}
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Errorf("Evaluate(%s) = %v, want %v (ltv, aov, frequency, lifetime, revenue ltv)", tt.doc, got, want)
			}
		})
	}
}

func TestPurchaseScenarioErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  string
		want map[string]string
	}{
		{"nothing", `{"model":"purchase"}`, map[string]string{
			FieldAverageOrderValue: CodeRequired, FieldPurchasesPerYear: CodeRequired, FieldLifetimeYears: CodeRequired}},
		{"lifetime and churn", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","annual_churn_pct":"30"}`,
			map[string]string{FieldAnnualChurnPct: CodeConflict}},
		{"zero churn", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","annual_churn_pct":"0"}`,
			map[string]string{FieldAnnualChurnPct: CodeNotPositive}},
		{"churn over 100", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","annual_churn_pct":"101"}`,
			map[string]string{FieldAnnualChurnPct: CodeOutOfRange}},
		{"margin 180", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","lifetime_years":"3","gross_margin_pct":"180"}`,
			map[string]string{FieldGrossMarginPct: CodeOutOfRange}},
		{"zero purchases", `{"model":"purchase","total_revenue":"100","total_purchases":"0","purchases_per_year":"2","lifetime_years":"3"}`,
			map[string]string{FieldTotalPurchases: CodeNotPositive}},
		{"half the totals", `{"model":"purchase","total_revenue":"100","purchases_per_year":"2","lifetime_years":"3"}`,
			map[string]string{FieldAverageOrderValue: CodeRequired}},
		{"bad and missing at once", `{"model":"purchase","average_order_value":"x","cac":"5","hourly_rate":"-1"}`,
			map[string]string{FieldAverageOrderValue: CodeNotANumber, FieldPurchasesPerYear: CodeRequired, FieldLifetimeYears: CodeRequired,
				FieldCAC: CodeConflict, FieldHourlyRate: CodeNegative}},
		{"every bad field at once", `{"model":"purchase","average_order_value":"abc","purchases_per_year":"-2","lifetime_years":"1e3"}`,
			map[string]string{FieldAverageOrderValue: CodeNotANumber, FieldPurchasesPerYear: CodeNegative, FieldLifetimeYears: CodeNotANumber}},
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

// TestPurchaseMonotone: LTV rises as the annual churn falls.
func TestPurchaseMonotone(t *testing.T) {
	prev := ""
	for _, churn := range []string{"100", "80", "50", "33", "10", "1", "0.01"} {
		s := Scenario{Model: ModelPurchase, AverageOrderValue: "50", PurchasesPerYear: "2", AnnualChurnPct: Number(churn)}
		r, err := s.Evaluate()
		if err != nil {
			t.Fatal(err)
		}
		if prev != "" && mustDecimal(t, r.LTV).Cmp(mustDecimal(t, prev)) <= 0 {
			t.Errorf("LTV(churn %s %%) = %s, not above %s", churn, r.LTV, prev)
		}
		prev = r.LTV
	}
}

func ExampleScenario_Evaluate_purchase() {
	// Seed 004: a year's totals give the three inputs of the purchase model.
	s := Scenario{
		Model:              ModelPurchase,
		TotalRevenue:       "500000",
		TotalPurchases:     "10000",
		UniqueCustomers:    "5000",
		TotalCustomerYears: "15000",
		GrossMarginPct:     "40",
	}
	r, err := s.Evaluate()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(r.AverageOrderValue, "x", r.PurchaseFrequency, "x", r.Lifetime, r.LifetimeUnit, "=", r.RevenueLTV)
	fmt.Println("at 40 % margin:", r.LTV)
	// Output:
	// 50.00 x 2.0000 x 3.0000 years = 300.00
	// at 40 % margin: 120.00
}
