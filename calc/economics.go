package calc

import "github.com/shopspring/decimal"

// Rules of thumb (D. Skok, "SaaS Metrics 2.0").
var (
	targetLTVToCAC = decimal.NewFromInt(3)  // LTV at least 3 x CAC
	targetPayback  = decimal.NewFromInt(12) // CAC paid back within 12 months
)

// Verdicts of Result.LTVToCACVerdict and Result.PaybackVerdict.
const (
	VerdictMeets3x     = "meets_3x"    // LTV >= 3 x CAC
	VerdictBelow3x     = "below_3x"    // CAC <= LTV < 3 x CAC: profitable, thinly
	VerdictLosesMoney  = "loses_money" // LTV < CAC
	VerdictWithin12    = "within_12_months"
	VerdictOver12      = "over_12_months" // including never
	VerdictNoAcquiring = "no_cac"         // CAC is zero: every ratio is infinite
)

// Metrics: the figures that sensitivity and goal seek can target and that a
// what-if compares. Each is also the JSON name of the figure in Result.
const (
	MetricLTV                 = "ltv"
	MetricNetLTV              = "net_ltv"
	MetricLTVToCAC            = "ltv_to_cac"
	MetricPaybackMonths       = "payback_months"
	MetricCohortPaybackMonths = "cohort_payback_months"
	MetricCAC                 = "cac"
	MetricMonthlyMargin       = "monthly_margin"
	MetricLifetime            = "lifetime"
	MetricResidualLTV         = "residual_ltv"
)

// comparedMetrics are the figures a what-if compares, in order.
var comparedMetrics = []string{
	MetricLTV, MetricNetLTV, MetricLTVToCAC, MetricPaybackMonths, MetricCohortPaybackMonths,
	MetricCAC, MetricMonthlyMargin, MetricLifetime, MetricResidualLTV,
}

// outcome is an evaluated scenario at full precision; Result rounds it.
type outcome struct {
	model string
	// ltv is the margin a customer brings over the lifetime, discounted
	// where the model has a discount rate.
	ltv decimal.Decimal
	// periodMargin is the margin per customer in the first period of
	// periodMonths months; monthlyMargin derives the payback rule's divisor.
	periodMargin decimal.Decimal
	periodMonths int64
	// paybackAt returns the month (1-based) in which a customer's cumulative
	// margin, with churn, reaches cac; ok is false for never.
	paybackAt func(cac decimal.Decimal) (month int64, ok bool)
	// curve returns the cumulative margin after 0..n periods of curvePer
	// months (see curve.go).
	curve    func(n int64) []decimal.Decimal
	curvePer int64
	// curveAtEnd: each period's margin is paid in its last month (a
	// subscription paid at the end of each period), not its first.
	curveAtEnd bool
	// curveLen, when not 0, is the number of periods the curve covers:
	// the cohort model's horizon, or a period past its projection.
	// curveMin is the least it covers: the purchase model's lifetime.
	curveLen, curveMin int64

	cac        cacValue
	netLTV     decimal.Decimal
	cohortPay  int64 // cohort payback month, when cohortOK and cohortDone
	cohortOK   bool
	cohortDone bool // computed: it is searched for only on demand

	purchase *purchaseOutcome
	sub      *subscriptionOutcome
	cohort   *cohortOutcome
}

// applyCAC adds the CAC and net LTV = LTV - CAC. The other unit economics
// are computed on demand: LTVToCAC, paybackMonths and cohortPayback.
func (o *outcome) applyCAC(c cacValue) {
	o.cac = c
	if c.has {
		o.netLTV = o.ltv.Sub(c.cac)
	}
}

// monthlyMargin is the margin per customer and month.
func (o *outcome) monthlyMargin() decimal.Decimal {
	if o.periodMonths <= 1 {
		return o.periodMargin
	}
	return quo(o.periodMargin, decimal.NewFromInt(o.periodMonths))
}

// ltvToCAC is LTV / CAC; ok is false without CAC or when it is zero.
func (o *outcome) ltvToCAC() (decimal.Decimal, bool) {
	if !o.cac.has || o.cac.cac.Sign() <= 0 {
		return decimal.Zero, false
	}
	return quo(o.ltv, o.cac.cac), true
}

// paybackMonths is the payback rule CAC / (monthly ARPA x margin); ok is
// false without CAC, and for never (no margin).
func (o *outcome) paybackMonths() (decimal.Decimal, bool) {
	switch {
	case !o.cac.has:
		return decimal.Zero, false
	case o.cac.cac.Sign() <= 0:
		return decimal.Zero, true
	case o.periodMargin.Sign() > 0:
		return quo(o.cac.cac.Mul(decimal.NewFromInt(o.periodMonths)), o.periodMargin), true
	}
	return decimal.Zero, false
}

// cohortPayback returns the month in which a customer's cumulative margin,
// with churn, reaches the CAC; ok is false for never and without CAC.
func (o *outcome) cohortPayback() (month int64, ok bool) {
	if !o.cohortDone && o.cac.has && o.paybackAt != nil {
		o.cohortPay, o.cohortOK = o.paybackAt(o.cac.cac)
	}
	o.cohortDone = true
	return o.cohortPay, o.cohortOK
}

// ltvToCACVerdict judges LTV:CAC, ratio and ok from ltvToCAC, against the
// 3x rule.
func (o *outcome) ltvToCACVerdict(ratio decimal.Decimal, ok bool) string {
	switch {
	case !o.cac.has:
		return ""
	case !ok:
		return VerdictNoAcquiring
	case ratio.Cmp(targetLTVToCAC) >= 0:
		return VerdictMeets3x
	case ratio.Cmp(one) >= 0:
		return VerdictBelow3x
	}
	return VerdictLosesMoney
}

// paybackVerdict judges the payback months, from paybackMonths, against the
// 12-month rule.
func (o *outcome) paybackVerdict(months decimal.Decimal, ok bool) string {
	switch {
	case !o.cac.has:
		return ""
	case ok && months.Cmp(targetPayback) <= 0:
		return VerdictWithin12
	}
	return VerdictOver12
}

// metric returns the figure called name, unrounded; ok is false when the
// scenario does not have it (no CAC, a payback that never comes, ...).
func (o *outcome) metric(name string) (decimal.Decimal, bool) {
	switch name {
	case MetricLTV:
		return o.ltv, true
	case MetricNetLTV:
		return o.netLTV, o.cac.has
	case MetricLTVToCAC:
		return o.ltvToCAC()
	case MetricPaybackMonths:
		return o.paybackMonths()
	case MetricCohortPaybackMonths:
		k, ok := o.cohortPayback()
		return decimal.NewFromInt(k), ok
	case MetricCAC:
		return o.cac.cac, o.cac.has
	case MetricMonthlyMargin:
		return o.monthlyMargin(), true
	case MetricLifetime:
		switch {
		case o.purchase != nil:
			return o.purchase.lifetime, true
		case o.sub != nil:
			return o.sub.lifetime()
		case o.cohort != nil:
			return o.cohort.expected, o.cohort.hasExpected
		}
	case MetricResidualLTV:
		if o.cohort != nil {
			return o.cohort.residual, true
		}
	}
	return decimal.Zero, false
}

// isMetric reports whether name is one of the Metric* names.
func isMetric(name string) bool {
	for _, m := range comparedMetrics {
		if m == name {
			return true
		}
	}
	return false
}
