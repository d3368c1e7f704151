package calc

import (
	"errors"
	"math"
	"sort"
)

// The Gamma-Gamma model of spend per transaction: Fader, Hardie & Lee
// (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis",
// Journal of Marketing Research 42(4), 415-430, and Fader & Hardie (2013),
// "The Gamma-Gamma Model of Monetary Value" (brucehardie.com, note 025).
// The value of each of a customer's transactions is Gamma(p, nu),
// nu ~ Gamma(q, gamma) across customers, independent of how often the
// customer buys. It is fitted to the customers with repeat purchases, from
// the number x of their repeat purchases and their mean value m_x.

// Spend is one repeat customer's summary for the Gamma-Gamma model: X
// repeat transactions of mean value M (M > 0).
type Spend struct {
	X int
	M float64
}

// GammaGamma holds the parameters of a Gamma-Gamma model.
type GammaGamma struct {
	P, Q, Gamma float64
}

// GammaGammaFit is a maximum-likelihood fit of the Gamma-Gamma model: the
// parameters, the log-likelihood at them and a 90 % interval for each (p,
// q, gamma in that order).
type GammaGammaFit struct {
	GammaGamma
	LogLikelihood float64
	Intervals     [3]Interval
	Customers     int // repeat customers fitted
}

// ggData is spend data grouped by x.
type ggData struct {
	xs    []int
	start []int
	m     []float64 // scaled mean values, grouped by x
	// sum over customers of (ln m + ln x) per x, the terms of the
	// likelihood that do not depend on the parameters
	lnMX   []float64
	sumLnM float64 // sum over customers of ln m
	n      int
}

// ggLogLik is the Gamma-Gamma log-likelihood (Fader & Hardie 2013, eq. 5)
//
//	L(p, q, gamma | x, m_x) = Gamma(p x + q) / (Gamma(p x) Gamma(q)) gamma^q m_x^(p x - 1) x^(p x) / (gamma + x m_x)^(p x + q)
//
// summed over customers, with its gradient in (p, q, gamma) when grad is
// not nil.
func (d *ggData) logLik(m GammaGamma, grad []float64) float64 {
	p, q, gm := m.P, m.Q, m.Gamma
	lgQ, lnG := lgamma(q), math.Log(gm)
	psiQ := 0.0
	if grad != nil {
		psiQ = digamma(q)
	}
	var ll, dp, dq, dg float64
	for k, x := range d.xs {
		fx := float64(x)
		px := p * fx
		n := float64(d.start[k+1] - d.start[k])
		base := lgamma(px+q) - lgamma(px) - lgQ + q*lnG
		ll += n*base + px*d.lnMX[k] // m^(px-1) x^px = (m x)^px / m
		var psiPQ, psiP float64
		if grad != nil {
			psiPQ, psiP = digamma(px+q), digamma(px)
			dp += fx*n*(psiPQ-psiP) + fx*d.lnMX[k]
			dq += n * (psiPQ - psiQ + lnG)
		}
		for _, mx := range d.m[d.start[k]:d.start[k+1]] {
			l := math.Log(gm + fx*mx)
			ll -= (px + q) * l
			if grad != nil {
				dp -= fx * l
				dq -= l
				dg += q/gm - (px+q)/(gm+fx*mx)
			}
		}
	}
	ll -= d.sumLnM
	if grad != nil {
		grad[0], grad[1], grad[2] = dp, dq, dg
	}
	return ll
}

// errBadSpend reports spend data the model cannot take.
var errBadSpend = errors.New("the spend summaries are not valid Gamma-Gamma data")

// groupSpend checks and groups spend data, the values divided by scale.
func groupSpend(data []Spend, scale float64) (*ggData, error) {
	s := append([]Spend(nil), data...)
	sort.Slice(s, func(i, j int) bool { return s[i].X < s[j].X })
	d := &ggData{n: len(s)}
	for i, v := range s {
		if v.X < 1 || !(v.M > 0) || math.IsInf(v.M, 0) {
			return nil, errBadSpend
		}
		if i == 0 || v.X != s[i-1].X {
			d.xs = append(d.xs, v.X)
			d.start = append(d.start, i)
			d.lnMX = append(d.lnMX, 0)
		}
		m := v.M / scale
		d.m = append(d.m, m)
		d.lnMX[len(d.lnMX)-1] += math.Log(m) + math.Log(float64(v.X))
		d.sumLnM += math.Log(m)
	}
	d.start = append(d.start, len(s))
	return d, nil
}

// minSpendCustomers is the fewest repeat customers the spend model is
// fitted to: three parameters need more data than that.
const minSpendCustomers = 10

// FitGammaGamma fits the Gamma-Gamma model to the spend of repeat customers
// by maximum likelihood: BFGS on (ln p, ln q, ln gamma) from three starting
// points, on values divided by their mean (gamma is scaled back, and the
// log-likelihood is that of the values as given). The intervals come from
// the observed information (see Interval). yield, when not nil, is called
// between iterations; its error stops the fit and is returned.
//
// It returns a *FieldError with CodeNoFit for fewer than 10 repeat
// customers, a mean value that is not positive, or a search that does not
// converge.
func FitGammaGamma(data []Spend, yield func() error) (GammaGammaFit, error) {
	if len(data) < minSpendCustomers {
		return GammaGammaFit{}, noFit("gamma_gamma", "too few repeat customers to fit the spend model")
	}
	mean := 0.0
	for _, v := range data {
		mean += v.M / float64(len(data))
	}
	if !(mean > 0) || math.IsInf(mean, 0) {
		return GammaGammaFit{}, noFit("gamma_gamma", "the repeat purchases have no positive value")
	}
	d, err := groupSpend(data, mean)
	if err != nil {
		return GammaGammaFit{}, noFit("gamma_gamma", "a repeat customer's average value is not positive")
	}
	n := float64(d.n)
	f := func(x, grad []float64) float64 {
		m := GammaGamma{math.Exp(x[0]), math.Exp(x[1]), math.Exp(x[2])}
		var g [3]float64
		ll := d.logLik(m, g[:])
		if math.IsNaN(ll) || math.IsInf(ll, 0) {
			return math.Inf(1)
		}
		for i, v := range []float64{m.P, m.Q, m.Gamma} {
			grad[i] = -g[i] * v / n
		}
		return -ll / n
	}
	starts := [][]float64{{1, 1, 1}, {5, 3, 2}, {0.5, 2, 0.5}}
	res, err := fitLogParams(f, starts, starts[0], n, yield)
	if err != nil {
		if errors.Is(err, errNoConvergence) {
			return GammaGammaFit{}, noFit("gamma_gamma", "the spend model did not converge on these data")
		}
		return GammaGammaFit{}, err
	}
	fit := GammaGammaFit{
		GammaGamma:    GammaGamma{res.params[0], res.params[1], res.params[2] * mean},
		LogLikelihood: res.ll - n*math.Log(mean),
		Customers:     d.n,
	}
	copy(fit.Intervals[:], res.intervals)
	fit.Intervals[2].Low *= mean
	fit.Intervals[2].High *= mean
	return fit, nil
}

// LogLikelihood returns the Gamma-Gamma log-likelihood of the spend data
// under m, or NaN when they are not valid.
func (m GammaGamma) LogLikelihood(data []Spend) float64 {
	d, err := groupSpend(data, 1)
	if err != nil {
		return math.NaN()
	}
	return d.logLik(m, nil)
}

// ConditionalMean is E[M | p, q, gamma, x, m_x], the expected value of a
// customer's future transactions (Fader & Hardie 2013, eq. 6):
//
//	E[M | x, m_x] = p (gamma + x m_x) / (p x + q - 1)
//
// a weighted mean of the population mean p gamma / (q - 1) and the
// customer's own mean m_x. For x = 0 it is the population mean. ok is false
// when the mean is infinite (p x + q <= 1).
func (m GammaGamma) ConditionalMean(x int, mx float64) (float64, bool) {
	den := m.P*float64(x) + m.Q - 1
	if !(den > 0) {
		return 0, false
	}
	v := m.P * (m.Gamma + float64(x)*mx) / den
	return v, finite(v)
}
