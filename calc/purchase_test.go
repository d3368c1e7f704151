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
