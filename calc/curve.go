package calc

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// The payback curve: a customer's cumulative margin, with churn (and the
// model's discounting), after each period of service, against which the UI
// draws the CAC. Result.PaybackCurve holds it from period 0 (nothing yet)
// to a horizon that shows the payback when there is one: twice the cohort
// payback, at least a year (3 years for yearly periods), at most 60 months
// or 20 years; without a payback, 24 months or 10 years; the purchase
// model's, at least the lifetime, up to 10 years. The cohort model's
// runs to its horizon, the last period whose margin counts, or without one
// a period past the projected survival: the margin of the last projected
// period included.

// Curve lengths, in periods.
const (
	curveMinMonths = 12
	curveMaxMonths = 60
	curveMaxYears  = 20
	curveNeverLen  = 24 // monthly periods without a payback to show
	curveNeverLenY = 10 // yearly periods without a payback to show
	// curveMaxLifetimeMonths bounds the purchase model's curve, which
	// covers the whole lifetime: 10 years of months.
	curveMaxLifetimeMonths = 120
)

// curveLength is the number of periods the payback curve covers.
func (o *outcome) curveLength(per int64) int64 {
	if o.curveLen > 0 {
		return o.curveLen
	}
	maxN, minN := int64(curveMaxMonths), int64(curveMinMonths)
	if per == 12 {
		maxN, minN = curveMaxYears, 3
	}
	n := int64(curveNeverLen)
	if per == 12 {
		n = curveNeverLenY
	}
	if month, ok := o.cohortPayback(); ok {
		p := (month + per - 1) / per // the period of the payback month
		n = clamp(2*p, minN, maxN)
	}
	return max(n, o.curveMin)
}

// seriesSum returns the cumulative present value of the flows after
// 0, 1, ..., n periods of service, the same figures as cumulative(k) for
// each k, computed with one multiplication per period. It works in fixed
// point, integers of 10^-seriesPlaces, which keeps every figure within
// n x 10^-seriesPlaces of the exact sum at a fraction of the cost of
// rounding decimals to significant digits.
func (f flows) seriesSum(n int64) []decimal.Decimal {
	out := make([]decimal.Decimal, n+1)
	q := fixedPoint(f.ratio())
	var endFactor *big.Int
	if f.timing == TimingEnd && !f.d.IsZero() {
		endFactor = fixedPoint(quo(one, one.Add(f.d)))
	}
	m := fixedPoint(f.m)
	sum, term := new(big.Int), new(big.Int).Set(m)
	var v big.Int
	for k := int64(1); k <= n; k++ {
		if f.horizon > 0 && k > f.horizon {
			out[k] = out[k-1]
			continue
		}
		sum.Add(sum, term)
		shrink(term.Mul(term, q), seriesPlaces)
		switch {
		case endFactor != nil:
			shrink(v.Mul(sum, endFactor), seriesPlaces)
		case f.timing == TimingAfterFirst:
			v.Sub(sum, m)
		default:
			v.Set(sum)
		}
		out[k] = decimal.NewFromBigInt(&v, -seriesPlaces)
	}
	return out
}

// seriesPlaces is the number of decimal places seriesSum keeps.
const seriesPlaces = 30

// fixedPoint returns d in integers of 10^-seriesPlaces, rounded.
func fixedPoint(d decimal.Decimal) *big.Int {
	return roundHalfAway(d, seriesPlaces).Coefficient()
}

// shrink divides x by 10^digits in place, truncating toward zero.
func shrink(x *big.Int, digits int64) {
	neg := x.Sign() < 0
	x.SetBits(divPow10(x.Bits(), digits))
	if neg {
		x.Neg(x)
	}
}

// curveStrings rounds a curve for display, like every money figure.
func curveStrings(c []decimal.Decimal) []string {
	out := make([]string, len(c))
	for i, v := range c {
		out[i] = money(v)
	}
	return out
}

// purchaseCurve: the purchase model has no churn curve (see paybackMonth):
// the margin accrues evenly, month by month, for the whole lifetime.
func (m purchaseModel) curve(n int64) []decimal.Decimal {
	monthly := quo(m.AnnualValue().Mul(m.margin), twelve)
	months := m.LifetimeYears.Mul(twelve)
	out := make([]decimal.Decimal, n+1)
	for k := int64(1); k <= n; k++ {
		mk := decimal.NewFromInt(k)
		if mk.Cmp(months) > 0 {
			mk = months
		}
		out[k] = monthly.Mul(mk)
	}
	return out
}

// cohortCurve is m x sum_{t<k} S(t) z^t for k = 0..n, in float64 like the
// rest of the sBG sums (see sbg.go), within the horizon if any.
func (m cohortModel) curve(n int64, z float64) []decimal.Decimal {
	out := make([]decimal.Decimal, n+1)
	margin := floatOf(m.margin)
	sum, term := 0.0, 1.0
	for k := int64(1); k <= n; k++ {
		if m.horizon > 0 && k > m.horizon {
			out[k] = out[k-1]
			continue
		}
		if k > 1 {
			term *= z * sbgRetention(m.a, m.b, int(k-1))
		}
		sum += term
		out[k], _ = decimalFromFloat(margin * sum)
	}
	return out
}

// curveMonth is the month in which point k of the payback curve is
// reached (see Result.PaybackCurveMonths): the month in which the margin of
// period k is paid, its first, or its last when paid at the end.
func (o *outcome) curveMonth(k int64) int64 {
	switch {
	case k <= 0:
		return 0
	case o.curveAtEnd:
		return o.curvePer * k
	}
	return o.curvePer*(k-1) + 1
}
