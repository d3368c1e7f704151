package calc

import (
	"math"
	"testing"
)

// cdnowModel is the published BG/NBD fit of the CDNOW sample.
var cdnowModel = BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}

// TestConditionalExpectationCDNOW: the worked example of Fader, Hardie & Lee
// (2005, section 5, and the Excel note): a customer with 2 repeat purchases,
// the last in week 30.43, observed for 38.86 weeks, is expected to make
// 1.226 purchases in the next 39 weeks (lifetimes checks the same figure to
// 0.001).
func TestConditionalExpectationCDNOW(t *testing.T) {
	got, err := cdnowModel.ExpectedPurchases(39, 2, 30.43, 38.86)
	if err != nil {
		t.Fatal(err)
	}
	if !nearF(got, 1.226, 0.001) {
		t.Errorf("E[Y(39) | 2, 30.43, 38.86] = %.5f, want 1.226", got)
	}
}

// paperGrowth is the bracket of eq. 10 as the paper writes it, with the
// plain hypergeometric series: an independent evaluation for parameters
// away from a = 1.
func paperGrowth(m BGNBD, x int, T, t float64) float64 {
	fx := float64(x)
	z := t / (m.Alpha + T + t)
	f, err := hyp2f1(m.R+fx, m.B+fx, m.A+m.B+fx-1, z)
	if err != nil {
		return math.NaN()
	}
	return (m.A + m.B + fx - 1) / (m.A - 1) * (1 - math.Pow((m.Alpha+T)/(m.Alpha+T+t), m.R+fx)*f)
}

// TestGrowthAgreesWithPaperForm: the Euler-transformed series (growth)
// agrees with the paper's form summed directly, where both converge.
func TestGrowthAgreesWithPaperForm(t *testing.T) {
	models := []BGNBD{cdnowModel, {R: 1.5, Alpha: 10, A: 2.5, B: 4}, {R: 0.5, Alpha: 2, A: 0.3, B: 0.6}}
	for _, m := range models {
		for _, c := range []struct {
			x    int
			T, t float64
		}{{0, 0, 10}, {0, 0, 52}, {2, 38.86, 39}, {5, 20, 5}, {10, 30, 100}, {1, 1, 0.5}} {
			got, err := m.growth(c.x, c.T, c.t)
			if err != nil {
				t.Fatalf("%+v %+v: %v", m, c, err)
			}
			want := paperGrowth(m, c.x, c.T, c.t)
			if !nearF(got, want, 1e-9*math.Max(1, math.Abs(want))) {
				t.Errorf("%+v growth(%d, %v, %v) = %.12g, paper form %.12g", m, c.x, c.T, c.t, got, want)
			}
		}
	}
}

// TestGrowthLimits: limiting cases of E[X(t)] and of the conditional
// expectation.
func TestGrowthLimits(t *testing.T) {
	// No time, no purchases.
	if g, err := cdnowModel.growth(3, 10, 0); err != nil || g != 0 {
		t.Errorf("growth over 0 periods = %v, %v", g, err)
	}
	// Nobody drops out (p ~ Beta(a, b) with a / (a + b) ~ 1e-9): the NBD,
	// E[X(t)] = r t / alpha.
	nbd := BGNBD{R: 0.8, Alpha: 5, A: 1e-6, B: 1000}
	for _, tt := range []float64{1, 10, 50} {
		got, err := nbd.ExpectedRepeat(tt)
		if err != nil || !nearF(got, 0.8*tt/5, 1e-5*tt) {
			t.Errorf("no dropout: E[X(%v)] = %v, %v, want %v", tt, got, err, 0.8*tt/5)
		}
	}
	// At first the purchase rate is the mean rate r / alpha of the population.
	h := 1e-6
	if got, _ := cdnowModel.ExpectedRepeat(h); !nearF(got/h, cdnowModel.R/cdnowModel.Alpha, 1e-6) {
		t.Errorf("E[X(h)] / h = %v, want r / alpha = %v", got/h, cdnowModel.R/cdnowModel.Alpha)
	}
	// a = 1 is a removable singularity of the paper's form: growth is
	// continuous through it.
	at := func(a float64) float64 {
		g, err := BGNBD{R: 0.5, Alpha: 3, A: a, B: 2}.growth(2, 20, 30)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	if l, m, r := at(1-1e-7), at(1), at(1+1e-7); !nearF(l, m, 1e-6) || !nearF(r, m, 1e-6) || math.IsNaN(m) {
		t.Errorf("growth around a = 1: %v %v %v", l, m, r)
	}
	// a + b = 1: c = a + b - 1 = 0 for a new customer, a pole of 2F1 that
	// the factor (a + b - 1) cancels.
	nearZero := func(b float64) float64 {
		g, err := BGNBD{R: 0.5, Alpha: 3, A: 0.4, B: b}.ExpectedRepeat(20)
		if err != nil {
			t.Fatal(err)
		}
		return g
	}
	if l, m, r := nearZero(0.6-1e-7), nearZero(0.6), nearZero(0.6+1e-7); !nearF(l, m, 1e-5) || !nearF(r, m, 1e-5) || math.IsNaN(m) {
		t.Errorf("E[X(20)] around a + b = 1: %v %v %v", l, m, r)
	}
	// Many repeat purchases overflow the paper's form ((alpha+T)/(alpha+T+t))^(r+x)
	// and 2F1 separately; the transformed series stays finite and below the
	// rate of an active customer times t (a customer with x purchases in T
	// buys at about x / T).
	g, err := cdnowModel.growth(400, 38, 52)
	if err != nil || !(g > 0 && g < 52*400/38.0*1.1) {
		t.Errorf("growth with x = 400: %v, %v", g, err)
	}
}

// TestPAliveLimits: P(alive) is 1 without repeat purchases, falls as the
// last purchase recedes, and is 1 when the last purchase is at T only in
// the limit of no dropout.
func TestPAliveLimits(t *testing.T) {
	m := cdnowModel
	if p := m.PAlive(0, 0, 30); p != 1 {
		t.Errorf("P(alive | x = 0) = %v, want 1", p)
	}
	prev := 1.0
	for _, tx := range []float64{38, 30, 20, 10, 1} {
		p := m.PAlive(3, tx, 38)
		if !(p < prev && p > 0) {
			t.Errorf("P(alive | 3, %v, 38) = %v, not below %v", tx, p, prev)
		}
		prev = p
	}
	// The formula at x = 1, t_x = T: 1 / (1 + a / b).
	if p := m.PAlive(1, 20, 20); !nearF(p, 1/(1+m.A/m.B), 1e-15) {
		t.Errorf("P(alive | 1, T, T) = %v, want %v", p, 1/(1+m.A/m.B))
	}
	// No overflow for huge x.
	if p := m.PAlive(5000, 1, 500); !(p >= 0 && p < 1e-300) {
		t.Errorf("P(alive | 5000, 1, 500) = %v", p)
	}
}

// TestHyp2F1: closed forms of the Gaussian hypergeometric function
// (Abramowitz & Stegun 15.1.3, 15.1.8, 15.1.6) and Gauss's value at 1
// approached from below.
func TestHyp2F1(t *testing.T) {
	for _, z := range []float64{0, 0.1, 0.5, 0.9, 0.99, 0.999} {
		got, err := hyp2f1(1, 1, 2, z)
		want := 1.0
		if z > 0 {
			want = -math.Log1p(-z) / z
		}
		if err != nil || !nearF(got, want, 1e-13*want) {
			t.Errorf("2F1(1,1;2;%v) = %v, %v, want %v", z, got, err, want)
		}
		got, err = hyp2f1(0.7, 2.3, 2.3, z)
		want = math.Pow(1-z, -0.7)
		if err != nil || !nearF(got, want, 1e-13*want) {
			t.Errorf("2F1(0.7,b;b;%v) = %v, %v, want %v", z, got, err, want)
		}
		s := math.Sqrt(z)
		got, err = hyp2f1(0.5, 0.5, 1.5, z)
		want = 1.0
		if z > 0 {
			want = math.Asin(s) / s
		}
		if err != nil || !nearF(got, want, 1e-13*want) {
			t.Errorf("2F1(1/2,1/2;3/2;%v) = %v, %v, want %v", z, got, err, want)
		}
	}
	// Gauss: 2F1(a, b; c; 1) = Gamma(c) Gamma(c-a-b) / (Gamma(c-a) Gamma(c-b)), c > a + b.
	a, b, c := 0.4, 0.7, 3.5
	gauss := math.Exp(lgamma(c) + lgamma(c-a-b) - lgamma(c-a) - lgamma(c-b))
	// 1 - z = 10^-3, then 10^-4: the series approaches Gauss's value from
	// below, ten times closer (the derivative at 1 is finite for c > a + b + 1).
	f3, err3 := hyp2f1(a, b, c, 1-1e-3)
	f4, err4 := hyp2f1(a, b, c, 1-1e-4)
	if err3 != nil || err4 != nil || !(f3 < f4 && f4 < gauss) || !nearF((gauss-f3)/(gauss-f4), 10, 0.1) {
		t.Errorf("2F1 near 1 = %v, %v (%v, %v), Gauss %v", f3, f4, err3, err4, gauss)
	}
	// Closer to 1 than the series can reach in maxSeriesTerms terms: an error.
	if v, err := hyp2f1(a, b, c, 1-1e-9); err == nil {
		t.Errorf("2F1 at 1 - 1e-9 = %v, want an error", v)
	}
	// Outside [0, 1) and at poles: an error, never a number.
	for _, bad := range [][4]float64{{1, 1, 2, 1}, {1, 1, 2, -0.5}, {1, 1, -2, 0.5}, {1, 1, 0, 0.5}, {math.NaN(), 1, 2, 0.5}} {
		if v, err := hyp2f1(bad[0], bad[1], bad[2], bad[3]); err == nil {
			t.Errorf("hyp2f1%v = %v, want an error", bad, v)
		}
	}
}

// TestDigamma: psi(1) = -Euler's constant, psi(1/2) = -gamma - 2 ln 2, and the
// recurrence psi(x + 1) = psi(x) + 1/x.
func TestDigamma(t *testing.T) {
	const euler = 0.57721566490153286
	if got := digamma(1); !nearF(got, -euler, 1e-14) {
		t.Errorf("psi(1) = %v", got)
	}
	if got := digamma(0.5); !nearF(got, -euler-2*math.Ln2, 1e-14) {
		t.Errorf("psi(1/2) = %v", got)
	}
	for _, x := range []float64{1e-3, 0.3, 2.5, 17, 1e6} {
		if d := digamma(x+1) - digamma(x) - 1/x; math.Abs(d) > 1e-12*math.Max(1, 1/x) {
			t.Errorf("psi(%v + 1) - psi(%v) - 1/x = %v", x, x, d)
		}
	}
}
