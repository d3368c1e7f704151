package calc

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
)

// Changes are the levers of a what-if: a scenario is a baseline plus
// changes. Every lever is optional; signs say the direction. Levers apply
// after Set, in this order: annual billing, churn, margin, price, CAC.
type Changes struct {
	// ChurnChangePoints moves the churn by percentage points: -1 turns a
	// churn of 5 % into 4 %. It moves the monthly churn, the annual plan's
	// churn under annual billing, and the purchase model's annual churn
	// (1 / lifetime in years).
	ChurnChangePoints Number `json:"churn_change_points,omitempty"`
	// PriceChangePct changes the price by a percentage: the average order
	// value or the ARPA. Costs stay as they were, so the gross margin moves
	// too: margin' = (margin + p) / (1 + p).
	PriceChangePct Number `json:"price_change_pct,omitempty"`
	// PriceElasticity is the percentage change in purchases per year for a
	// 1 % price change (purchase model; usually negative, seed 001):
	// frequency' = frequency x (1 + elasticity x p), at least 0.
	PriceElasticity Number `json:"price_elasticity,omitempty"`
	// AnnualBilling switches a subscription to prepaid annual billing, with
	// the scenario's annual_churn_pct and annual_billing_discount_pct.
	AnnualBilling bool `json:"annual_billing,omitempty"`
	// MarginChangePoints moves the gross margin by percentage points.
	MarginChangePoints Number `json:"margin_change_points,omitempty"`
	// CACChangePct changes the CAC (every part of it) by a percentage.
	CACChangePct Number `json:"cac_change_pct,omitempty"`
	// Set replaces inputs of the baseline by name, e.g.
	// {"monthly_churn_pct": "4"}: any number field of the scenario, and
	// cash_timing, billing and period.
	Set map[string]Number `json:"set,omitempty"`
}

// Comparison is a what-if: the baseline and the changed scenario, evaluated,
// and the differences of their main figures.
type Comparison struct {
	Baseline Result  `json:"baseline"`
	Scenario Result  `json:"scenario"`
	Deltas   []Delta `json:"deltas"`
}

// Delta is the difference of one figure between baseline and scenario.
// Change is scenario - baseline, ChangePct the same in percent of the
// baseline (empty when the baseline is zero); both are empty when one side
// has no such figure (a payback that never comes, for instance).
type Delta struct {
	Metric    string `json:"metric"`
	Baseline  string `json:"baseline"`
	Scenario  string `json:"scenario"`
	Change    string `json:"change,omitempty"`
	ChangePct string `json:"change_pct,omitempty"`
}

// WhatIf evaluates the scenario and the scenario with the changes applied,
// and compares them. Errors of the baseline are those of Evaluate; errors of
// the changes and of the changed scenario are *FieldError values whose Field
// starts with "what_if.", e.g. "what_if.churn_change_points" for a lever
// that does not apply to the model (CodeNotApplied) or that leaves its
// figure out of bounds (CodeOutOfRange).
func (s Scenario) WhatIf(ch Changes) (Comparison, error) {
	in, base, err := s.prepare()
	if err != nil {
		return Comparison{}, err
	}
	return in.whatIf(&s, base, ch)
}

func (in *inputs) whatIf(s *Scenario, base *outcome, ch Changes) (Comparison, error) {
	var c Comparison
	changed, err := s.withSet(ch.Set)
	if err != nil {
		return c, err
	}
	lv, err := parseLevers(ch)
	if err != nil {
		return c, err
	}
	vin, err := parseInputs(&changed, in.stop)
	if errors.Is(err, ErrStopped) {
		return c, err
	}
	if err != nil {
		return c, inWhatIf(err)
	}
	if sameData(s, &changed) {
		vin.fit = in.fit // the data are the same: so is the fit
	}
	variant, err := vin.evaluate(lv)
	if err != nil {
		return c, inWhatIf(err)
	}
	c.Baseline, c.Scenario = base.result(), variant.result()
	for _, name := range comparedMetrics {
		if d, ok := delta(name, base, &variant); ok {
			c.Deltas = append(c.Deltas, d)
		}
	}
	return c, nil
}

// withSet returns a copy of s with the inputs of set replaced.
func (s Scenario) withSet(set map[string]Number) (Scenario, error) {
	var errs []error
	for name, v := range set {
		if f, ok := fieldByName(name); ok {
			*s.number(f) = v
			continue
		}
		switch name {
		case FieldCashTiming:
			s.CashTiming = string(v)
		case FieldBilling:
			s.Billing = string(v)
		case FieldPeriod:
			s.Period = string(v)
		default:
			errs = append(errs, &FieldError{Field: clip(FieldWhatIf + ".set." + name), Code: CodeUnknown,
				Reason: "not a number field or option of the scenario"})
		}
	}
	return s, errors.Join(errs...)
}

// sameData reports whether two scenarios have the same cohort data.
func sameData(a, b *Scenario) bool {
	return a.Customers == b.Customers && a.FitPeriods == b.FitPeriods
}

// inWhatIf prefixes the fields of the changed scenario's errors.
func inWhatIf(err error) error {
	for _, fe := range FieldErrors(err) {
		if !strings.HasPrefix(fe.Field, FieldWhatIf+".") {
			fe.Field = FieldWhatIf + "." + fe.Field
		}
	}
	return err
}

// levers are Changes read into fractions.
type levers struct {
	churn, price, elasticity, margin, cac decimal.Decimal
	has                                   [5]bool // churn, price, elasticity, margin, cac
	annual                                bool
}

const (
	lvChurn = iota
	lvPrice
	lvElasticity
	lvMargin
	lvCAC
)

var leverSpecs = [5]fieldSpec{
	lvChurn:      {name: FieldWhatIf + ".churn_change_points", min: hundred.Neg(), max: hundred},
	lvPrice:      {name: FieldWhatIf + ".price_change_pct", min: hundred.Neg(), minOpen: true, max: d1000},
	lvElasticity: {name: FieldWhatIf + ".price_elasticity", min: d1000.Neg(), max: d1000},
	lvMargin:     {name: FieldWhatIf + ".margin_change_points", min: hundred.Neg(), max: hundred},
	lvCAC:        {name: FieldWhatIf + ".cac_change_pct", min: hundred.Neg(), max: d1000},
}

func parseLevers(ch Changes) (*levers, error) {
	lv := &levers{annual: ch.AnnualBilling}
	texts := [5]Number{ch.ChurnChangePoints, ch.PriceChangePct, ch.PriceElasticity, ch.MarginChangePoints, ch.CACChangePct}
	dst := [5]*decimal.Decimal{&lv.churn, &lv.price, &lv.elasticity, &lv.margin, &lv.cac}
	var errs []error
	for i, text := range texts {
		d, ok, err := leverSpecs[i].parse(string(text))
		if i != lvElasticity { // points and percentages to fractions
			d = pct(d)
		}
		*dst[i], lv.has[i] = d, ok
		errs = append(errs, err)
	}
	return lv, errors.Join(errs...)
}

// leverError reports a lever the model cannot take or an out-of-range result.
func leverError(i int, code, reason string) error {
	return &FieldError{Field: leverSpecs[i].name, Code: code, Reason: reason}
}

// moved returns v + delta when it stays within [0, 1].
func moved(i int, v, delta decimal.Decimal, what string) (decimal.Decimal, error) {
	w := v.Add(delta)
	if w.Sign() < 0 || w.Cmp(one) > 0 {
		return v, leverError(i, CodeOutOfRange, "moves the "+what+" outside 0 to 100 %")
	}
	return w, nil
}

// repriced returns the margin after a price change p with costs unchanged.
func repriced(margin, p decimal.Decimal) decimal.Decimal {
	return quo(margin.Add(p), one.Add(p)) // p > -1 by its bounds
}

// notFor lists the levers the model cannot take.
func (lv *levers) notFor(model string, levers ...int) error {
	var errs []error
	for _, i := range levers {
		if lv.has[i] {
			errs = append(errs, leverError(i, CodeNotApplied, "the "+model+" model has no such input"))
		}
	}
	return errors.Join(errs...)
}

func (lv *levers) purchase(m *purchaseModel) error {
	if lv.annual {
		return &FieldError{Field: FieldWhatIf + ".annual_billing", Code: CodeNotApplied, Reason: "annual billing is a lever of the subscription model"}
	}
	var err error
	if lv.has[lvChurn] {
		if m.LifetimeYears.Sign() <= 0 {
			return leverError(lvChurn, CodeNotApplied, "a lifetime of zero has no churn to change")
		}
		churn, err := moved(lvChurn, quo(one, m.LifetimeYears), lv.churn, "annual churn")
		if err != nil {
			return err
		}
		if churn.Sign() == 0 {
			return leverError(lvChurn, CodeOutOfRange, "brings the annual churn to zero: customers would stay for ever")
		}
		m.LifetimeYears = quo(one, churn)
	}
	if lv.has[lvMargin] {
		if m.margin, err = moved(lvMargin, m.margin, lv.margin, "gross margin"); err != nil {
			return err
		}
	}
	if lv.has[lvPrice] {
		m.AverageOrderValue = m.AverageOrderValue.Mul(one.Add(lv.price))
		m.margin = repriced(m.margin, lv.price)
		if lv.has[lvElasticity] {
			m.PurchasesPerYear = decimal.Max(decimal.Zero, m.PurchasesPerYear.Mul(one.Add(lv.elasticity.Mul(lv.price))))
		}
	}
	return nil
}

func (lv *levers) subscription(m *subscriptionModel) error {
	if err := lv.notFor("subscription", lvElasticity); err != nil {
		return err
	}
	m.annual = m.annual || lv.annual
	var err error
	if lv.has[lvChurn] {
		if m.annual {
			m.annualChurn, err = moved(lvChurn, m.annualChurnRate(), lv.churn, "annual churn")
			m.hasAnnualChurn = true
		} else {
			m.churn, err = moved(lvChurn, m.churn, lv.churn, "monthly churn")
		}
		if err != nil {
			return err
		}
	}
	if lv.has[lvMargin] {
		if m.margin, err = moved(lvMargin, m.margin, lv.margin, "gross margin"); err != nil {
			return err
		}
	}
	if lv.has[lvPrice] {
		m.arpa = m.arpa.Mul(one.Add(lv.price))
		m.margin = repriced(m.margin, lv.price)
	}
	return nil
}

func (lv *levers) cohort() error {
	err := lv.notFor("cohort", lvChurn, lvPrice, lvElasticity, lvMargin)
	if lv.annual {
		err = errors.Join(err, &FieldError{Field: FieldWhatIf + ".annual_billing", Code: CodeNotApplied, Reason: "annual billing is a lever of the subscription model"})
	}
	return err
}

func (lv *levers) applyCAC(c *cacValue) error {
	if !lv.has[lvCAC] {
		return nil
	}
	if !c.has {
		return leverError(lvCAC, CodeNotApplied, "the scenario has no CAC to change")
	}
	f := one.Add(lv.cac)
	c.cac, c.spend, c.time = c.cac.Mul(f), c.spend.Mul(f), c.time.Mul(f)
	return nil
}

// delta compares one metric of two outcomes.
func delta(name string, base, variant *outcome) (Delta, bool) {
	b, okb := base.metric(name)
	v, okv := variant.metric(name)
	d := Delta{Metric: name, Baseline: display(name, b, okb, base), Scenario: display(name, v, okv, variant)}
	if d.Baseline == "" && d.Scenario == "" {
		return d, false
	}
	if okb && okv {
		change := v.Sub(b)
		d.Change = displayNumber(name, change)
		if !b.IsZero() {
			d.ChangePct = fixed(quo(change.Mul(hundred), b.Abs()), 2)
		}
	}
	return d, true
}

// display renders a metric as in Result: "" when the scenario has no such
// figure, "never" for a payback that does not come.
func display(name string, v decimal.Decimal, ok bool, o *outcome) string {
	if ok {
		return displayNumber(name, v)
	}
	switch {
	case !o.cac.has:
		return ""
	case name == MetricPaybackMonths || name == MetricCohortPaybackMonths:
		return Never
	}
	return ""
}

func displayNumber(name string, v decimal.Decimal) string {
	switch name {
	case MetricLTVToCAC, MetricPaybackMonths, MetricLifetime:
		return fixed(v, 2)
	case MetricCohortPaybackMonths:
		return fixed(v, 0)
	}
	return money(v)
}
