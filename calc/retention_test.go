package calc

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// TestFlowsConventions checks the three cash-timing conventions against
// Fader & Hardie (2012), "Reconciling and Clarifying CLV Formulas"
// (FORMULAS.md, "Constant retention r"): m = 100, r = 0.8, d = 0.1 gives
// 366.67 (first payment at t = 0), 266.67 (first payment excluded) and
// 333.33 (first payment booked at period end).
func TestFlowsConventions(t *testing.T) {
	tests := []struct {
		timing string
		want   string
	}{
		{TimingStart, "366.67"},
		{TimingAfterFirst, "266.67"},
		{TimingEnd, "333.33"},
	}
	for _, tt := range tests {
		t.Run(tt.timing, func(t *testing.T) {
			f := flows{m: mustDecimal(t, "100"), r: mustDecimal(t, "0.8"), d: mustDecimal(t, "0.1"), timing: tt.timing}
			v, ok := f.value()
			if got := money(v); !ok || got != tt.want {
				t.Errorf("LTV(%s) = %s (ok %v), want %s", tt.timing, got, ok, tt.want)
			}
		})
	}
}

// TestFlowsMarginMultiple checks the "margin multiple" r / (1 + i - r) of
// Gupta & Lehmann (2003), "Customers as Assets", Journal of Interactive
// Marketing 17(1): convention 2 (first payment excluded) with m = 1.
func TestFlowsMarginMultiple(t *testing.T) {
	tests := []struct{ r, i, want string }{
		{"0.8", "0.12", "2.50"}, // 0.8 / 0.32
		{"0.9", "0.12", "4.09"}, // 0.9 / 0.22 = 4.0909
		{"0.6", "0.16", "1.07"}, // 0.6 / 0.56 = 1.0714
		{"0.9", "0.1", "4.50"},  // 0.9 / 0.2
		{"0.95", "0", "19.00"},  // no discounting: r / (1 - r)
		{"0", "0.1", "0.00"},    // nobody renews
	}
	for _, tt := range tests {
		f := flows{m: one, r: mustDecimal(t, tt.r), d: mustDecimal(t, tt.i), timing: TimingAfterFirst}
		v, ok := f.value()
		if got := fixed(v, 2); !ok || got != tt.want {
			t.Errorf("multiple(r=%s, i=%s) = %s, want %s", tt.r, tt.i, got, tt.want)
		}
	}
}

// randomFlows draws flows with a finite value (q < 1 without horizon).
func randomFlows(rng *rand.Rand, horizon int64) flows {
	dec := func(lo, hi float64) decimal.Decimal {
		return decimal.NewFromFloat(lo + (hi-lo)*rng.Float64()).Round(6)
	}
	for {
		f := flows{m: dec(0, 1000), r: dec(0, 1), g: dec(-0.05, 0.05), d: dec(0, 0.2), horizon: horizon}
		if f.bounded() {
			return f
		}
	}
}

// TestFlowsIdentities checks (1) = (2) + m and (3) = (1) / (1 + d)
// (FORMULAS.md, Fader & Hardie 2012) on random inputs, with and without a
// horizon, to 20 significant digits.
func TestFlowsIdentities(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	tol := decimal.New(1, -18)
	for i := range 300 {
		f := randomFlows(rng, []int64{0, 1, 7, 120, 1200}[i%5])
		value := func(timing string) decimal.Decimal {
			g := f
			g.timing = timing
			v, ok := g.value()
			if !ok {
				t.Fatalf("value(%+v) not ok", g)
			}
			return v
		}
		start, after, end := value(TimingStart), value(TimingAfterFirst), value(TimingEnd)
		if got, want := start, after.Add(f.m); !near(got, want, tol) {
			t.Errorf("start(%v) = %s, want after_first + m = %s", f, got, want)
		}
		if got, want := end, quo(start, one.Add(f.d)); !near(got, want, tol) {
			t.Errorf("end(%v) = %s, want start / (1 + d) = %s", f, got, want)
		}
	}
}

// TestFlowsHorizonLimit checks that the value over a horizon is the sum of
// its payments, and approaches the value without horizon as it grows.
func TestFlowsHorizonLimit(t *testing.T) {
	f := flows{m: mustDecimal(t, "80"), r: mustDecimal(t, "0.95"), g: mustDecimal(t, "0.01"), d: mustDecimal(t, "0.008"), timing: TimingStart}
	limit, _ := f.value()
	sum, weight := decimal.Zero, one
	q := f.ratio()
	for h := int64(1); h <= 1200; h++ {
		sum = sum.Add(f.m.Mul(weight))
		weight = roundSig(weight.Mul(q), powDigits)
		f.horizon = h
		got, _ := f.value()
		if !near(got, sum, decimal.New(1, -15)) {
			t.Fatalf("value(horizon %d) = %s, want the sum of its payments %s", h, got, sum)
		}
	}
	if !near(sum, limit, decimal.New(1, -10)) {
		t.Errorf("value(horizon 1200) = %s, want the limit %s", sum, limit)
	}
}

// TestFlowsGrowingNeedsHorizon: with churn at or below expansion and no
// discount a horizon is needed (FORMULAS.md: LTV = ARPA x GM / (c - g),
// "defined only while c > g"), and so with q = r (1 + g) / (1 + d) >= 1.
func TestFlowsGrowingNeedsHorizon(t *testing.T) {
	tests := []struct {
		r, g, d string
		bounded bool
	}{
		{"0.95", "0.05", "0", false},   // churn 5 % = expansion 5 %
		{"0.95", "0.06", "0", false},   // churn below expansion
		{"1", "0", "0", false},         // no churn at all
		{"0.95", "0.04", "0", true},    // churn above expansion
		{"0.95", "0.05", "0.01", true}, // the discount rate makes it finite
		{"0.95", "0.1", "0.01", false}, // q = 1.045 / 1.01 > 1
	}
	for _, tt := range tests {
		f := flows{m: one, r: mustDecimal(t, tt.r), g: mustDecimal(t, tt.g), d: mustDecimal(t, tt.d)}
		if got := f.bounded(); got != tt.bounded {
			t.Errorf("bounded(r=%s, g=%s, d=%s) = %v, want %v", tt.r, tt.g, tt.d, got, tt.bounded)
		}
		if _, ok := f.value(); ok != tt.bounded {
			t.Errorf("value(r=%s, g=%s, d=%s) ok = %v, want %v", tt.r, tt.g, tt.d, ok, tt.bounded)
		}
		f.horizon = 24
		if v, ok := f.value(); !ok || v.Sign() <= 0 {
			t.Errorf("value(r=%s, g=%s, d=%s, horizon 24) = %s, %v, want a positive value", tt.r, tt.g, tt.d, v, ok)
		}
	}
}

// TestPaybackPeriod compares the payback search with a plain walk over the
// periods, for every convention.
func TestPaybackPeriod(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for i := range 200 {
		f := randomFlows(rng, []int64{0, 0, 12, 60}[i%4])
		f.timing = []string{TimingStart, TimingEnd, TimingAfterFirst}[i%3]
		total, _ := f.value()
		target := total.Mul(decimal.NewFromFloat(rng.Float64() * 1.2)).Round(2)
		got, ok := f.paybackPeriod(target)
		want, wantOK := walkPayback(f, target, 1000)
		if ok != wantOK || got != want {
			t.Errorf("paybackPeriod(%v, %s) = %d, %v, want %d, %v", f, target, got, ok, want, wantOK)
		}
	}
}

// walkPayback finds the payback period by adding one period at a time.
func walkPayback(f flows, target decimal.Decimal, limit int64) (int64, bool) {
	if target.Sign() <= 0 {
		return 0, true
	}
	if f.horizon > 0 {
		limit = f.horizon
	}
	for k := int64(1); k <= limit; k++ {
		if c, _ := f.cumulative(k); c.Cmp(target) >= 0 {
			return k, true
		}
	}
	return 0, false
}

func TestPowRound(t *testing.T) {
	tests := []struct {
		x    string
		n    int64
		want string
		ok   bool
	}{
		{"2", 10, "1024", true},
		{"0.5", 3, "0.125", true},
		{"1.1", 0, "1", true},
		{"0", 5, "0", true},
		{"0.5", 1 << 40, "0", true}, // flushed to zero, not an exponent overflow
		{"10", 2000, "", false},     // beyond 10^1000
	}
	for _, tt := range tests {
		got, ok := powRound(mustDecimal(t, tt.x), tt.n)
		if ok != tt.ok || (ok && got.String() != tt.want) {
			t.Errorf("powRound(%s, %d) = %s, %v, want %s, %v", tt.x, tt.n, got, ok, tt.want, tt.ok)
		}
	}
}

func TestQuoPrecision(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"1", "3"}, {"2", "0.0000000003"}, {"0.0000000001", "999999999999999"}, {"999999999999999", "7"},
	} {
		a, b := mustDecimal(t, tt.a), mustDecimal(t, tt.b)
		q := quo(a, b)
		if n := q.NumDigits(); n < 24 {
			t.Errorf("quo(%s, %s) = %s: %d significant digits, want at least 24", tt.a, tt.b, q, n)
		}
		// q b is a to within the last kept digit of q.
		if err := q.Mul(b).Sub(a).Abs(); err.Cmp(a.Abs().Mul(decimal.New(1, -24))) > 0 {
			t.Errorf("quo(%s, %s) = %s, off by %s", tt.a, tt.b, q, err)
		}
	}
	if got := quo(one, decimal.Zero); !got.IsZero() {
		t.Errorf("quo(1, 0) = %s, want 0 (callers check divisors)", got)
	}
}

// TestMonthlyRate checks the Newton step against decimal's exact root.
func TestMonthlyRate(t *testing.T) {
	for _, annual := range []string{"0", "0.1", "0.06", "0.0000000001", "0.5", "1", "10", "3.14159"} {
		a := mustDecimal(t, annual)
		got := monthlyRate(a)
		root, err := one.Add(a).RootRound(12, 30)
		if err != nil {
			t.Fatal(err)
		}
		if want := root.Sub(one); !near(got, want, decimal.New(1, -28)) {
			t.Errorf("monthlyRate(%s) = %s, want %s", annual, got, want)
		}
	}
	// 10 % a year is 0.797414 % a month: 1.00797414^12 = 1.1.
	if got := fixed(monthlyRate(mustDecimal(t, "0.1")).Shift(2), 6); got != "0.797414" {
		t.Errorf("monthlyRate(10 %%) = %s %%, want 0.797414 %%", got)
	}
}

func ExampleScenario_Evaluate_conventions() {
	for _, timing := range []string{TimingStart, TimingAfterFirst, TimingEnd} {
		s := Scenario{Model: ModelSubscription, ARPAMonthly: "100", MonthlyChurnPct: "5", CashTiming: timing}
		r, err := s.Evaluate()
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(timing, r.LTV)
	}
	// Output:
	// start 2000.00
	// after_first 1900.00
	// end 2000.00
}
