package calc

import (
	"errors"
	"math"
)

// errSeries is the error of a series that did not converge within
// maxSeriesTerms terms: calc reports it, never a number.
var errSeries = errors.New("the hypergeometric series did not converge")

// maxSeriesTerms bounds every series of this file. With z below 1 - 10^-5
// the series of bgnbdGrowth converges in well under this.
const maxSeriesTerms = 2_000_000

// hyp2f1 returns the Gaussian hypergeometric function
//
//	2F1(a, b; c; z) = sum_{n>=0} (a)_n (b)_n / ((c)_n n!) z^n
//
// for 0 <= z < 1 and c not zero or a negative integer, summed term by term
// (Abramowitz & Stegun 15.1.1) until the rest is below 10^-16 of the sum.
// The rest after term n is bounded by the term times rho / (1 - rho), where
// rho bounds the ratio of the terms that follow: the ratio
// (a+n)(b+n)/((c+n)(n+1)) z tends to z monotonically once n is past -a,
// -b and -c. It returns errSeries when the series does not converge within
// maxSeriesTerms terms (z very close to 1) and for arguments outside that
// range.
func hyp2f1(a, b, c, z float64) (float64, error) {
	if !(z >= 0 && z < 1) || c <= 0 && c == math.Floor(c) || !finite(a, b, c) {
		return 0, errSeries
	}
	sum, comp, term := 1.0, 0.0, 1.0
	for n := 0.0; n < maxSeriesTerms; n++ {
		ratio := (a + n) * (b + n) / ((c + n) * (n + 1)) * z
		term *= ratio
		sum, comp = neumaier(sum, comp, term)
		if n > -a && n > -b && n > -c {
			rho := math.Max(math.Abs(ratio), z)
			if rho < 1 && math.Abs(term)*rho/(1-rho) <= 1e-16*math.Abs(sum+comp) || term == 0 {
				return sum + comp, nil
			}
		}
		if math.IsInf(term, 0) || math.IsNaN(term) {
			return 0, errSeries
		}
	}
	return 0, errSeries
}

// neumaier adds term to the compensated sum (sum, comp) (Neumaier's variant
// of Kahan summation): the terms of a slowly converging series are many.
func neumaier(sum, comp, term float64) (float64, float64) {
	t := sum + term
	if math.Abs(sum) >= math.Abs(term) {
		comp += (sum - t) + term
	} else {
		comp += (term - t) + sum
	}
	return t, comp
}

func finite(vs ...float64) bool {
	for _, v := range vs {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

// digamma returns psi(x) = d ln Gamma(x) / dx for x > 0: the recurrence
// psi(x) = psi(x + 1) - 1/x up to x >= 10, then the asymptotic series
// ln x - 1/(2x) - sum B_2k / (2k x^2k) (Abramowitz & Stegun 6.3.5, 6.3.18),
// accurate to about 1e-15.
func digamma(x float64) float64 {
	if !(x > 0) || math.IsInf(x, 1) {
		return math.NaN()
	}
	r := 0.0
	for x < 10 {
		r -= 1 / x
		x++
	}
	f := 1 / (x * x)
	t := f * (-1.0/12 + f*(1.0/120+f*(-1.0/252+f*(1.0/240+f*(-1.0/132+f*(691.0/32760-f/12))))))
	return r + math.Log(x) - 0.5/x + t
}

// lgamma is ln Gamma(x) for x > 0.
func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}
