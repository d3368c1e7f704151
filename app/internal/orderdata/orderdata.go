// Package orderdata makes order files for the tests and measurements of
// the transactions page and command: shop exports simulated from the
// BG/NBD and Gamma-Gamma models' own generative processes. Tests and
// measurements only: nothing the site ships imports it.
package orderdata

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Params are a population of the models (Fader, Hardie & Lee 2005): purchase
// rates lambda ~ Gamma(R, Alpha) per week, dropout p ~ Beta(A, B) after each
// repeat purchase, and order values Gamma(P, nu), nu ~ Gamma(Q, Gamma).
type Params struct {
	R, Alpha, A, B float64
	P, Q, Gamma    float64
}

// Small is a population like the one the papers fit to the CDNOW sample
// (r 0.29 where CDNOW's is 0.243): 2,400 customers of it make about 7,000
// orders over 78 weeks.
var Small = Params{R: 0.29, Alpha: 4.414, A: 0.793, B: 2.426, P: 6.25, Q: 3.74, Gamma: 15.44}

// Frequent is a population of frequent buyers who rarely leave: 100,000
// customers of it make about a million orders over 78 weeks.
var Frequent = Params{R: 2, Alpha: 12, A: 0.3, B: 6, P: 3, Q: 8, Gamma: 140}

// Start is the first day of the simulated orders.
var Start = time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)

// Simulate writes an order export ("Customer ID,Order Date,Total", one row
// per order, ISO dates, amounts with cents) of n customers of p, who make
// their first purchase in the first 12 weeks and are observed for 78 weeks.
// The same seed gives the same file.
func Simulate(n int, p Params, seed uint64) []byte {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	var b bytes.Buffer
	b.WriteString("Customer ID,Order Date,Total\n")
	for i := 0; i < n; i++ {
		lambda := gammaVariate(rng, p.R) / p.Alpha
		ga, gb := gammaVariate(rng, p.A), gammaVariate(rng, p.B)
		drop := ga / (ga + gb)
		nu := gammaVariate(rng, p.Q) / p.Gamma
		t := rng.Float64() * 12
		for first := true; ; first = false {
			day := Start.AddDate(0, 0, int(t*7))
			value := gammaVariate(rng, p.P) / nu
			fmt.Fprintf(&b, "C%06d,%s,%.2f\n", i+1, day.Format("2006-01-02"), math.Max(value, 0.01))
			t += rng.ExpFloat64() / lambda
			if t >= 78 || !first && rng.Float64() < drop {
				break
			}
		}
	}
	return b.Bytes()
}

// gammaVariate draws from Gamma(shape, 1) (Marsaglia & Tsang 2000).
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
		if math.Log(rng.Float64()) < 0.5*x*x+d-d*v+d*math.Log(v) {
			return d * v
		}
	}
}
