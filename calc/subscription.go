package calc

import (
	"errors"

	"github.com/shopspring/decimal"
)

// subscriptionModel is the subscription model resolved from a scenario.
// Rates are fractions: a churn of 5 % is 0.05.
type subscriptionModel struct {
	arpa           decimal.Decimal // average revenue per account and month
	margin         decimal.Decimal // gross margin
	churn          decimal.Decimal // monthly churn
	expansion      decimal.Decimal // monthly revenue growth of surviving customers
	discountAnnual decimal.Decimal // annual discount rate
	timing         string
	horizonMonths  int64 // 0 for no horizon

	annual         bool            // prepaid annual billing
	annualChurn    decimal.Decimal // churn per year of annual plans, when hasAnnual
	hasAnnualChurn bool            // else the monthly churn's hazard: see annualChurnRate
	annualDiscount decimal.Decimal // price discount for paying a year ahead

	rate *rateMemo
}

// resolveSubscription reads the subscription model. An annual plan without
// its own churn keeps the monthly churn's hazard: 1 - (1 - c)^12.
func resolveSubscription(in *inputs) (subscriptionModel, error) {
	m := subscriptionModel{
		margin:         pct(in.or(nGrossMarginPct, hundred)),
		expansion:      pct(in.or(nMonthlyExpansionPct, decimal.Zero)),
		discountAnnual: pct(in.or(nDiscountRateAnnualPct, decimal.Zero)),
		timing:         in.cashTiming,
		horizonMonths:  in.int(nHorizonMonths, 0),
		annual:         in.billing == BillingAnnual,
		annualDiscount: pct(in.or(nAnnualBillingDiscountPct, decimal.Zero)),
		rate:           in.rate,
	}
	var errs []error
	if arpa, ok := in.value(nARPAMonthly); ok {
		m.arpa = arpa
	} else {
		errs = append(errs, required(FieldARPAMonthly, "enter the average monthly revenue per account"))
	}
	if churn, ok := in.value(nMonthlyChurnPct); ok {
		m.churn = pct(churn)
	} else {
		errs = append(errs, required(FieldMonthlyChurnPct, "enter the monthly churn"))
	}
	if err := errors.Join(errs...); err != nil {
		return m, err
	}
	if c, ok := in.value(nAnnualChurnPct); ok {
		m.annualChurn, m.hasAnnualChurn = pct(c), true
	}
	return m, nil // evaluate checks that the value is bounded
}

// annualChurnRate is the annual plan's churn: as given, or else the annual
// churn with the monthly churn's hazard, 1 - (1 - c)^12.
func (m subscriptionModel) annualChurnRate() decimal.Decimal {
	if m.hasAnnualChurn {
		return m.annualChurn
	}
	kept, _ := powRound(one.Sub(m.churn), 12) // at most 1: always in range
	return one.Sub(kept)
}

// check refuses a model whose value has no limit.
func (m subscriptionModel) check() error {
	if m.flows().bounded() {
		return nil
	}
	return &FieldError{Field: FieldHorizonMonths, Code: CodeUnbounded,
		Reason: "churn does not exceed expansion net of the discount rate, so the value never stops growing: set a horizon in months (or a discount rate)"}
}

// monthsPerPeriod is 12 for annual billing, else 1.
func (m subscriptionModel) monthsPerPeriod() int64 {
	if m.annual {
		return 12
	}
	return 1
}

// flows are the cash flows per billing period: a month, or a year prepaid.
func (m subscriptionModel) flows() flows {
	if !m.annual {
		return flows{
			m:       m.arpa.Mul(m.margin),
			r:       one.Sub(m.churn),
			g:       m.expansion,
			d:       m.rate.monthlyRate(m.discountAnnual),
			timing:  m.timing,
			horizon: m.horizonMonths,
		}
	}
	grown, _ := powRound(one.Add(m.expansion), 12) // at most 2^12
	return flows{
		m:       m.arpa.Mul(twelve).Mul(one.Sub(m.annualDiscount)).Mul(m.margin),
		r:       one.Sub(m.annualChurnRate()),
		g:       grown.Sub(one),
		d:       m.discountAnnual,
		timing:  m.timing,
		horizon: (m.horizonMonths + 11) / 12, // a year begun is a year paid
	}
}

// evaluate computes LTV as the present value of the margin flows (see
// flows.value) and the monthly margin of the payback rule.
func (m subscriptionModel) evaluate() (outcome, error) {
	f := m.flows()
	ltv, ok := f.value() // checks bounded() first
	if !ok {
		if !f.bounded() {
			return outcome{}, m.check()
		}
		return outcome{}, &FieldError{Field: FieldHorizonMonths, Code: CodeUnbounded, Reason: "the value is too large to represent: shorten the horizon"}
	}
	o := outcome{
		model:        ModelSubscription,
		ltv:          ltv,
		periodMargin: f.m,
		periodMonths: m.monthsPerPeriod(),
		sub: &subscriptionOutcome{
			timing:      m.timing,
			billing:     BillingMonthly,
			monthlyRate: f.d,
			churn:       m.churn,
			months:      one,
		},
	}
	if m.annual {
		o.sub.billing, o.sub.churn, o.sub.months = BillingAnnual, one.Sub(f.r), twelve
		o.sub.monthlyRate = m.rate.monthlyRate(m.discountAnnual)
	}
	per := m.monthsPerPeriod()
	o.curve, o.curvePer, o.curveAtEnd = f.seriesSum, per, m.timing == TimingEnd
	o.paybackAt = func(cac decimal.Decimal) (int64, bool) {
		k, ok := f.paybackPeriod(cac)
		if !ok || k == 0 || per == 1 {
			return k, ok
		}
		if m.timing == TimingEnd {
			return 12 * k, true // paid at the end of year k
		}
		return 12*(k-1) + 1, true // paid in the first month of year k
	}
	return o, nil
}

// subscriptionOutcome holds the subscription model's own figures.
type subscriptionOutcome struct {
	timing, billing string
	monthlyRate     decimal.Decimal // the monthly discount rate used, a fraction
	churn           decimal.Decimal // per billing period: month, or year under annual billing
	months          decimal.Decimal // months per billing period
}

// lifetime is the expected lifetime in months, months per period / churn;
// ok is false when churn is 0: no finite lifetime.
func (s *subscriptionOutcome) lifetime() (decimal.Decimal, bool) {
	if s.churn.Sign() <= 0 {
		return decimal.Zero, false
	}
	return quo(s.months, s.churn), true
}
