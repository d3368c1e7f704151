package calc

import (
	"errors"
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// Words that stand where a number cannot.
const (
	Never    = "never"    // a payback that does not come
	Infinite = "infinite" // a lifetime without end
)

// Result is an evaluated scenario, every figure a decimal string rounded for
// display: money to 2 places, ratios, months and percentages to 2, periods
// to 4, alpha and beta to 6 significant digits. Fields that do not apply to
// the model, or need a CAC that is not given, are empty (omitted in JSON).
// calc/SCENARIO.md documents each field.
type Result struct {
	Model string `json:"model"`

	// LTV is the gross margin a customer brings over the lifetime, in
	// currency units, discounted where the model has a discount rate.
	LTV string `json:"ltv"`
	// MonthlyMargin is the margin per customer and month, the divisor of the
	// payback rule.
	MonthlyMargin string `json:"monthly_margin"`

	// Unit economics, when the scenario has a CAC.
	CAC                 string `json:"cac,omitempty"`
	CACSpend            string `json:"cac_spend,omitempty"` // spending part of a CAC built from parts
	CACTime             string `json:"cac_time,omitempty"`  // time part of a CAC built from parts
	NetLTV              string `json:"net_ltv,omitempty"`
	LTVToCAC            string `json:"ltv_to_cac,omitempty"`
	LTVToCACVerdict     string `json:"ltv_to_cac_verdict,omitempty"`
	PaybackMonths       string `json:"payback_months,omitempty"` // or "never"
	PaybackVerdict      string `json:"payback_verdict,omitempty"`
	CohortPaybackMonths string `json:"cohort_payback_months,omitempty"` // a month number, or "never"

	// PaybackCurve is a customer's cumulative margin (with churn and the
	// model's discounting) after 0, 1, 2... periods of service of
	// PaybackCurvePeriodMonths months each: the curve that crosses the CAC
	// at the cohort payback. See curve.go for its length.
	PaybackCurve             []string `json:"payback_curve,omitempty"`
	PaybackCurvePeriodMonths string   `json:"payback_curve_period_months,omitempty"`
	// PaybackCurveMonths is the month in which each point of PaybackCurve
	// is reached: "0" for the first, then the month in which the last
	// period counted is paid. A period's margin counts in the month it is
	// paid: its first month (months per period x (k - 1) + 1 for period k),
	// or its last (months per period x k) when the subscription is paid at
	// the end of each period. CohortPaybackMonths follows the same rule: it
	// is the month of the first point that reaches the CAC.
	PaybackCurveMonths []string `json:"payback_curve_months,omitempty"`

	// Purchase model.
	AverageOrderValue string `json:"average_order_value,omitempty"`
	PurchaseFrequency string `json:"purchase_frequency,omitempty"` // purchases per customer and year
	AnnualValue       string `json:"annual_value,omitempty"`       // revenue per customer and year
	RevenueLTV        string `json:"revenue_ltv,omitempty"`        // LTV before the gross margin

	// Lifetime in LifetimeUnit ("years" or "months"), or "infinite".
	Lifetime     string `json:"lifetime,omitempty"`
	LifetimeUnit string `json:"lifetime_unit,omitempty"`

	// Subscription model.
	CashTiming             string `json:"cash_timing,omitempty"`
	Billing                string `json:"billing,omitempty"`
	MonthlyDiscountRatePct string `json:"monthly_discount_rate_pct,omitempty"`
	AnnualChurnPct         string `json:"annual_churn_pct,omitempty"` // the annual plan's churn used

	// Cohort model.
	Period               string   `json:"period,omitempty"`
	Alpha                string   `json:"alpha,omitempty"`
	Beta                 string   `json:"beta,omitempty"`
	LogLikelihood        string   `json:"log_likelihood,omitempty"`
	FitPeriods           string   `json:"fit_periods,omitempty"`
	FitAtBound           bool     `json:"fit_at_bound,omitempty"`
	ObservedSurvivalPct  []string `json:"observed_survival_pct,omitempty"`
	FittedSurvivalPct    []string `json:"fitted_survival_pct,omitempty"`
	ProjectedSurvivalPct []string `json:"projected_survival_pct,omitempty"` // from period 0
	RetentionPct         []string `json:"retention_pct,omitempty"`          // from period 1
	ExpectedLifetime     string   `json:"expected_lifetime,omitempty"`      // E(T) in periods, or "infinite"
	DEL                  string   `json:"del,omitempty"`
	DERL                 string   `json:"derl,omitempty"`
	ResidualLTV          string   `json:"residual_ltv,omitempty"`
	CohortPaybackPeriods string   `json:"cohort_payback_periods,omitempty"`
	NaiveRetentionPct    string   `json:"naive_retention_pct,omitempty"`
	NaiveLTV             string   `json:"naive_ltv,omitempty"`
}

// Evaluate computes the scenario's model and, when it has a CAC, its unit
// economics. It never panics. Bad input is reported as *FieldError values
// joined with errors.Join, one per bad field, naming the JSON field: the
// codes of ParseDecimal, CodeNegative, CodeNotPositive and CodeOutOfRange
// for a figure outside its bounds, CodeNotInteger, CodeRequired for a
// missing input, CodeConflict for two ways of giving one figure, CodeInvalid
// for an unknown option, CodeUnbounded for an infinite value without horizon
// and CodeNoFit for cohort data the sBG model cannot be fitted to.
func (s Scenario) Evaluate() (Result, error) {
	_, o, err := s.prepare()
	if err != nil {
		return Result{}, err
	}
	return o.result(), nil
}

// prepare reads and evaluates the scenario.
func (s *Scenario) prepare() (*inputs, *outcome, error) { return s.prepareUntil(nil) }

// prepareUntil is prepare with a stop function (see inputs.stop).
func (s *Scenario) prepareUntil(stop func() bool) (*inputs, *outcome, error) {
	in, err := parseInputs(s, stop)
	if err != nil {
		return nil, nil, err
	}
	o, err := in.evaluate(nil)
	if err != nil {
		return nil, nil, err
	}
	return in, &o, nil
}

// evaluate runs the model of in and its unit economics, with the levers of
// a what-if applied to the resolved model when lv is not nil.
func (in *inputs) evaluate(lv *levers) (outcome, error) {
	var o outcome
	var err error
	switch in.model {
	case ModelPurchase:
		var m purchaseModel
		if m, err = resolvePurchase(in); err == nil && lv != nil {
			err = lv.purchase(&m)
		}
		if err == nil {
			o = m.evaluate()
		}
	case ModelSubscription:
		var m subscriptionModel
		if m, err = resolveSubscription(in); err == nil && lv != nil {
			err = lv.subscription(&m)
		}
		if err == nil {
			o, err = m.evaluate()
		}
	case ModelCohort:
		var m cohortModel
		if m, err = resolveCohort(in); err == nil && lv != nil {
			err = lv.cohort()
		}
		if err == nil {
			o, err = m.evaluate()
		}
	}
	c, cerr := resolveCAC(in)
	if cerr == nil && lv != nil {
		cerr = lv.applyCAC(&c)
	}
	if err := errors.Join(err, cerr); err != nil {
		return outcome{}, err
	}
	o.applyCAC(c)
	return o, nil
}

// result rounds the outcome for display.
func (o *outcome) result() Result {
	r := Result{Model: o.model, LTV: money(o.ltv), MonthlyMargin: money(o.monthlyMargin())}
	if o.curve != nil && o.curvePer > 0 {
		r.PaybackCurve = curveStrings(o.curve(o.curveLength(o.curvePer)))
		r.PaybackCurvePeriodMonths = strconv.FormatInt(o.curvePer, 10)
		r.PaybackCurveMonths = make([]string, len(r.PaybackCurve))
		for i := range r.PaybackCurveMonths {
			r.PaybackCurveMonths[i] = strconv.FormatInt(o.curveMonth(int64(i)), 10)
		}
	}
	if o.cac.has {
		r.CAC, r.NetLTV = money(o.cac.cac), money(o.netLTV)
		if o.cac.parts {
			r.CACSpend, r.CACTime = money(o.cac.spend), money(o.cac.time)
		}
		ratio, ok := o.ltvToCAC()
		if ok {
			r.LTVToCAC = fixed(ratio, 2)
		}
		r.LTVToCACVerdict = o.ltvToCACVerdict(ratio, ok)
		months, ok := o.paybackMonths()
		r.PaybackMonths, r.PaybackVerdict = Never, o.paybackVerdict(months, ok)
		if ok {
			r.PaybackMonths = fixed(months, 2)
		}
		r.CohortPaybackMonths = Never
		if k, ok := o.cohortPayback(); ok {
			r.CohortPaybackMonths = strconv.FormatInt(k, 10)
		}
	}
	switch {
	case o.purchase != nil:
		p := o.purchase
		r.AverageOrderValue, r.PurchaseFrequency = money(p.aov), fixed(p.frequency, 4)
		r.AnnualValue, r.RevenueLTV = money(p.annual), money(p.revenueLTV)
		r.Lifetime, r.LifetimeUnit = fixed(p.lifetime, 4), "years"
	case o.sub != nil:
		s := o.sub
		r.CashTiming, r.Billing = s.timing, s.billing
		r.MonthlyDiscountRatePct = fixed(s.monthlyRate.Shift(2), 6)
		r.Lifetime, r.LifetimeUnit = Infinite, "months"
		if life, ok := s.lifetime(); ok {
			r.Lifetime = fixed(life, 2)
		}
		if s.billing == BillingAnnual {
			r.AnnualChurnPct = fixed(s.churn.Shift(2), 2)
		}
	case o.cohort != nil:
		o.cohort.fill(&r)
	}
	return r
}

// fill writes the cohort model's figures into r.
func (c *cohortOutcome) fill(r *Result) {
	m := c.model
	alpha, _ := decimalFromFloat(m.a)
	beta, _ := decimalFromFloat(m.b)
	r.Period, r.Alpha, r.Beta = m.period, roundSig(alpha, 6).String(), roundSig(beta, 6).String()
	r.DEL, r.DERL, r.ResidualLTV = fixed(c.del, 4), fixed(c.derl, 4), money(c.residual)
	r.ExpectedLifetime = Infinite
	if c.hasExpected {
		r.ExpectedLifetime = fixed(c.expected, 4)
	}
	if m.fit != nil {
		ll, _ := decimalFromFloat(m.fit.ll)
		r.LogLikelihood = fixed(ll, 2)
		r.FitPeriods = strconv.Itoa(m.data.fit.periods())
		r.FitAtBound = m.fit.atBound
		r.ObservedSurvivalPct = percents(m.data.observed)
		r.FittedSurvivalPct = percents(sbgSurvival(m.a, m.b, len(m.data.observed)-1))
	}
	r.ProjectedSurvivalPct = percents(sbgSurvival(m.a, m.b, m.projected))
	retention := make([]float64, m.projected)
	for t := range retention {
		retention[t] = sbgRetention(m.a, m.b, t+1)
	}
	r.RetentionPct = percents(retention)
	naiveR, naiveLTV, ok := c.naive()
	r.NaiveRetentionPct = fixed(naiveR.Shift(2), 2)
	if ok {
		r.NaiveLTV = money(naiveLTV)
	}
	if c.paybackPeriods > 0 {
		r.CohortPaybackPeriods = strconv.FormatInt(c.paybackPeriods, 10)
	}
}

func money(d decimal.Decimal) string { return fixed(d, 2) }

// fixed rounds half away from zero to places decimal places, keeping
// trailing zeros, and never shows "-0.00".
func fixed(d decimal.Decimal, places int32) string {
	c := roundedCoefficient(d, places)
	neg := c.Sign() < 0 // never for a figure that rounds to zero
	c.Abs(c)
	var db, ob [64]byte
	var digits []byte
	if c.IsUint64() {
		digits = strconv.AppendUint(db[:0], c.Uint64(), 10) // math/big's is slower
	} else {
		digits = c.Append(db[:0], 10)
	}
	out, p := ob[:0], int(places)
	if neg {
		out = append(out, '-')
	}
	if len(digits) <= p { // 0.0ddd
		out = append(out, '0', '.')
		for range p - len(digits) {
			out = append(out, '0')
		}
		out = append(out, digits...)
	} else {
		out = append(out, digits[:len(digits)-p]...)
		if p > 0 {
			out = append(append(out, '.'), digits[len(digits)-p:]...)
		}
	}
	return string(out)
}

// percents renders fractions of the sBG model as percentages rounded half
// away from zero to 2 decimal places: the float64 (see sbg.go) scaled to
// hundredths of a percent and rounded to an integer, then written in decimal.
func percents(fs []float64) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = hundredths(f * 10000)
	}
	return out
}

// hundredths writes math.Round(v) / 100 with 2 decimal places. The
// percentages it serves are within 0 to 100 %; anything else (or NaN) is
// clamped there.
func hundredths(v float64) string {
	if !(v >= 0) { // NaN too
		v = 0
	}
	n := int64(math.Round(math.Min(v, 10000)))
	return strconv.FormatInt(n/100, 10) + "." + string(rune('0'+n%100/10)) + string(rune('0'+n%10))
}
