package calc

import (
	"math"
	"math/rand/v2"
	"testing"
)

// gammaVariate draws from Gamma(shape, scale 1) by the method of Marsaglia
// & Tsang (2000), "A Simple Method for Generating Gamma Variables", with
// the boost U^(1/shape) for shape < 1.
func gammaVariate(rng *rand.Rand, shape float64) float64 {
	if shape < 1 {
		return gammaVariate(rng, shape+1) * math.Pow(rng.Float64(), 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := rng.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := rng.Float64()
		if math.Log(u) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}

// simulateBGNBD draws n customers from the BG/NBD's own generative process
// (Fader, Hardie & Lee 2005, section 3): lambda ~ Gamma(r, alpha),
// p ~ Beta(a, b); purchases at the times of a Poisson process of rate
// lambda; after each repeat purchase the customer drops out with
// probability p. Customers arrive in the first 12 periods of a 52-period
// calibration (T between 40 and 52), and each spends Gamma(pp, nu) per
// repeat purchase, nu ~ Gamma(q, gamma) (the Gamma-Gamma model).
func simulateBGNBD(rng *rand.Rand, n int, m BGNBD, gg GammaGamma) ([]RFM, []Spend) {
	rfm := make([]RFM, 0, n)
	var spend []Spend
	for i := 0; i < n; i++ {
		lambda := gammaVariate(rng, m.R) / m.Alpha
		ga, gb := gammaVariate(rng, m.A), gammaVariate(rng, m.B)
		p := ga / (ga + gb)
		T := 40 + 12*rng.Float64()
		x, t, tx := 0, 0.0, 0.0
		for {
			t += rng.ExpFloat64() / lambda
			if t > T {
				break
			}
			x, tx = x+1, t
			if rng.Float64() < p {
				break
			}
		}
		rfm = append(rfm, RFM{X: x, Tx: tx, T: T})
		if x > 0 && gg.P > 0 {
			nu := gammaVariate(rng, gg.Q) / gg.Gamma
			sum := 0.0
			for k := 0; k < x; k++ {
				sum += gammaVariate(rng, gg.P) / nu
			}
			spend = append(spend, Spend{X: x, M: sum / float64(x)})
		}
	}
	return rfm, spend
}

// recoverySets are the parameter sets of the recovery tests: the CDNOW
// estimates, a population of frequent buyers who rarely leave, and one of
// rare buyers who leave fast (a > b).
var recoverySets = []struct {
	name string
	bg   BGNBD
	gg   GammaGamma
}{
	{"cdnow", BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}},
	{"loyal", BGNBD{R: 2, Alpha: 8, A: 0.4, B: 5}, GammaGamma{P: 3, Q: 8, Gamma: 40}},
	{"churny", BGNBD{R: 0.8, Alpha: 12, A: 3, B: 1.5}, GammaGamma{P: 1.5, Q: 2.5, Gamma: 60}},
}

// TestParameterRecovery: 20,000 customers simulated from the models' own
// generative processes, for each parameter set (seeds fixed in advance, 1,
// 2 and 3): each true parameter lies inside the 90 % interval the fit
// reports.
func TestParameterRecovery(t *testing.T) {
	for i, set := range recoverySets {
		t.Run(set.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(i+1), 0))
			rfm, spend := simulateBGNBD(rng, 20000, set.bg, set.gg)
			fit, err := FitBGNBD(rfm, nil)
			if err != nil {
				t.Fatal(err)
			}
			truth := []float64{set.bg.R, set.bg.Alpha, set.bg.A, set.bg.B}
			got := []float64{fit.R, fit.Alpha, fit.A, fit.B}
			for k, name := range []string{"r", "alpha", "a", "b"} {
				iv := fit.Intervals[k]
				t.Logf("%s: true %.4g, fitted %.4g, 90 %% interval [%.4g, %.4g]", name, truth[k], got[k], iv.Low, iv.High)
				if !(iv.Low <= truth[k] && truth[k] <= iv.High) {
					t.Errorf("%s: true %.4g outside the 90 %% interval [%.4g, %.4g] (fitted %.4g)", name, truth[k], iv.Low, iv.High, got[k])
				}
			}
			gfit, err := FitGammaGamma(spend, nil)
			if err != nil {
				t.Fatal(err)
			}
			gtruth := []float64{set.gg.P, set.gg.Q, set.gg.Gamma}
			ggot := []float64{gfit.P, gfit.Q, gfit.Gamma}
			for k, name := range []string{"p", "q", "gamma"} {
				iv := gfit.Intervals[k]
				t.Logf("%s: true %.4g, fitted %.4g, 90 %% interval [%.4g, %.4g] (%d repeat customers)", name, gtruth[k], ggot[k], iv.Low, iv.High, gfit.Customers)
				if !(iv.Low <= gtruth[k] && gtruth[k] <= iv.High) {
					t.Errorf("%s: true %.4g outside the 90 %% interval [%.4g, %.4g] (fitted %.4g)", name, gtruth[k], iv.Low, iv.High, ggot[k])
				}
			}
		})
	}
}

// TestIntervalCoverage: the intervals are 90 % intervals. Over 60 samples
// of 1,500 customers of the CDNOW set, each parameter's interval holds the
// truth about 54 times (binomial standard deviation 2.3); fewer than 47 or
// all 60 would mean intervals too narrow or far too wide.
func TestIntervalCoverage(t *testing.T) {
	if testing.Short() {
		t.Skip("60 fits")
	}
	set := recoverySets[0]
	truth := []float64{set.bg.R, set.bg.Alpha, set.bg.A, set.bg.B}
	var inside [4]int
	const runs = 60
	for run := 0; run < runs; run++ {
		rng := rand.New(rand.NewPCG(100+uint64(run), 7))
		rfm, _ := simulateBGNBD(rng, 1500, set.bg, GammaGamma{})
		fit, err := FitBGNBD(rfm, nil)
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		for k := range truth {
			if fit.Intervals[k].Low <= truth[k] && truth[k] <= fit.Intervals[k].High {
				inside[k]++
			}
		}
	}
	for k, name := range []string{"r", "alpha", "a", "b"} {
		t.Logf("%s: truth inside %d of %d intervals", name, inside[k], runs)
		if inside[k] < 47 || inside[k] == runs {
			t.Errorf("%s: truth inside %d of %d 90 %% intervals", name, inside[k], runs)
		}
	}
}

// TestFitConvergesFromAnyStart: the search (BFGS, restarted towards the
// start from the data's moments when a start does not converge) reaches
// the same maximum from starting points spread over six orders of
// magnitude.
func TestFitConvergesFromAnyStart(t *testing.T) {
	data, _ := cdnowSummary(t)
	g, err := groupRFM(data)
	if err != nil {
		t.Fatal(err)
	}
	f := func(x, grad []float64) float64 {
		m := BGNBD{math.Exp(x[0]), math.Exp(x[1]), math.Exp(x[2]), math.Exp(x[3])}
		var gr [4]float64
		ll := g.logLik(m, gr[:])
		for i, v := range []float64{m.R, m.Alpha, m.A, m.B} {
			grad[i] = -gr[i] * v / g.total
		}
		if math.IsNaN(ll) {
			return math.Inf(1)
		}
		return -ll / g.total
	}
	var sumT, sumX float64
	for _, d := range data {
		sumT, sumX = sumT+d.T, sumX+float64(d.X)
	}
	anchor := []float64{1, sumT / sumX, 1, 1} // FitBGNBD's first start
	rng := rand.New(rand.NewPCG(9, 9))
	for i := 0; i < 20; i++ {
		start := []float64{math.Pow(10, rng.Float64()*6-3), math.Pow(10, rng.Float64()*6-3), math.Pow(10, rng.Float64()*6-3), math.Pow(10, rng.Float64()*6-3)}
		res, err := fitLogParams(f, [][]float64{start}, anchor, g.total, nil)
		if err != nil {
			t.Errorf("from %v: %v", start, err)
			continue
		}
		if !nearF(res.ll, -9582.43, 0.01) || !nearF(res.params[0], 0.2426, 0.0005) {
			t.Errorf("from %v: LL %.3f, r %.4f", start, res.ll, res.params[0])
		}
	}
}

// TestFitRefusesWhatItCannotFit: data without repeat purchases, or whose
// likelihood keeps rising towards a bound, give a *FieldError, never
// numbers.
func TestFitRefusesWhatItCannotFit(t *testing.T) {
	none := []RFM{{X: 0, T: 10}, {X: 0, T: 20}}
	if _, err := FitBGNBD(none, nil); ErrorFor(err, "bgnbd") == nil {
		t.Errorf("no repeat purchases: %v", err)
	}
	// Everybody buys exactly every period and is seen to the end: no
	// heterogeneity and no dropout, the parameters run off to infinity.
	var regular []RFM
	for i := 0; i < 200; i++ {
		regular = append(regular, RFM{X: 10, Tx: 10, T: 10})
	}
	if fit, err := FitBGNBD(regular, nil); ErrorFor(err, "bgnbd") == nil {
		t.Errorf("degenerate data fitted: %+v, %v", fit, err)
	}
	if _, err := FitBGNBD([]RFM{{X: 2, Tx: 5, T: 3}}, nil); ErrorFor(err, "bgnbd") == nil {
		t.Errorf("recency after T accepted: %v", err)
	}
	if _, err := FitGammaGamma([]Spend{{X: 1, M: 10}}, nil); ErrorFor(err, "gamma_gamma") == nil {
		t.Errorf("one customer fitted: %v", err)
	}
}
