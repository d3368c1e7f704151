package calc

import (
	"math"

	"github.com/shopspring/decimal"
)

// Internal precision. Inputs are exact; every inexact step keeps far more
// digits than any displayed figure needs, and only Result rounds.
const (
	// divDigits is the number of significant digits kept by every division.
	divDigits = 28
	// powDigits is the number of significant digits kept by every product
	// inside a power, so that repeated squaring stays cheap.
	powDigits = 34
	// floatDigits is the number of significant digits kept when a float64
	// figure of the sBG model (see sbg.go) enters decimal arithmetic.
	floatDigits = 10
	// tinyExponent: a magnitude below 10^tinyExponent is flushed to zero. It
	// keeps powers such as 0.5^(10^12) from overflowing decimal's exponent.
	tinyExponent = -1000
)

var (
	one     = decimal.NewFromInt(1)
	two     = decimal.NewFromInt(2)
	twelve  = decimal.NewFromInt(12)
	hundred = decimal.NewFromInt(100)
)

// magnitude returns the position of the leading digit of d: 1 for 1..9, 0 for
// 0.1..0.9, -1 for 0.01..0.09, and so on. d must not be zero.
func magnitude(d decimal.Decimal) int64 {
	return int64(d.NumDigits()) + int64(d.Exponent())
}

// quo returns a / b with at least divDigits significant digits, rounded half
// away from zero. Every caller checks b first: for b = 0 it returns 0 rather
// than panic.
func quo(a, b decimal.Decimal) decimal.Decimal {
	if a.IsZero() || b.IsZero() {
		return decimal.Zero
	}
	places := divDigits + 1 - (magnitude(a) - magnitude(b))
	return a.DivRound(b, int32(clamp(places, -2000, 2000)))
}

// roundSig rounds d to sig significant digits.
func roundSig(d decimal.Decimal, sig int64) decimal.Decimal {
	if d.IsZero() {
		return d
	}
	places := sig - magnitude(d)
	if places >= -int64(d.Exponent()) {
		return d // already short enough
	}
	return d.Round(int32(clamp(places, -2000, 2000)))
}

// powRound returns x^n for n >= 0 by repeated squaring, each product rounded
// to powDigits significant digits. Magnitudes below 10^tinyExponent become 0;
// ok is false when the result would exceed 10^-tinyExponent.
func powRound(x decimal.Decimal, n int64) (p decimal.Decimal, ok bool) {
	p = one
	base := x
	for n > 0 {
		if n&1 == 1 {
			p = roundSig(p.Mul(base), powDigits)
			if p, ok = inRange(p); !ok {
				return p, false
			}
		}
		n >>= 1
		if n > 0 {
			base = roundSig(base.Mul(base), powDigits)
			if base, ok = inRange(base); !ok {
				return base, false
			}
		}
	}
	return p, true
}

// inRange flushes tiny magnitudes to zero and reports huge ones.
func inRange(d decimal.Decimal) (decimal.Decimal, bool) {
	if d.IsZero() {
		return d, true
	}
	m := magnitude(d)
	if m < tinyExponent {
		return decimal.Zero, true
	}
	return d, m <= -tinyExponent
}

// pct converts a percentage to a fraction, exactly: 80 -> 0.8.
func pct(d decimal.Decimal) decimal.Decimal { return d.Shift(-2) }

// monthlyRate converts an annual rate (a fraction, above -1) to the
// equivalent monthly rate, (1 + annual)^(1/12) - 1, to 30 decimal places.
// The twelfth root x of y = 1 + annual is one step of Newton's method,
// x' = (11 x + y / x^11) / 12, from the float64 root: the step doubles its
// 15 correct digits, and is ten times faster than an exact integer root.
func monthlyRate(annual decimal.Decimal) decimal.Decimal {
	if annual.IsZero() {
		return decimal.Zero
	}
	y := one.Add(annual)
	x, ok := decimalFromFloat64(math.Pow(floatOf(y), 1.0/12))
	if !ok || x.Sign() <= 0 {
		return decimal.Zero // y <= 0, which the bounds exclude
	}
	x11, _ := powRound(x, 11) // x is between 0 and 2: always in range
	x = quo(x.Mul(eleven).Add(quo(y, x11)), twelve)
	return x.Sub(one).Round(30)
}

var eleven = decimal.NewFromInt(11)

// decimalFromFloat64 is decimalFromFloat keeping all 17 digits of f.
func decimalFromFloat64(f float64) (decimal.Decimal, bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return decimal.Zero, false
	}
	return decimal.NewFromFloat(f), true
}

// decimalFromFloat carries a float64 into decimal arithmetic, rounded to
// floatDigits significant digits. ok is false for NaN and infinities.
func decimalFromFloat(f float64) (d decimal.Decimal, ok bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return decimal.Zero, false
	}
	return roundSig(decimal.NewFromFloat(f), floatDigits), true
}

// floatOf returns the float64 nearest to d, for the sBG model's float64
// arithmetic only.
func floatOf(d decimal.Decimal) float64 { return d.InexactFloat64() }

func clamp(v, lo, hi int64) int64 {
	return max(lo, min(v, hi))
}
