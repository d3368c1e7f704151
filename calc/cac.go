package calc

import (
	"errors"

	"github.com/shopspring/decimal"
)

// cacValue is the customer acquisition cost of a scenario, given or built
// from its parts (seed 002):
//
//	CAC = (marketing + sales + tools + overhead) / new customers
//	      + hours per new customer x hourly rate
//
// The hours count every hour spent winning a customer, billable or not.
type cacValue struct {
	has   bool            // false: no CAC in the scenario, no unit economics
	cac   decimal.Decimal // per new customer
	spend decimal.Decimal // the spending part, per new customer (parts only)
	time  decimal.Decimal // the time part, per new customer (parts only)
	parts bool            // built from its parts
}

var spendFields = []numField{nMarketingSpend, nSalesSpend, nToolsSpend, nOverhead}

// resolveCAC reads the CAC or its parts. It reports a conflict when both are
// given, and the missing divisor or rate when only part of a pair is given.
func resolveCAC(in *inputs) (cacValue, error) {
	var c cacValue
	anySpend := false
	spend := decimal.Zero
	for _, f := range spendFields {
		if v, ok := in.value(f); ok {
			anySpend = true
			spend = spend.Add(v)
		}
	}
	hours, hasHours := in.value(nHoursPerCustomer)
	rate, hasRate := in.value(nHourlyRate)
	newCustomers, hasNew := in.value(nNewCustomers)
	anyPart := anySpend || hasHours || hasRate

	if given, ok := in.value(nCAC); ok {
		if anyPart {
			return c, &FieldError{Field: FieldCAC, Value: given.String(), Code: CodeConflict,
				Reason: "give the CAC or its parts (spend, hours, new customers), not both"}
		}
		return cacValue{has: true, cac: given}, nil
	}
	if !anyPart {
		return c, nil
	}
	var errs []error
	if anySpend && !hasNew {
		errs = append(errs, required(FieldNewCustomers, "enter the new customers won with this spend"))
	}
	if hasHours && !hasRate {
		errs = append(errs, required(FieldHourlyRate, "enter the hourly rate of the hours spent per customer"))
	}
	if hasRate && !hasHours {
		errs = append(errs, required(FieldHoursPerCustomer, "enter the hours spent per new customer"))
	}
	if err := errors.Join(errs...); err != nil {
		return c, err
	}
	c = cacValue{has: true, parts: true}
	if anySpend {
		c.spend = quo(spend, newCustomers) // new_customers > 0 by its bounds
	}
	if hasHours {
		c.time = hours.Mul(rate)
	}
	c.cac = c.spend.Add(c.time)
	return c, nil
}
