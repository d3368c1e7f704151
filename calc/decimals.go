package calc

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"

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
	return roundHalfAway(d, int32(clamp(places, -2000, 2000)))
}

// roundHalfAway is d.Round(places): d rounded half away from zero to places
// decimal places, with the same coefficient and exponent. Where digits are
// dropped it divides the coefficient's words in place by powers of ten that
// fit a word, with no long division and no allocation, which makes it
// several times faster than Round on the long products of this package.
func roundHalfAway(d decimal.Decimal, places int32) decimal.Decimal {
	if -int64(d.Exponent())-int64(places) <= 0 {
		return d.Round(places) // nothing is dropped: Round only rescales
	}
	return decimal.NewFromBigInt(roundedCoefficient(d, places), -places)
}

// roundedCoefficient is the coefficient of roundHalfAway(d, places), the
// integer of units of 10^-places nearest to d, half away from zero.
func roundedCoefficient(d decimal.Decimal, places int32) *big.Int {
	drop := -int64(d.Exponent()) - int64(places) // digits to drop
	if drop <= 0 {
		return d.Round(places).Coefficient()
	}
	c := d.Coefficient() // a copy, ours to change
	neg := c.Sign() < 0
	w := c.Bits()
	// Drop all but the first dropped digit, then look at that digit.
	w, digit := divWord(divPow10(w, drop-1), 10)
	c.SetBits(w)
	if digit >= 5 {
		c.Add(c, bigOne)
	}
	if neg {
		c.Neg(c)
	}
	return c
}

// divPow10 divides the natural number w by 10^n in place, truncating, in
// steps of the powers of ten that fit a word.
func divPow10(w []big.Word, n int64) []big.Word {
	for n > 0 && len(w) > 0 {
		k := min(n, wordPow10Max)
		w, _ = divWord(w, wordPow10[k])
		n -= k
	}
	return w
}

// divWord divides the natural number w (little-endian words) by y in place
// and returns the quotient, without leading zero words, and the remainder.
func divWord(w []big.Word, y uint) ([]big.Word, uint) {
	var r uint
	for i := len(w) - 1; i >= 0; i-- {
		var q uint
		q, r = bits.Div(r, uint(w[i]), y)
		w[i] = big.Word(q)
	}
	for len(w) > 0 && w[len(w)-1] == 0 {
		w = w[:len(w)-1]
	}
	return w, r
}

// wordPow10[k] is 10^k for k = 0 to wordPow10Max, the powers of ten that
// fit a word (19 with 64-bit words, 9 with 32-bit words).
var (
	wordPow10Max = int64(9 + 10*(bits.UintSize/64))
	wordPow10    = func() []uint {
		p := make([]uint, wordPow10Max+1)
		p[0] = 1
		for k := 1; k < len(p); k++ {
			p[k] = p[k-1] * 10
		}
		return p
	}()
	bigOne = big.NewInt(1)
)

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
	return roundHalfAway(x.Sub(one), 30)
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
	if f == 0 {
		return decimal.Zero, true
	}
	// strconv rounds the binary value correctly to floatDigits digits:
	// "-d.ddddddddde±xx".
	var buf [32]byte
	b := strconv.AppendFloat(buf[:0], f, 'e', floatDigits-1, 64)
	neg := b[0] == '-'
	if neg {
		b = b[1:]
	}
	var mant int64
	i := 0
	for ; i < len(b) && b[i] != 'e'; i++ {
		if b[i] != '.' {
			mant = mant*10 + int64(b[i]-'0')
		}
	}
	exp, err := strconv.Atoi(string(b[i+1:]))
	if err != nil {
		return decimal.Zero, false // not reached: strconv writes an exponent
	}
	exp -= floatDigits - 1
	for mant%10 == 0 {
		mant /= 10
		exp++
	}
	if neg {
		mant = -mant
	}
	return decimal.New(mant, int32(exp)), true
}

// floatOf returns the float64 nearest to d, for the sBG model's float64
// arithmetic only.
func floatOf(d decimal.Decimal) float64 { return d.InexactFloat64() }

func clamp(v, lo, hi int64) int64 {
	return max(lo, min(v, hi))
}
