package calc

import (
	"errors"
	"math"
)

// The maximum-likelihood fits of the order-history models (bgnbd.go,
// gammagamma.go) minimise the negative log-likelihood per customer over the
// logarithms of their parameters, which keeps every parameter positive and
// the steps of the search on one scale.

// objective returns f(x) and its gradient; a point outside the model's
// domain returns +Inf.
type objective func(x []float64, grad []float64) float64

// Bounds of every fitted parameter, on its own scale: parameters that run
// off to these are a ridge of the likelihood, which the data cannot
// resolve, and the fit reports it instead of a number.
const (
	paramMin = 1e-8
	paramMax = 1e8
)

// errNoConvergence is the error of a search that did not meet its
// convergence test.
var errNoConvergence = errors.New("the maximum-likelihood search did not converge")

// bfgs minimises f from x0 with the BFGS quasi-Newton method (Nocedal &
// Wright 2006, algorithm 6.1) and a backtracking line search that meets
// Armijo's condition; where the direction of the update does not descend
// it restarts from the gradient. It has converged when every component of
// the gradient is below gtol, or below 100 gtol once f no longer changes in
// its 14th digit (the limit of float64); it fails after maxIter iterations
// or when a coordinate comes within 1 of edge (a ridge running off to a
// bound of the parameters). yield, when not nil, is called between
// iterations; its error ends the search.
func bfgs(f objective, x0 []float64, gtol, edge float64, maxIter int, yield func() error) (x []float64, fx float64, err error) {
	n := len(x0)
	x = append([]float64(nil), x0...)
	g := make([]float64, n)
	fx = f(x, g)
	if math.IsInf(fx, 0) || math.IsNaN(fx) {
		return x, fx, errNoConvergence
	}
	h := identity(n)
	d, xn, gn, s, y := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	for iter := 0; iter < maxIter; iter++ {
		if maxAbs(g) < gtol {
			return x, fx, nil
		}
		if yield != nil {
			if err := yield(); err != nil {
				return x, fx, err
			}
		}
		for i := range d {
			d[i] = 0
			for j := range g {
				d[i] -= h[i][j] * g[j]
			}
		}
		slope := dot(g, d)
		if !(slope < 0) {
			h = identity(n)
			for i := range d {
				d[i] = -g[i]
			}
			slope = dot(g, d)
		}
		// A step of at most 2 in any log-parameter: e^2 is a big change.
		step := 1.0
		if m := maxAbs(d); m > 2 {
			step = 2 / m
		}
		var fn float64
		moved := false
		for k := 0; k < 60; k++ {
			for i := range x {
				xn[i] = x[i] + step*d[i]
			}
			fn = f(xn, gn)
			if fn <= fx+1e-4*step*slope && !math.IsNaN(fn) {
				moved = true
				break
			}
			step /= 2
		}
		if !moved {
			if maxAbs(g) < 100*gtol {
				return x, fx, nil // flat to rounding: the gradient is as small as f can tell
			}
			return x, fx, errNoConvergence
		}
		for i := range x {
			s[i], y[i] = xn[i]-x[i], gn[i]-g[i]
		}
		stalled := math.Abs(fx-fn) <= 1e-14*math.Abs(fx)
		copy(x, xn)
		copy(g, gn)
		fx = fn
		if stalled && maxAbs(g) < 100*gtol {
			return x, fx, nil
		}
		if maxAbs(x) > edge-1 {
			return x, fx, errNoConvergence
		}
		if sy := dot(s, y); sy > 1e-14 {
			bfgsUpdate(h, s, y, sy)
		}
	}
	if maxAbs(g) < gtol {
		return x, fx, nil
	}
	return x, fx, errNoConvergence
}

// bfgsUpdate applies the BFGS update to the inverse Hessian h:
// H' = (I - rho s y') H (I - rho y s') + rho s s', rho = 1 / (y's).
func bfgsUpdate(h [][]float64, s, y []float64, sy float64) {
	n := len(s)
	rho := 1 / sy
	hy := make([]float64, n)
	for i := range hy {
		for j := range y {
			hy[i] += h[i][j] * y[j]
		}
	}
	yhy := dot(y, hy)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			h[i][j] += -rho*(hy[i]*s[j]+s[i]*hy[j]) + (rho*rho*yhy+rho)*s[i]*s[j]
		}
	}
}

// hessian returns the Hessian of f at x by central differences of its
// gradient, symmetrised: H_ij = (g_i(x + h e_j) - g_i(x - h e_j)) / 2h.
func hessian(f objective, x []float64) [][]float64 {
	n := len(x)
	out := make([][]float64, n)
	for i := range out {
		out[i] = make([]float64, n)
	}
	gp, gm, xp := make([]float64, n), make([]float64, n), append([]float64(nil), x...)
	for j := 0; j < n; j++ {
		h := 1e-4 * math.Max(1, math.Abs(x[j]))
		xp[j] = x[j] + h
		f(xp, gp)
		xp[j] = x[j] - h
		f(xp, gm)
		xp[j] = x[j]
		for i := 0; i < n; i++ {
			out[i][j] = (gp[i] - gm[i]) / (2 * h)
		}
	}
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			m := (out[i][j] + out[j][i]) / 2
			out[i][j], out[j][i] = m, m
		}
	}
	return out
}

// invertSPD inverts a symmetric positive definite matrix by its Cholesky
// factorisation; ok is false when the matrix is not positive definite.
func invertSPD(a [][]float64) ([][]float64, bool) {
	n := len(a)
	l := make([][]float64, n)
	for i := range l {
		l[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := 0; j <= i; j++ {
			s := a[i][j]
			for k := 0; k < j; k++ {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				if !(s > 0) {
					return nil, false
				}
				l[i][i] = math.Sqrt(s)
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	// inv = L'^-1 L^-1: solve for each column of the identity.
	inv := make([][]float64, n)
	for i := range inv {
		inv[i] = make([]float64, n)
	}
	col := make([]float64, n)
	for c := 0; c < n; c++ {
		for i := 0; i < n; i++ { // L z = e_c
			s := 0.0
			if i == c {
				s = 1
			}
			for k := 0; k < i; k++ {
				s -= l[i][k] * col[k]
			}
			col[i] = s / l[i][i]
		}
		for i := n - 1; i >= 0; i-- { // L' w = z
			s := col[i]
			for k := i + 1; k < n; k++ {
				s -= l[k][i] * inv[k][c]
			}
			inv[i][c] = s / l[i][i]
		}
	}
	return inv, true
}

// logs returns the logarithms of v.
func logs(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Log(x)
	}
	return out
}

func identity(n int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = make([]float64, n)
		m[i][i] = 1
	}
	return m
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		if a := math.Abs(x); a > m || math.IsNaN(x) {
			if math.IsNaN(x) {
				return math.Inf(1)
			}
			m = a
		}
	}
	return m
}

// z90 is the 95th percentile of the standard normal distribution: a
// two-sided 90 % interval is the estimate plus or minus z90 standard errors.
const z90 = 1.6448536269514722

// Interval is a 90 % confidence interval of a fitted parameter, from the
// observed information: the inverse of the negative Hessian of the
// log-likelihood at the maximum gives the standard error of the parameter's
// logarithm, and the interval is exp(ln estimate -/+ 1.645 standard
// errors), so that it stays positive like the parameter.
type Interval struct {
	Low, High float64
}

// fitResult is a maximum-likelihood fit on log-parameters: the estimates on
// their own scale, the log-likelihood and the 90 % intervals.
type fitResult struct {
	params    []float64
	ll        float64
	intervals []Interval
}

// fitLogParams minimises f (the negative log-likelihood divided by scale,
// on log-parameters) from each start and keeps the best point that meets
// the convergence test; a start that does not converge is followed by
// restarts halfway to anchor, then from anchor (a start from the data's
// moments); the observed information at that point gives the
// intervals. It returns errNoConvergence when no start converges, when the
// best point lies on the bounds of the parameters, or when the likelihood
// is not strictly concave there (a flat direction: the data do not pin
// down every parameter).
func fitLogParams(f objective, starts [][]float64, anchor []float64, scale float64, yield func() error) (fitResult, error) {
	lo, hi := math.Log(paramMin), math.Log(paramMax)
	bounded := func(x, g []float64) float64 {
		for _, v := range x {
			if !(v > lo && v < hi) {
				return math.Inf(1)
			}
		}
		return f(x, g)
	}
	var best []float64
	bestF := math.Inf(1)
	first := logs(anchor)
	for _, s := range starts {
		x0 := logs(s)
		for try := 0; try < 3; try++ {
			x, fx, err := bfgs(bounded, x0, 1e-8, hi, 500, yield)
			if err == nil {
				if fx < bestF {
					best, bestF = x, fx
				}
				break
			}
			if err != errNoConvergence {
				return fitResult{}, err // cancelled
			}
			for i := range x0 {
				x0[i] = (x0[i] + first[i]) / 2
				if try == 1 {
					x0[i] = first[i]
				}
			}
		}
	}
	if best == nil {
		return fitResult{}, errNoConvergence
	}
	for _, v := range best {
		if v < lo+1 || v > hi-1 {
			return fitResult{}, errNoConvergence
		}
	}
	h := hessian(bounded, best) // of f = -LL / scale
	for i := range h {
		for j := range h[i] {
			h[i][j] *= scale
		}
	}
	cov, ok := invertSPD(h)
	if !ok {
		return fitResult{}, errNoConvergence
	}
	res := fitResult{ll: -bestF * scale}
	for i, v := range best {
		se := math.Sqrt(cov[i][i])
		res.params = append(res.params, math.Exp(v))
		res.intervals = append(res.intervals, Interval{Low: math.Exp(v - z90*se), High: math.Exp(v + z90*se)})
		if !finite(se, res.intervals[i].Low, res.intervals[i].High) {
			return fitResult{}, errNoConvergence
		}
	}
	return res, nil
}
