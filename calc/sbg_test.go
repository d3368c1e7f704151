package calc

import (
	"math"
	"math/rand/v2"
	"testing"
)

// Fader & Hardie (2007), "How to Project Customer Retention", table 1:
// percent of 1,000 customers still active at years 0..12 (FORMULAS.md).
var (
	regularPct = []float64{100, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1, 22.3, 20.7, 19.4, 18.3, 17.3}
	highEndPct = []float64{100, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1, 46.8, 44.5, 42.7, 40.9, 39.4}
)

// curveData pools survival counts of one or more cohorts, fitted on at most
// k periods.
func curveData(tb testing.TB, k int, curves ...[]float64) *sbgData {
	tb.Helper()
	d, err := pool(FieldCohorts, curves, k)
	if err != nil {
		tb.Fatal(err)
	}
	return &d.fit
}

func counts(pcts []float64, n float64) []float64 {
	c := make([]float64, len(pcts))
	for i, p := range pcts {
		c[i] = p / 100 * n
	}
	return c
}

func TestFitSBGPublished(t *testing.T) {
	tests := []struct {
		name     string
		pcts     []float64
		a, b, ll float64
		llTol    float64
	}{
		// FORMULAS.md: fitted on years 1-7, a = 0.704, b = 1.182, LL about -1680.27.
		{"regular", regularPct, 0.704, 1.182, -1680.27, 0.01},
		// Fader & Hardie (2007), appendix B (the worked Solver fit): a = 0.668,
		// b = 3.806, LL = -1611.2.
		{"high end", highEndPct, 0.668, 3.806, -1611.2, 0.1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := fitSBG(curveData(t, 7, counts(tt.pcts, 1000)))
			if math.Abs(f.a-tt.a) > 0.001 || math.Abs(f.b-tt.b) > 0.001 || math.Abs(f.ll-tt.ll) > tt.llTol {
				t.Errorf("fitSBG(%s) = a %.4f, b %.4f, LL %.2f, want %.3f, %.3f, %.2f", tt.name, f.a, f.b, f.ll, tt.a, tt.b, tt.ll)
			}
			if !f.converged || f.atBound {
				t.Errorf("fitSBG(%s) converged %v, at bound %v", tt.name, f.converged, f.atBound)
			}
		})
	}
}

// TestLogLikStartingValues: Fader & Hardie (2007), appendix B, high-end
// segment: the log-likelihood is -2115.5 at a = b = 1 and -2741.7 at
// a = b = 0.01, the two starting points of their Solver runs.
func TestLogLikStartingValues(t *testing.T) {
	d := curveData(t, 7, counts(highEndPct, 1000))
	for _, tt := range []struct{ a, b, want float64 }{{1, 1, -2115.5}, {0.01, 0.01, -2741.7}} {
		if got := d.logLik(tt.a, tt.b); math.Abs(got-tt.want) > 0.05 {
			t.Errorf("LL(%v, %v) = %.2f, want %.1f", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestSBGProjection: the paper fits years 1-7 and projects years 8-12. Its
// year-12 errors are 2 % (regular) and 4 % (high end).
func TestSBGProjection(t *testing.T) {
	for _, tt := range []struct {
		name string
		pcts []float64
		err  float64
	}{{"regular", regularPct, 0.02}, {"high end", highEndPct, 0.04}} {
		f := fitSBG(curveData(t, 7, counts(tt.pcts, 1000)))
		got := sbgSurvival(f.a, f.b, 12)[12] * 100
		if rel := math.Abs(got-tt.pcts[12]) / tt.pcts[12]; math.Round(rel*100)/100 != tt.err {
			t.Errorf("S(12) of %s = %.2f %%, observed %.1f %%: error %.1f %%, want %.0f %%", tt.name, got, tt.pcts[12], rel*100, tt.err*100)
		}
	}
}

// expected returns the expected survivors of a cohort of n under sBG(a, b)
// for periods 0..age: data with no noise, whose fit must return a and b.
func expected(a, b, n float64, age int) []float64 {
	s := sbgSurvival(a, b, age)
	for i := range s {
		s[i] *= n
	}
	return s
}

// TestFitSBGRecovers: fitted to its own expected counts, the model returns
// its parameters, from one cohort or from several of different ages.
func TestFitSBGRecovers(t *testing.T) {
	tests := []struct {
		name   string
		a, b   float64
		curves [][]float64
	}{
		{"one cohort", 0.5, 2, [][]float64{expected(0.5, 2, 1000, 10)}},
		{"many ages", 1.5, 6, [][]float64{expected(1.5, 6, 800, 12), expected(1.5, 6, 900, 8), expected(1.5, 6, 1200, 3), expected(1.5, 6, 700, 1)}},
		{"U-shaped", 0.3, 0.4, [][]float64{expected(0.3, 0.4, 5000, 24), expected(0.3, 0.4, 5000, 12)}},
		{"homogeneous-ish", 40, 160, [][]float64{expected(40, 160, 10000, 36)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := fitSBG(curveData(t, MaxPeriods, tt.curves...))
			if math.Abs(f.a/tt.a-1) > 1e-3 || math.Abs(f.b/tt.b-1) > 1e-3 {
				t.Errorf("fitSBG(expected(%v, %v)) = %.5f, %.5f", tt.a, tt.b, f.a, f.b)
			}
		})
	}
}

// TestFitSBGConverges: on random valid data (non-increasing counts) the fit
// meets its convergence test, stays finite and is at least as likely as
// the starting points and the fits of its neighbours.
func TestFitSBGConverges(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200 {
		periods := 2 + rng.IntN(30)
		c := make([]float64, periods+1)
		c[0] = float64(1 + rng.IntN(100000))
		for t := 1; t <= periods; t++ {
			c[t] = math.Floor(c[t-1] * rng.Float64() * rng.Float64() * 1.2)
			c[t] = math.Min(c[t], c[t-1])
		}
		d, err := pool(FieldSurvivalCounts, [][]float64{c}, MaxPeriods)
		if err != nil {
			continue // a curve that cannot be fitted: TestPoolErrors
		}
		f := fitSBG(&d.fit)
		if !f.converged || math.IsNaN(f.ll) || math.IsInf(f.ll, 0) || f.a <= 0 || f.b <= 0 {
			t.Fatalf("fitSBG(%v) = %+v", c, f)
		}
		for _, p := range [][2]float64{{1, 1}, {0.1, 0.1}, {f.a * 1.01, f.b}, {f.a, f.b * 0.99}} {
			if !(p[0] >= sbgMin && p[0] <= sbgMax && p[1] >= sbgMin && p[1] <= sbgMax) {
				continue
			}
			if ll := d.fit.logLik(p[0], p[1]); ll > f.ll+1e-9*math.Abs(f.ll) {
				t.Errorf("fitSBG(%v): LL %v at (%v, %v) beats the fit's %v at (%v, %v)", c, ll, p[0], p[1], f.ll, f.a, f.b)
			}
		}
	}
}

func TestPoolErrors(t *testing.T) {
	tests := []struct {
		name   string
		curves [][]float64
		k      int
	}{
		{"one period", [][]float64{{100, 80}}, MaxPeriods},
		{"fit on one period", [][]float64{{100, 80, 70, 60}}, 1},
		{"flat", [][]float64{{100, 100, 100}}, MaxPeriods},
		{"all lost at once", [][]float64{{100, 0, 0}}, MaxPeriods},
	}
	for _, tt := range tests {
		if _, err := pool(FieldCohorts, tt.curves, tt.k); ErrorFor(err, FieldCohorts) == nil || ErrorFor(err, FieldCohorts).Code != CodeNoFit {
			t.Errorf("pool(%s) error = %v, want %s", tt.name, err, CodeNoFit)
		}
	}
}

// TestSBGSum checks DEL and DERL against the closed forms of FORMULAS.md
// (Fader & Hardie 2010), evaluated with mpmath's hyp2f1 at 30 digits:
// DEL = 2F1(1, b; a+b; 1/(1+d)),
// DERL = (b+n-1)/(a+b+n-1) 2F1(1, b+n; a+b+n; 1/(1+d)).
func TestSBGSum(t *testing.T) {
	tests := []struct {
		a, b, d float64
		n       int // renewals + 1; 0 for DEL
		want    float64
	}{
		{0.704, 1.182, 0.1, 0, 3.69514740557457},
		{0.704, 1.182, 0.1, 1, 2.96466214613203},
		{0.704, 1.182, 0.1, 2, 4.10345861959857},
		{0.704, 1.182, 0.1, 5, 5.89442285984416},
		{0.668, 3.806, 0.1, 0, 5.92259640761276},
		{0.668, 3.806, 0.1, 5, 6.89705739774609},
		{2, 3, 0.05, 0, 3.06185082781825},
		{2, 3, 0.05, 2, 2.73865089611604},
		// d = 0, a > 1: Gauss, E(T) = (a + b - 1) / (a - 1) = 4, and
		// DERL = (b + n - 1) / (a - 1).
		{2, 3, 0, 0, 4},
		{2, 3, 0, 3, 5},
	}
	for _, tt := range tests {
		z := 1 / (1 + tt.d)
		first := 1.0
		if tt.n > 0 {
			first = sbgRetention(tt.a, tt.b, tt.n)
		}
		got, ok := sbgSum(tt.a, tt.b, z, tt.n, first, 0)
		if !ok || math.Abs(got-tt.want) > 1e-11*tt.want {
			t.Errorf("sbgSum(a %v, b %v, d %v, n %d) = %.15f, %v, want %.15f", tt.a, tt.b, tt.d, tt.n, got, ok, tt.want)
		}
	}
}

// TestSBGSumIdentities: DEL = 1 + z DERL(0 renewals); with d = 0 and a > 1
// the discounted sums tend to E(T) as d falls; a horizon sums exactly its
// terms; with d = 0 and a <= 1 the sum is infinite.
func TestSBGSumIdentities(t *testing.T) {
	for _, p := range [][3]float64{{0.704, 1.182, 0.1}, {3, 2, 0.01}, {0.2, 5, 0.5}, {50, 200, 0.001}} {
		a, b, z := p[0], p[1], 1/(1+p[2])
		del, _ := sbgSum(a, b, z, 0, 1, 0)
		derl, _ := sbgSum(a, b, z, 1, sbgRetention(a, b, 1), 0)
		if got := 1 + z*derl; math.Abs(got-del) > 1e-12*del {
			t.Errorf("1 + z DERL(a %v, b %v) = %v, want DEL %v", a, b, got, del)
		}
		s := sbgSurvival(a, b, 24)
		sum := 0.0
		for k := range 24 {
			sum += s[k] * math.Pow(z, float64(k))
		}
		if got, _ := sbgSum(a, b, z, 0, 1, 24); math.Abs(got-sum) > 1e-12*sum {
			t.Errorf("DEL(a %v, b %v, 24 periods) = %v, want %v", a, b, got, sum)
		}
	}
	eT := (3.0 + 2 - 1) / (3 - 1)
	if got, _ := sbgSum(3, 2, 1/(1+1e-6), 0, 1, 0); math.Abs(got-eT) > 1e-4 {
		t.Errorf("DEL(a 3, b 2, d 1e-6) = %v, want about E(T) = %v", got, eT)
	}
	if got, ok := sbgSum(0.7, 1.2, 1, 0, 1, 0); ok {
		t.Errorf("DEL(a 0.7, d 0) = %v, ok; want infinite", got)
	}
}

// TestSBGConstantRetention: as a and b grow with b / (a + b) = r fixed, the
// sBG turns into constant retention r, and DEL into (1 + d) / (1 + d - r).
func TestSBGConstantRetention(t *testing.T) {
	r, d := 0.8, 0.1
	want := (1 + d) / (1 + d - r)
	got, _ := sbgSum(1e6*(1-r), 1e6*r, 1/(1+d), 0, 1, 0)
	if math.Abs(got-want) > 1e-4 {
		t.Errorf("DEL(a, b -> infinity, r = %v, d = %v) = %v, want %v", r, d, got, want)
	}
}
