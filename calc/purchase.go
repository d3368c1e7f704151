package calc

import (
	"errors"

	"github.com/shopspring/decimal"
)

// Field names of the purchase model, as in the scenario JSON.
const (
	FieldAverageOrderValue = "average_order_value"
	FieldPurchasesPerYear  = "purchases_per_year"
	FieldLifetimeYears     = "lifetime_years"
)

// PurchaseInputs are the three figures of the purchase model: what a customer
// spends per order, how often a year they order, and for how many years they
// stay. The zero value is valid and worth nothing.
type PurchaseInputs struct {
	// AverageOrderValue is the average amount of one purchase, in currency units.
	AverageOrderValue decimal.Decimal
	// PurchasesPerYear is the number of purchases one customer makes a year.
	PurchasesPerYear decimal.Decimal
	// LifetimeYears is how long a customer stays, in years.
	LifetimeYears decimal.Decimal
}

// ParsePurchaseInputs parses the three texts of the purchase model as typed.
// Every bad field is reported at once: the error joins one *FieldError per
// bad field (see ParseDecimal, plus CodeNegative for a figure below zero).
func ParsePurchaseInputs(averageOrderValue, purchasesPerYear, lifetimeYears string) (PurchaseInputs, error) {
	var in PurchaseInputs
	aov, err1 := parseNonNegative(FieldAverageOrderValue, averageOrderValue)
	freq, err2 := parseNonNegative(FieldPurchasesPerYear, purchasesPerYear)
	years, err3 := parseNonNegative(FieldLifetimeYears, lifetimeYears)
	if err := errors.Join(err1, err2, err3); err != nil {
		return in, err
	}
	in.AverageOrderValue, in.PurchasesPerYear, in.LifetimeYears = aov, freq, years
	return in, nil
}

// LTV is the customer lifetime value of the purchase model, exact:
// average order value x purchases per year x lifetime in years.
func (in PurchaseInputs) LTV() decimal.Decimal {
	return in.AverageOrderValue.Mul(in.PurchasesPerYear).Mul(in.LifetimeYears)
}

// AnnualValue is what one customer spends in a year: average order value x
// purchases per year, exact.
func (in PurchaseInputs) AnnualValue() decimal.Decimal {
	return in.AverageOrderValue.Mul(in.PurchasesPerYear)
}

func parseNonNegative(field, s string) (decimal.Decimal, error) {
	d, err := ParseDecimal(field, s)
	if err != nil {
		return d, err
	}
	if d.Sign() < 0 {
		return decimal.Zero, &FieldError{Field: field, Value: s, Code: CodeNegative, Reason: "must be zero or more"}
	}
	return d, nil
}
