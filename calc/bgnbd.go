package calc

import (
	"errors"
	"math"
	"sort"
)

// The BG/NBD model of repeat purchases: Fader, Hardie & Lee (2005),
// "'Counting Your Customers' the Easy Way: An Alternative to the Pareto/NBD
// Model", Marketing Science 24(2), 275-284, and its note "Implementing the
// BG/NBD Model for Customer Base Analysis in Excel" (brucehardie.com, note
// 004). While active, a customer buys at the times of a Poisson process of
// rate lambda, lambda ~ Gamma(r, alpha) across customers; after each repeat
// purchase the customer drops out for good with probability p,
// p ~ Beta(a, b). Time is counted in periods (days, weeks or months).

// RFM is one customer's calibration summary in the models' terms: X repeat
// purchase occasions (purchase days after the first), the last of them Tx
// periods after the first purchase, and T periods from the first purchase
// to the end of the calibration period. Count customers share it (1 when
// zero).
type RFM struct {
	X     int
	Tx, T float64
	Count float64
}

// BGNBD holds the parameters of a BG/NBD model.
type BGNBD struct {
	R, Alpha, A, B float64
}

// BGNBDFit is a maximum-likelihood fit of the BG/NBD model: the
// parameters, the log-likelihood at them and a 90 % interval for each
// (r, alpha, a, b in that order).
type BGNBDFit struct {
	BGNBD
	LogLikelihood float64
	Intervals     [4]Interval
	Customers     float64 // customers fitted
}

// bgData is calibration data grouped for the likelihood: the rows of one X
// are consecutive, and each distinct (X, Tx, T) is one row with its count.
type bgData struct {
	xs    []int // distinct X, ascending
	start []int // rows of xs[k] are start[k] .. start[k+1]-1
	tx, t []float64
	w     []float64
	total float64
}

// errBadRFM reports a summary the model cannot take: a negative or
// non-finite time, a recency after T, or no customers at all.
var errBadRFM = errors.New("the customer summaries are not valid BG/NBD data")

// groupRFM checks the summaries and groups equal ones.
func groupRFM(data []RFM) (*bgData, error) {
	type key struct {
		x     int
		tx, t float64
	}
	counts := map[key]float64{}
	for _, d := range data {
		w := d.Count
		if w == 0 {
			w = 1
		}
		if d.X < 0 || !finite(d.Tx, d.T, w) || d.T < 0 || d.Tx < 0 || d.Tx > d.T || w < 0 || d.X == 0 && d.Tx != 0 {
			return nil, errBadRFM
		}
		counts[key{d.X, d.Tx, d.T}] += w
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.x != b.x {
			return a.x < b.x
		}
		if a.t != b.t {
			return a.t < b.t
		}
		return a.tx < b.tx
	})
	g := &bgData{}
	for i, k := range keys {
		if i == 0 || k.x != keys[i-1].x {
			g.xs = append(g.xs, k.x)
			g.start = append(g.start, i)
		}
		g.tx = append(g.tx, k.tx)
		g.t = append(g.t, k.t)
		g.w = append(g.w, counts[k])
		g.total += counts[k]
	}
	g.start = append(g.start, len(keys))
	if g.total <= 0 {
		return nil, errBadRFM
	}
	return g, nil
}

// logLik returns the BG/NBD log-likelihood (Fader, Hardie & Lee 2005,
// eq. 6) of the grouped data and, when grad is not nil, its gradient in
// (r, alpha, a, b):
//
//	L = B(a, b + x) / B(a, b) * Gamma(r + x) alpha^r / Gamma(r)
//	    * [ (alpha + T)^-(r+x) + 1{x > 0} a / (b + x - 1) (alpha + t_x)^-(r+x) ]
//
// The Gamma and Beta functions depend on x alone and are computed once per
// distinct x; the bracket is summed in logarithms (the larger term
// factored out), as the Excel note advises for large x.
func (d *bgData) logLik(m BGNBD, grad []float64) float64 {
	r, alpha, a, b := m.R, m.Alpha, m.A, m.B
	lnAlpha, lnA := math.Log(alpha), math.Log(a)
	var dr, dalpha, da, db float64
	psiR, psiAB, psiB := 0.0, 0.0, 0.0
	if grad != nil {
		psiR, psiAB, psiB = digamma(r), digamma(a+b), digamma(b)
	}
	lgR, lgAB, lgB := lgamma(r), lgamma(a+b), lgamma(b)
	ll := 0.0
	for k, x := range d.xs {
		fx := float64(x)
		g := lgamma(r+fx) - lgR + lgAB + lgamma(b+fx) - lgB - lgamma(a+b+fx) + r*lnAlpha
		var gr, ga, gb float64
		if grad != nil {
			ga = psiAB - digamma(a+b+fx)
			gr = digamma(r+fx) - psiR + lnAlpha
			gb = ga + digamma(b+fx) - psiB
		}
		lnRatio := 0.0
		if x > 0 {
			lnRatio = lnA - math.Log(b+fx-1)
		}
		for i := d.start[k]; i < d.start[k+1]; i++ {
			w := d.w[i]
			lnT := math.Log(alpha + d.t[i])
			t1 := -(r + fx) * lnT
			lsum, w2 := t1, 0.0
			lnTx := 0.0
			if x > 0 {
				lnTx = math.Log(alpha + d.tx[i])
				t2 := lnRatio - (r+fx)*lnTx
				hi, lo := t1, t2
				if t2 > t1 {
					hi, lo = t2, t1
				}
				e := math.Exp(lo - hi)
				lsum = hi + math.Log1p(e)
				w2 = math.Exp(t2 - lsum)
			}
			ll += w * (g + lsum)
			if grad != nil {
				w1 := 1 - w2
				dr += w * (gr - w1*lnT - w2*lnTx)
				dalpha += w * (r/alpha - (r+fx)*(w1/(alpha+d.t[i])+w2/(alpha+d.tx[i])))
				da += w * (ga + w2/a)
				if x > 0 {
					db += w * (gb - w2/(b+fx-1))
				} else {
					db += w * gb
				}
			}
		}
	}
	if grad != nil {
		grad[0], grad[1], grad[2], grad[3] = dr, dalpha, da, db
	}
	return ll
}

// FitBGNBD fits the BG/NBD model to customer summaries by maximum
// likelihood: BFGS on (ln r, ln alpha, ln a, ln b) from three starting
// points (the mean purchase rate of the data sets alpha's scale), keeping
// the best that converges to a gradient below 10^-8 per customer. The
// intervals come from the observed information (see Interval). yield, when
// not nil, is called between iterations; its error stops the fit and is
// returned.
//
// It returns a *FieldError with CodeNoFit when the data are not valid
// summaries or when the search does not converge inside [10^-8, 10^8] for
// every parameter (for example when nobody ever buys again): a fit that
// did not converge is an error, never a number.
func FitBGNBD(data []RFM, yield func() error) (BGNBDFit, error) {
	g, err := groupRFM(data)
	if err != nil {
		return BGNBDFit{}, noFit("bgnbd", "the customer summaries are not valid (negative or unknown times)")
	}
	var sumX, sumT float64
	for i := range g.w {
		sumT += g.w[i] * g.t[i]
	}
	for k, x := range g.xs {
		for i := g.start[k]; i < g.start[k+1]; i++ {
			sumX += g.w[i] * float64(x)
		}
	}
	if sumX == 0 {
		return BGNBDFit{}, noFit("bgnbd", "nobody bought a second time: the repeat-purchase model needs repeat purchases")
	}
	// Gamma(r, alpha) has mean r / alpha: start at the observed rate.
	alpha0 := math.Max(sumT/sumX, 1e-3)
	f := func(x, grad []float64) float64 {
		m := BGNBD{math.Exp(x[0]), math.Exp(x[1]), math.Exp(x[2]), math.Exp(x[3])}
		var gr [4]float64
		ll := g.logLik(m, gr[:])
		if math.IsNaN(ll) || math.IsInf(ll, 0) {
			return math.Inf(1)
		}
		for i, v := range []float64{m.R, m.Alpha, m.A, m.B} {
			grad[i] = -gr[i] * v / g.total
		}
		return -ll / g.total
	}
	starts := [][]float64{
		{1, alpha0, 1, 1},
		{0.3, alpha0 * 0.3, 0.5, 3},
		{3, alpha0 * 3, 2, 0.5},
	}
	res, err := fitLogParams(f, starts, starts[0], g.total, yield)
	if err != nil {
		if errors.Is(err, errNoConvergence) {
			return BGNBDFit{}, noFit("bgnbd", "the repeat-purchase model did not converge on these data")
		}
		return BGNBDFit{}, err
	}
	fit := BGNBDFit{
		BGNBD:         BGNBD{res.params[0], res.params[1], res.params[2], res.params[3]},
		LogLikelihood: res.ll,
		Customers:     g.total,
	}
	copy(fit.Intervals[:], res.intervals)
	return fit, nil
}

// noFit is the error of a model that cannot be fitted.
func noFit(field, reason string) *FieldError {
	return &FieldError{Field: field, Code: CodeNoFit, Reason: reason}
}

// LogLikelihood returns the BG/NBD log-likelihood of the summaries under
// m, or NaN when they are not valid summaries.
func (m BGNBD) LogLikelihood(data []RFM) float64 {
	g, err := groupRFM(data)
	if err != nil {
		return math.NaN()
	}
	return g.logLik(m, nil)
}

// PAlive is the probability that a customer with repeat purchases x, the
// last at tx, observed for T periods, is still active (Fader, Hardie & Lee
// 2005, eq. 13):
//
//	P(alive | x, t_x, T) = 1 / (1 + 1{x > 0} a / (b + x - 1) ((alpha + T) / (alpha + t_x))^(r + x))
//
// computed as a logistic of the logarithm of the second term, which may be
// far beyond the float64 range for large x.
func (m BGNBD) PAlive(x int, tx, T float64) float64 {
	if x == 0 {
		return 1
	}
	fx := float64(x)
	ln := math.Log(m.A) - math.Log(m.B+fx-1) + (m.R+fx)*(math.Log(m.Alpha+T)-math.Log(m.Alpha+tx))
	if ln > 0 {
		e := math.Exp(-ln)
		return e / (1 + e)
	}
	return 1 / (1 + math.Exp(ln))
}

// growth is the number of purchases a customer who is active at time T,
// with x repeat purchases so far, is expected to make in the next t
// periods. With the Euler transformation 2F1(a, b; c; z) = (1 - z)^(c-a-b)
// 2F1(c - a, c - b; c; z) (Abramowitz & Stegun 15.3.3), the bracket of the
// conditional expectation of Fader, Hardie & Lee (2005, eq. 10) becomes
//
//	g = (a + b + x - 1) / (a - 1)
//	    * [1 - (1 - z)^(a - 1) 2F1(a + b - 1 - r, a - 1; a + b + x - 1; z)],  z = t / (alpha + T + t)
//
// whose series has terms that shrink like z^n n^(a - 2 - r - x): no
// overflow for large x (the "#NUM! error" of Fader & Hardie 2013, "Overcoming
// the BG/NBD Model's #NUM! Error Problem", brucehardie.com note 027). With
// B = a - 1, C = a + b + x - 1, A = C - x - r and (B)_n = B (B + 1)_(n-1),
//
//	C 2F1(A, B; C; z) = C + B S,  S = sum_{n>=1} (A)_n (B + 1)_(n-1) / ((C + 1)_(n-1) n!) z^n
//	g = C (1 - (1 - z)^B) / B - (1 - z)^B S
//
// which is regular at a = 1 and at a + b + x = 1, where the paper's form
// divides zero by zero. E[X(t)] of a new customer is growth(0, 0, t) (eq. 9).
// It returns errSeries when S does not converge (z within about 10^-5 of 1).
func (m BGNBD) growth(x int, T, t float64) (float64, error) {
	if t <= 0 {
		return 0, nil
	}
	fx := float64(x)
	B, C := m.A-1, m.A+m.B+fx-1
	A := C - fx - m.R
	lnq := math.Log(m.Alpha+T) - math.Log(m.Alpha+T+t) // ln(1 - z)
	z := -math.Expm1(lnq)
	s, err := bgSeries(A, B, C, z)
	if err != nil {
		return 0, err
	}
	qB := math.Exp(B * lnq)
	var lead float64 // (1 - (1 - z)^B) / B
	if math.Abs(B*lnq) < 1e-8 {
		lead = -lnq * (1 + B*lnq/2)
	} else {
		lead = -math.Expm1(B*lnq) / B
	}
	g := C*lead - qB*s
	if !finite(g) || g < 0 {
		if g < 0 && g > -1e-12 {
			return 0, nil
		}
		return 0, errSeries
	}
	return g, nil
}

// bgSeries is S of growth: sum_{n>=1} (A)_n (B+1)_(n-1) / ((C+1)_(n-1) n!) z^n,
// summed until the rest is below 10^-15 of the sum (see hyp2f1 for the
// bound of the rest).
func bgSeries(A, B, C, z float64) (float64, error) {
	if !(z >= 0 && z < 1) || !finite(A, B, C) || C <= -1 {
		return 0, errSeries
	}
	term := A * z
	sum, comp := term, 0.0
	if term == 0 {
		return 0, nil
	}
	for n := 1.0; n < maxSeriesTerms; n++ {
		ratio := (A + n) * (B + n) / ((C + n) * (n + 1)) * z
		term *= ratio
		sum, comp = neumaier(sum, comp, term)
		if n > -A {
			rho := math.Max(math.Abs(ratio), z)
			if term == 0 || rho < 1 && math.Abs(term)*rho/(1-rho) <= 1e-15*math.Abs(sum+comp) {
				return sum + comp, nil
			}
		}
		if !finite(term) {
			return 0, errSeries
		}
	}
	return 0, errSeries
}

// ExpectedPurchases is E[Y(t) | x, t_x, T], the purchases a customer with
// this history is expected to make in the next t periods (Fader, Hardie &
// Lee 2005, eq. 10): P(alive) times growth.
func (m BGNBD) ExpectedPurchases(t float64, x int, tx, T float64) (float64, error) {
	g, err := m.growth(x, T, t)
	if err != nil {
		return 0, err
	}
	return m.PAlive(x, tx, T) * g, nil
}

// ExpectedRepeat is E[X(t)], the repeat purchases a new customer is
// expected to make in the first t periods (Fader, Hardie & Lee 2005,
// eq. 9):
//
//	E[X(t)] = (a + b - 1) / (a - 1) [1 - (alpha / (alpha + t))^r 2F1(r, b; a + b - 1; t / (alpha + t))]
func (m BGNBD) ExpectedRepeat(t float64) (float64, error) {
	return m.growth(0, 0, t)
}
