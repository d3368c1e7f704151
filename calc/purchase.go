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

// purchaseModel is the purchase model resolved from a scenario: the three
// figures of PurchaseInputs and the gross margin, a fraction.
type purchaseModel struct {
	PurchaseInputs
	margin decimal.Decimal
}

// resolvePurchase takes each figure as given, or else derives it from the
// totals of a year (seed 004): AOV = total revenue / total purchases,
// frequency = total purchases / unique customers, lifetime = total
// customer-years / unique customers. The lifetime may also be given as an
// annual churn: lifetime = 1 / churn.
func resolvePurchase(in *inputs) (purchaseModel, error) {
	var m purchaseModel
	var errs []error
	rev, hasRev := in.value(nTotalRevenue)
	buys, hasBuys := in.value(nTotalPurchases)
	custs, hasCusts := in.value(nUniqueCustomers)
	years, hasYears := in.value(nTotalCustomerYears)

	switch aov, ok := in.value(nAverageOrderValue); {
	case ok:
		m.AverageOrderValue = aov
	case hasRev && hasBuys:
		m.AverageOrderValue = quo(rev, buys) // total_purchases > 0 by its bounds
	default:
		errs = append(errs, required(FieldAverageOrderValue, "enter the average order value, or total revenue and total purchases"))
	}
	switch freq, ok := in.value(nPurchasesPerYear); {
	case ok:
		m.PurchasesPerYear = freq
	case hasBuys && hasCusts:
		m.PurchasesPerYear = quo(buys, custs) // unique_customers > 0 by its bounds
	default:
		errs = append(errs, required(FieldPurchasesPerYear, "enter the purchases per year, or total purchases and unique customers"))
	}
	churn, hasChurn := in.value(nAnnualChurnPct)
	switch life, ok := in.value(nLifetimeYears); {
	case ok && hasChurn:
		errs = append(errs, &FieldError{Field: FieldAnnualChurnPct, Value: churn.String(), Code: CodeConflict,
			Reason: "give the lifetime in years or the annual churn, not both"})
	case ok:
		m.LifetimeYears = life
	case hasChurn && churn.Sign() > 0:
		m.LifetimeYears = quo(hundred, churn)
	case hasChurn:
		errs = append(errs, &FieldError{Field: FieldAnnualChurnPct, Value: churn.String(), Code: CodeNotPositive,
			Reason: "must be more than zero: with no churn a customer stays for ever"})
	case hasYears && hasCusts:
		m.LifetimeYears = quo(years, custs)
	default:
		errs = append(errs, required(FieldLifetimeYears, "enter the lifetime in years, the annual churn, or total customer-years and unique customers"))
	}
	m.margin = pct(in.or(nGrossMarginPct, hundred))
	return m, errors.Join(errs...)
}

// evaluate computes the purchase model:
// LTV = AOV x purchases per year x lifetime in years x gross margin.
func (m purchaseModel) evaluate() outcome {
	annual := m.AnnualValue()
	o := outcome{
		model:        ModelPurchase,
		ltv:          m.LTV().Mul(m.margin),
		periodMargin: annual.Mul(m.margin),
		periodMonths: 12,
		purchase: &purchaseOutcome{
			aov:        m.AverageOrderValue,
			frequency:  m.PurchasesPerYear,
			lifetime:   m.LifetimeYears,
			annual:     annual,
			revenueLTV: m.LTV(),
		},
	}
	o.paybackAt = m.paybackMonth
	o.curve, o.curvePer = m.curve, 1
	// The curve shows the whole lifetime, up to 10 years.
	if months := m.LifetimeYears.Mul(twelve).Ceil(); months.Cmp(decimal.NewFromInt(curveMaxLifetimeMonths)) <= 0 {
		o.curveMin = months.IntPart()
	} else {
		o.curveMin = curveMaxLifetimeMonths
	}
	return o
}

// paybackMonth is the month in which a customer's cumulative margin reaches
// cac. The purchase model has no churn curve: a customer stays for the whole
// lifetime and spends evenly, so the margin accrues linearly for 12 x
// lifetime months.
func (m purchaseModel) paybackMonth(cac decimal.Decimal) (int64, bool) {
	if cac.Sign() <= 0 {
		return 0, true
	}
	monthly := m.AnnualValue().Mul(m.margin) // x 1/12, kept exact below
	total := monthly.Mul(m.LifetimeYears)    // margin over the lifetime
	if monthly.Sign() <= 0 || total.Cmp(cac) < 0 {
		return 0, false
	}
	k := quo(cac.Mul(twelve), monthly).Ceil()
	if monthly.Mul(k).Cmp(cac.Mul(twelve)) < 0 { // quo rounded down past an integer
		k = k.Add(one)
	}
	return k.IntPart(), true
}

// purchaseOutcome holds the purchase model's own figures.
type purchaseOutcome struct {
	aov, frequency, lifetime, annual, revenueLTV decimal.Decimal
}
