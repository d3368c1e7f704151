package calc

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// TestRoundHalfAway: roundHalfAway is decimal's Round, coefficient and
// exponent alike, on ties, signs, carries, negative places and long products.
func TestRoundHalfAway(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   string
	}{
		{"5.45", 1, "5.5"},
		{"-5.45", 1, "-5.5"},
		{"5.44999999999999999999999999", 1, "5.4"},
		{"545", -1, "550"},
		{"-545", -1, "-550"},
		{"0.005", 2, "0.01"},
		{"-0.004", 2, "0"},
		{"9.9999999999999999999999999999999", 2, "10"},
		{"1.25", 5, "1.25"},
		{"0", 2, "0"},
		{"123456789012345678901234567890.123456789012345678901234567895", 29, "123456789012345678901234567890.12345678901234567890123456790"},
	}
	for _, tt := range tests {
		got := roundHalfAway(decimal.RequireFromString(tt.in), tt.places)
		if !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("roundHalfAway(%s, %d) = %s, want %s", tt.in, tt.places, got, tt.want)
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		// Coefficients of 1 to 80 digits, exponents -70 to 5, places -5 to 40.
		digits := 1 + rng.IntN(80)
		buf := make([]byte, digits)
		for j := range buf {
			buf[j] = byte('0' + rng.IntN(10))
		}
		c, _ := new(big.Int).SetString(string(buf), 10)
		if rng.IntN(2) == 0 {
			c.Neg(c)
		}
		d := decimal.NewFromBigInt(c, int32(rng.IntN(76)-70))
		places := int32(rng.IntN(46) - 5)
		got, want := roundHalfAway(d, places), d.Round(places)
		if got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
			t.Fatalf("roundHalfAway(%s, %d) = %s (exp %d), Round gives %s (exp %d)",
				d, places, got, got.Exponent(), want, want.Exponent())
		}
	}
}

func BenchmarkRoundHalfAway(b *testing.B) {
	// A product of two 34-digit factors, rounded back to 34 digits, as in powRound.
	x := decimal.RequireFromString("0.9512294245007140090914253823898316").Mul(decimal.RequireFromString("0.9047921471137089604859233396224710"))
	b.Run("roundHalfAway", func(b *testing.B) {
		for b.Loop() {
			roundHalfAway(x, 34)
		}
	})
	b.Run("decimal.Round", func(b *testing.B) {
		for b.Loop() {
			x.Round(34)
		}
	})
}

// TestDecimalFromFloat: floatDigits significant digits of the float64,
// correctly rounded, for every magnitude a float64 has; NaN and infinities
// refused.
func TestDecimalFromFloat(t *testing.T) {
	tests := []struct {
		in   float64
		want string
	}{
		{0, "0"},
		{0.704, "0.704"},
		{-1.18200000001, "-1.182"},
		{2.0 / 3, "0.6666666667"},
		{123456789012, "123456789000"},
		{-98765.432109876, "-98765.43211"},
		{5e-324, "0." + strings.Repeat("0", 323) + "4940656458"},
		{1e300, "1" + strings.Repeat("0", 300)},
	}
	for _, tt := range tests {
		got, ok := decimalFromFloat(tt.in)
		if !ok || got.String() != tt.want {
			t.Errorf("decimalFromFloat(%g) = %s, %v, want %s", tt.in, got, ok, tt.want)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, ok := decimalFromFloat(f); ok {
			t.Errorf("decimalFromFloat(%g) accepted", f)
		}
	}
	// Against the shortest decimal of the float rounded to floatDigits digits:
	// the same but for a tie in those digits, where the float's exact binary
	// value decides.
	rng := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 20000; i++ {
		f := (rng.Float64() - 0.5) * math.Pow(10, float64(rng.IntN(60)-30))
		got, _ := decimalFromFloat(f)
		want := roundSig(decimal.NewFromFloat(f), floatDigits)
		if !got.Equal(want) {
			ulp := decimal.New(1, int32(magnitude(want)-floatDigits))
			if got.Sub(want).Abs().GreaterThan(ulp) {
				t.Fatalf("decimalFromFloat(%v) = %s, want %s", f, got, want)
			}
		}
	}
}

// TestFixed: fixed is decimal's StringFixed of the value rounded half away
// from zero, but never "-0.00".
func TestFixed(t *testing.T) {
	tests := []struct {
		in     string
		places int32
		want   string
	}{
		{"0", 2, "0.00"},
		{"-0.004", 2, "0.00"},
		{"-0.005", 2, "-0.01"},
		{"0.125", 2, "0.13"},
		{"1234.5", 0, "1235"},
		{"-7", 2, "-7.00"},
		{"0.0001", 4, "0.0001"},
		{"99999999999999999999999.995", 2, "100000000000000000000000.00"},
	}
	for _, tt := range tests {
		if got := fixed(decimal.RequireFromString(tt.in), tt.places); got != tt.want {
			t.Errorf("fixed(%s, %d) = %s, want %s", tt.in, tt.places, got, tt.want)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for i := 0; i < 20000; i++ {
		d := decimal.New(rng.Int64N(2e12)-1e12, int32(rng.IntN(30)-20))
		places := int32(rng.IntN(5))
		want := d.Round(places).StringFixed(places)
		if d.Round(places).IsZero() {
			want = decimal.Zero.StringFixed(places)
		}
		if got := fixed(d, places); got != want {
			t.Fatalf("fixed(%s, %d) = %s, want %s", d, places, got, want)
		}
	}
}

// FuzzRoundHalfAway: roundHalfAway and fixed agree with decimal's Round and
// StringFixed on any coefficient, exponent and places.
func FuzzRoundHalfAway(f *testing.F) {
	f.Add("545", int16(-1), int8(-1))
	f.Add("-5", int16(-3), int8(2))
	f.Add("99999999999999999999999999999999999999995", int16(-40), int8(2))
	f.Add("0", int16(0), int8(0))
	f.Fuzz(func(t *testing.T, coef string, exp int16, places int8) {
		c, ok := new(big.Int).SetString(coef, 10)
		if !ok || len(coef) > 200 || exp < -300 || exp > 300 {
			return
		}
		d := decimal.NewFromBigInt(c, int32(exp))
		got, want := roundHalfAway(d, int32(places)), d.Round(int32(places))
		if got.Exponent() != want.Exponent() || got.Coefficient().Cmp(want.Coefficient()) != 0 {
			t.Fatalf("roundHalfAway(%s, %d) = %s, Round gives %s", d, places, got, want)
		}
		if places >= 0 {
			w := want.StringFixed(int32(places))
			if want.IsZero() {
				w = decimal.Zero.StringFixed(int32(places))
			}
			if s := fixed(d, int32(places)); s != w {
				t.Fatalf("fixed(%s, %d) = %s, want %s", d, places, s, w)
			}
		}
	})
}
