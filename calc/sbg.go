package calc

import "math"

// The shifted-beta-geometric (sBG) model of Fader & Hardie (2007) works in
// float64: its likelihood needs logarithms and its fit an iterative optimizer,
// neither of which decimal offers at a useful speed. Its results enter the
// decimal arithmetic rounded to floatDigits significant digits (see
// decimalFromFloat), and money is then computed in decimal.

// sbgData is survival data pooled over cohorts, for the likelihood: for each
// period t = 1..K (index 0 unused) lost[t] customers lost in period t,
// censored[t] customers still active at the end of period t when their
// cohort was last observed, and atRisk[t] customers active at the start of
// period t.
type sbgData struct {
	lost, censored, atRisk []float64
}

// periods is K, the last period with data.
func (d *sbgData) periods() int { return len(d.lost) - 1 }

// logLik is the sBG log-likelihood
//
//	LL(a, b) = sum_t lost[t] ln P(T = t) + sum_t censored[t] ln S(t)
//
// with P(T = t) = S(t-1) a / (a + b + t - 1) and
// S(t) = S(t-1) (b + t - 1) / (a + b + t - 1), the recursions of Fader &
// Hardie (2007) written so that no term is a difference of near-equal
// numbers.
func (d *sbgData) logLik(a, b float64) float64 {
	ll, lnS, lnA := 0.0, 0.0, math.Log(a)
	for t := 1; t < len(d.lost); t++ {
		lnDen := math.Log(a + b + float64(t) - 1)
		if d.lost[t] > 0 {
			ll += d.lost[t] * (lnS + lnA - lnDen)
		}
		lnS += math.Log(b+float64(t)-1) - lnDen
		if d.censored[t] > 0 {
			ll += d.censored[t] * lnS
		}
	}
	return ll
}

// sbgFit is a maximum-likelihood fit of the sBG model.
type sbgFit struct {
	a, b, ll  float64
	converged bool // the optimizer met its convergence test
	atBound   bool // a or b stopped at a bound (sbgMin, sbgMax)
}

// Bounds of the fitted a and b. Data that push a and b to infinity at a fixed
// ratio are constant retention; 10^6 is indistinguishable from it.
const (
	sbgMin = 1e-6
	sbgMax = 1e6
)

// fitSBG maximises logLik over a, b > 0 in (ln a, ln b): the best of a grid
// of 25 starting points, Nelder-Mead from the best two (several starts, the
// advice of Fader & Hardie 2007, appendix B), then Newton's method with the
// exact gradient and Hessian from the better result, to a gradient below
// 1e-9 per customer. Should Newton fail (a bound, a flat ridge), a tight
// Nelder-Mead finishes instead.
func fitSBG(d *sbgData) sbgFit {
	f, _ := fitSBGUntil(d, nil)
	return f
}

// fitSBGUntil is fitSBG, asking stop between its steps whether to give up
// (ok false).
func fitSBGUntil(d *sbgData, stop func() bool) (fit sbgFit, ok bool) {
	total := 0.0
	for t := 1; t < len(d.lost); t++ {
		total += d.lost[t] + d.censored[t]
	}
	if total <= 0 {
		total = 1
	}
	lo, hi := math.Log(sbgMin), math.Log(sbgMax)
	negLL := func(x [2]float64) float64 {
		if x[0] < lo || x[0] > hi || x[1] < lo || x[1] > hi {
			return math.Inf(1)
		}
		v := -d.logLik(math.Exp(x[0]), math.Exp(x[1])) / total
		if math.IsNaN(v) {
			return math.Inf(1)
		}
		return v
	}
	var starts [2][2]float64
	startF := [2]float64{math.Inf(1), math.Inf(1)}
	for _, a := range []float64{0.1, 0.5, 1, 3, 10} {
		for _, b := range []float64{0.1, 0.5, 1, 3, 10} {
			x := [2]float64{math.Log(a), math.Log(b)}
			switch f := negLL(x); {
			case f < startF[0]:
				starts[1], startF[1] = starts[0], startF[0]
				starts[0], startF[0] = x, f
			case f < startF[1]:
				starts[1], startF[1] = x, f
			}
		}
	}
	best, bestF := starts[0], math.Inf(1)
	for _, start := range starts {
		if stopped(stop) {
			return sbgFit{}, false
		}
		if x, f, _ := nelderMead(negLL, start, 0.5, 1e-6, 1e-2, 1000); f < bestF {
			best, bestF = x, f
		}
	}
	if stopped(stop) {
		return sbgFit{}, false
	}
	x, conv := newton(d, best, lo, hi, total)
	if !conv && stopped(stop) {
		return sbgFit{}, false
	}
	if !conv {
		var f float64
		x, f, conv = nelderMead(negLL, best, 0.05, 1e-13, 1e-9, 4000)
		if f > bestF {
			x = best
		}
	}
	a, b := math.Exp(x[0]), math.Exp(x[1])
	const edge = 1e-6
	return sbgFit{
		a: a, b: b, ll: d.logLik(a, b), converged: conv,
		atBound: x[0] < lo+edge || x[0] > hi-edge || x[1] < lo+edge || x[1] > hi-edge,
	}, true
}

// derivs returns LL(a, b) with its gradient and Hessian in (ln a, ln b),
// from the same recursions as logLik: with c = a + b + t - 1, e = b + t - 1,
// d ln S(t)/da = -sum 1/c, d ln S(t)/db = sum (1/e - 1/c), and
// ln P(t) = ln S(t-1) + ln a - ln c.
func (d *sbgData) derivs(a, b float64) (ll float64, g [2]float64, h [2][2]float64) {
	var ga, gb, haa, hab, hbb float64
	var lnS, a1, a2, b1, b2 float64 // ln S(t-1) and its sums to t-1
	lnA := math.Log(a)
	for t := 1; t < len(d.lost); t++ {
		c, e := a+b+float64(t)-1, b+float64(t)-1
		lnC := math.Log(c)
		if w := d.lost[t]; w > 0 {
			ll += w * (lnS + lnA - lnC)
			ga += w * (-a1 + 1/a - 1/c)
			gb += w * (b1 - a1 - 1/c)
			haa += w * (a2 - 1/(a*a) + 1/(c*c))
			hab += w * (a2 + 1/(c*c))
			hbb += w * (a2 - b2 + 1/(c*c))
		}
		lnS += math.Log(e) - lnC
		a1, a2, b1, b2 = a1+1/c, a2+1/(c*c), b1+1/e, b2+1/(e*e)
		if w := d.censored[t]; w > 0 {
			ll += w * lnS
			ga -= w * a1
			gb += w * (b1 - a1)
			haa += w * a2
			hab += w * a2
			hbb += w * (a2 - b2)
		}
	}
	g = [2]float64{a * ga, b * gb}
	h = [2][2]float64{{a*a*haa + a*ga, a * b * hab}, {a * b * hab, b*b*hbb + b*gb}}
	return ll, g, h
}

// newton maximises LL from x in (ln a, ln b), with steps halved until LL
// rises. ok reports a gradient below 1e-9 per customer within the bounds.
func newton(d *sbgData, x [2]float64, lo, hi, total float64) ([2]float64, bool) {
	ll, g, h := d.derivs(math.Exp(x[0]), math.Exp(x[1]))
	for iter := 0; iter < 100; iter++ {
		if math.Hypot(g[0], g[1]) <= 1e-9*total {
			return x, true
		}
		var step [2]float64
		if det := h[0][0]*h[1][1] - h[0][1]*h[1][0]; h[0][0] < 0 && det > 0 {
			step = [2]float64{(-h[1][1]*g[0] + h[0][1]*g[1]) / det, (h[1][0]*g[0] - h[0][0]*g[1]) / det}
		} else { // not concave here: a plain ascent step
			n := math.Hypot(g[0], g[1])
			step = [2]float64{g[0] / n * 0.1, g[1] / n * 0.1}
		}
		moved := false
		for k := 0; k < 40; k++ {
			y := [2]float64{x[0] + step[0], x[1] + step[1]}
			if y[0] >= lo && y[0] <= hi && y[1] >= lo && y[1] <= hi {
				if ly, gy, hy := d.derivs(math.Exp(y[0]), math.Exp(y[1])); ly >= ll && !math.IsNaN(ly) {
					x, ll, g, h, moved = y, ly, gy, hy, true
					break
				}
			}
			step[0], step[1] = step[0]/2, step[1]/2
		}
		if !moved {
			return x, false
		}
	}
	return x, false
}

// nelderMead minimises f over the plane from x0 with an initial simplex of
// the given step. It stops when the values at the vertices agree to ftol
// (relative) and the simplex is smaller than xtol, or after maxIter steps;
// ok reports the former.
func nelderMead(f func([2]float64) float64, x0 [2]float64, step, ftol, xtol float64, maxIter int) (x [2]float64, fx float64, ok bool) {
	p := [3][2]float64{x0, {x0[0] + step, x0[1]}, {x0[0], x0[1] + step}}
	v := [3]float64{f(p[0]), f(p[1]), f(p[2])}
	for iter := 0; iter < maxIter; iter++ {
		// Order: p[0] best, p[2] worst.
		for i := 1; i < 3; i++ {
			for j := i; j > 0 && v[j] < v[j-1]; j-- {
				v[j], v[j-1] = v[j-1], v[j]
				p[j], p[j-1] = p[j-1], p[j]
			}
		}
		size := math.Max(dist(p[0], p[1]), dist(p[0], p[2]))
		if v[2]-v[0] <= ftol*(1+math.Abs(v[0])) && size < xtol {
			return p[0], v[0], true
		}
		c := [2]float64{(p[0][0] + p[1][0]) / 2, (p[0][1] + p[1][1]) / 2}
		along := func(t float64) [2]float64 {
			return [2]float64{c[0] + t*(p[2][0]-c[0]), c[1] + t*(p[2][1]-c[1])}
		}
		xr := along(-1)
		fr := f(xr)
		switch {
		case fr < v[0]:
			if xe := along(-2); f(xe) < fr {
				p[2], v[2] = xe, f(xe)
			} else {
				p[2], v[2] = xr, fr
			}
		case fr < v[1]:
			p[2], v[2] = xr, fr
		default:
			t := 0.5 // inside contraction
			if fr < v[2] {
				t = -0.5 // outside contraction
			}
			if xc := along(t); f(xc) < math.Min(fr, v[2]) {
				p[2], v[2] = xc, f(xc)
			} else { // shrink towards the best
				for i := 1; i < 3; i++ {
					p[i] = [2]float64{(p[0][0] + p[i][0]) / 2, (p[0][1] + p[i][1]) / 2}
					v[i] = f(p[i])
				}
			}
		}
	}
	best := 0
	for i := 1; i < 3; i++ {
		if v[i] < v[best] {
			best = i
		}
	}
	return p[best], v[best], false
}

func dist(p, q [2]float64) float64 { return math.Hypot(p[0]-q[0], p[1]-q[1]) }

// sbgRetention is r_t = (b + t - 1) / (a + b + t - 1), the share of the
// customers active at the start of period t who renew for it.
func sbgRetention(a, b float64, t int) float64 {
	return (b + float64(t) - 1) / (a + b + float64(t) - 1)
}

// sbgSurvival returns S(0..n): S(0) = 1, S(t) = S(t-1) r_t.
func sbgSurvival(a, b float64, n int) []float64 {
	s := make([]float64, n+1)
	s[0] = 1
	for t := 1; t <= n; t++ {
		s[t] = s[t-1] * sbgRetention(a, b, t)
	}
	return s
}

// maxSBGTerms bounds the terms of an sBG sum without horizon: reached only
// with a discount rate below about 0.004 % per period.
const maxSBGTerms = 1_000_000

// sbgSum returns the discounted expected lifetime sum
//
//	first x sum_{k>=0} z^k prod_{i=n0+1}^{n0+k} r_i
//
// over horizon terms (horizon > 0), or to infinity: summed term by term
// until the rest is below 1e-15 of the sum. The rest after term k is at most
// the term times z / (1 - z), as every r_i <= 1, and for a > 1 at most the
// term times (b + n0 + k) / (a - 1), the undiscounted rest, which Gauss's
// formula gives exactly. With z = 1 and no horizon it uses the closed form
// first (a + b + n0 - 1) / (a - 1), finite for a > 1 only (Gauss's value of
// 2F1 at 1). ok is false when the sum is infinite or does not converge
// within maxSBGTerms.
//
// DEL(d) = sbgSum(a, b, 1/(1+d), 0, 1, H) and, for a customer who has made
// n - 1 renewals, DERL(d) = sbgSum(a, b, 1/(1+d), n, r_n, H): the
// hypergeometric series of Fader & Hardie (2010) summed directly.
func sbgSum(a, b, z float64, n0 int, first float64, horizon int) (float64, bool) {
	if horizon <= 0 && z >= 1 {
		if a <= 1 {
			return math.Inf(1), false
		}
		return first * (a + b + float64(n0) - 1) / (a - 1), true
	}
	limit := horizon
	if limit <= 0 {
		limit = maxSBGTerms
	}
	sum, comp, term := 0.0, 0.0, first
	for k := 0; k < limit; k++ {
		if k > 0 {
			term *= z * sbgRetention(a, b, n0+k)
		}
		// Neumaier's compensated sum: the terms may be many and small.
		t := sum + term
		if math.Abs(sum) >= math.Abs(term) {
			comp += (sum - t) + term
		} else {
			comp += (term - t) + sum
		}
		sum = t
		if horizon <= 0 && term*sbgTail(a, b, z, n0+k) < 1e-15*(sum+comp) {
			return sum + comp, true
		}
	}
	return sum + comp, horizon > 0
}

// sbgTail bounds the rest of an sBG sum after the term of period m, relative
// to that term (see sbgSum).
func sbgTail(a, b, z float64, m int) float64 {
	tail := math.Inf(1)
	if z < 1 {
		tail = z / (1 - z)
	}
	if a > 1 {
		tail = math.Min(tail, (b+float64(m))/(a-1))
	}
	return tail
}

// sbgPayback returns the first period k (1-based) in which the cumulative
// discounted margin m x sum_{t<k} S(t) z^t reaches target, within horizon
// periods (or while the sum still grows); ok is false when it never does.
func sbgPayback(a, b, z, m, target float64, horizon int) (int, bool) {
	if target <= 0 {
		return 0, true
	}
	if m <= 0 {
		return 0, false
	}
	limit := horizon
	if limit <= 0 {
		limit = maxSBGTerms
	}
	need, sum, term := target/m, 0.0, 1.0
	for k := 1; k <= limit; k++ {
		if k > 1 {
			term *= z * sbgRetention(a, b, k-1)
		}
		sum += term
		if sum >= need {
			return k, true
		}
		if horizon <= 0 && term*sbgTail(a, b, z, k-1) < 1e-15*sum {
			return 0, false
		}
	}
	return 0, false
}
