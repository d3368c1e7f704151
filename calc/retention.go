package calc

import (
	"math"

	"github.com/shopspring/decimal"
)

// flows are the expected cash flows of one customer under constant
// retention: a margin m in the first period, kept with probability r and
// grown by g each period after, discounted at d per period. All are
// fractions per period, exact decimals.
type flows struct {
	m, r, g, d decimal.Decimal
	timing     string // TimingStart, TimingEnd or TimingAfterFirst
	horizon    int64  // number of periods of service counted; 0 for no end

	q    decimal.Decimal // ratio(), once prepared
	hasQ bool
}

// prepared returns f with its ratio computed once, for repeated use.
func (f flows) prepared() flows {
	f.q, f.hasQ = f.ratio(), true
	return f
}

// growth is r (1 + g), the expected margin of a period relative to the one before.
func (f flows) growth() decimal.Decimal {
	if f.g.IsZero() {
		return f.r
	}
	return f.r.Mul(one.Add(f.g))
}

// ratio is q = r (1 + g) / (1 + d), the present value of a period's expected
// margin relative to the one before.
func (f flows) ratio() decimal.Decimal {
	if f.hasQ {
		return f.q
	}
	if f.d.IsZero() {
		return f.growth()
	}
	return quo(f.growth(), one.Add(f.d))
}

// bounded reports whether the value has a limit without horizon: q < 1,
// and without discounting churn above expansion, 1 - r > g. The latter is
// stricter than q < 1 (which allows churn = expansion: hundreds of months
// of margin) and is the condition of the SaaS formula ARPA x GM / (c - g).
func (f flows) bounded() bool {
	if f.horizon > 0 {
		return true
	}
	if f.d.IsZero() && one.Sub(f.r).Cmp(f.g) <= 0 {
		return false
	}
	return f.growth().Cmp(one.Add(f.d)) < 0
}

// value is the expected present value of every payment, by the timing
// convention (Fader & Hardie 2012, see doc.go). Without horizon:
//
//	start:       m (1 + d) / (1 + d - r(1+g))
//	after_first: m r(1+g) / (1 + d - r(1+g))
//	end:         m / (1 + d - r(1+g))
//
// With a horizon of H periods of service it is the first H payments (see
// cumulative). ok is false when the sum has no limit (check bounded first).
func (f flows) value() (v decimal.Decimal, ok bool) {
	if f.horizon > 0 {
		return f.cumulative(f.horizon)
	}
	if !f.bounded() {
		return decimal.Zero, false
	}
	den, growth := one.Add(f.d), f.growth()
	gap := den.Sub(growth) // > 0 when bounded
	switch f.timing {
	case TimingEnd:
		return quo(f.m, gap), true
	case TimingAfterFirst:
		return quo(f.m.Mul(growth), gap), true
	}
	return quo(f.m.Mul(den), gap), true
}

// cumulative is the present value of the payments for the first k periods
// of service (k >= 0). The payment for period i (1-based) is made at time
// i - 1 under start and after_first, at time i under end; after_first leaves
// out the first. So value(start) = value(after_first) + m and
// value(end) = value(start) / (1 + d) for every horizon.
func (f flows) cumulative(k int64) (decimal.Decimal, bool) {
	if k <= 0 {
		return decimal.Zero, true
	}
	q := f.ratio()
	var s decimal.Decimal // the start convention: m (1 - q^k) / (1 - q)
	if q.Equal(one) {
		s = f.m.Mul(decimal.NewFromInt(k))
	} else {
		qk, ok := powRound(q, k)
		if !ok {
			return decimal.Zero, false
		}
		s = quo(f.m.Mul(one.Sub(qk)), one.Sub(q))
	}
	switch f.timing {
	case TimingEnd:
		if !f.d.IsZero() {
			s = quo(s, one.Add(f.d))
		}
	case TimingAfterFirst:
		s = s.Sub(f.m)
	}
	return s, true
}

// maxPaybackPeriods bounds the search for a payback period without horizon.
const maxPaybackPeriods = 1 << 40

// paybackPeriod returns the first period of service k (1-based) whose
// payment brings the cumulative present value to target or beyond; ok is
// false when that never happens (within the horizon, if any). A target of
// zero or less is reached at k = 0.
func (f flows) paybackPeriod(target decimal.Decimal) (int64, bool) {
	if target.Sign() <= 0 {
		return 0, true
	}
	f = f.prepared()
	maxK := int64(maxPaybackPeriods)
	if f.horizon > 0 {
		maxK = f.horizon
	} else if lim, ok := f.value(); !ok || lim.Cmp(target) < 0 {
		return 0, false
	} else if lim.Equal(target) && f.q.Sign() > 0 {
		return 0, false // reached only in the limit
	}
	// cumulative(k) >= target, without its divisions: for the start
	// convention m (1 - q^k) / (1 - q) >= t, with t the target moved to
	// that convention.
	t := target
	switch f.timing {
	case TimingEnd:
		t = t.Mul(one.Add(f.d))
	case TimingAfterFirst:
		t = t.Add(f.m)
	}
	oneMinusQ := one.Sub(f.q)
	rhs := t.Mul(oneMinusQ)
	qf, mf, rhsf := floatOf(f.q), floatOf(f.m), floatOf(rhs)
	reached := func(k int64) bool {
		if oneMinusQ.IsZero() {
			return f.m.Mul(decimal.NewFromInt(k)).Cmp(t) >= 0
		}
		// Decide in float64 when the sides differ by far more than its
		// rounding can move them; else compare in decimal.
		qk := math.Pow(qf, float64(k))
		lhsf := mf * (1 - qk)
		slack := 64 * (math.Abs(mf)*float64(k+4)*math.Max(qk, 1) + math.Abs(rhsf)) * 0x1p-52
		if diff := lhsf - rhsf; !math.IsNaN(diff) && !math.IsInf(qk, 0) && math.Abs(diff) > slack {
			return (diff > 0) == (oneMinusQ.Sign() > 0)
		}
		return f.reachedExactly(k, rhs, oneMinusQ.Sign())
	}
	return firstReached(reached, f.paybackHint(target), maxK)
}

// reachedExactly is m (1 - q^k) >= rhs for q < 1 (sign > 0), or <= rhs for
// q > 1, in decimal.
func (f flows) reachedExactly(k int64, rhs decimal.Decimal, sign int) bool {
	qk, ok := powRound(f.q, k)
	if !ok { // beyond 10^1000: past any target
		return true
	}
	lhs := f.m.Mul(one.Sub(qk))
	if sign > 0 {
		return lhs.Cmp(rhs) >= 0
	}
	return lhs.Cmp(rhs) <= 0 // both sides negative when q > 1
}

// paybackHint estimates paybackPeriod in float64; firstAtLeast checks it
// in decimal, so a poor estimate costs time, never accuracy.
func (f flows) paybackHint(target decimal.Decimal) int64 {
	q, m, t := floatOf(f.ratio()), floatOf(f.m), floatOf(target)
	switch f.timing { // target for the start convention
	case TimingEnd:
		t *= 1 + floatOf(f.d)
	case TimingAfterFirst:
		t += m
	}
	var k float64
	switch {
	case m <= 0:
		return 1
	case q == 1:
		k = t / m
	case q <= 0:
		k = 1
	default:
		k = math.Log(1-t*(1-q)/m) / math.Log(q)
	}
	if math.IsNaN(k) || k < 1 || k > maxPaybackPeriods {
		return 1
	}
	return int64(math.Ceil(k))
}

// firstReached returns the least k in [1, maxK] for which the monotone
// predicate reached holds, searching outward from hint by doubling steps and
// then by bisection; ok is false when reached(maxK) is false.
func firstReached(reached func(int64) bool, hint, maxK int64) (int64, bool) {
	hint = clamp(hint, 1, maxK)
	var lo, hi int64 // !reached(lo), reached(hi); 0 counts as not reached
	if reached(hint) {
		hi = hint
		for step := int64(1); ; step *= 2 {
			lo = hi - step
			if lo < 1 {
				lo = 0
				break
			}
			if !reached(lo) {
				break
			}
			hi = lo
		}
	} else {
		lo = hint
		for step := int64(1); ; step *= 2 {
			hi = lo + step
			if hi >= maxK {
				hi = maxK
				if !reached(hi) {
					return 0, false
				}
				break
			}
			if reached(hi) {
				break
			}
			lo = hi
		}
	}
	for hi-lo > 1 {
		mid := lo + (hi-lo)/2
		if reached(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi, true
}
