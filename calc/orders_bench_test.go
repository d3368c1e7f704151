package calc

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/shopspring/decimal"
)

// Budgets (natively, the whole work of the transactions command and page):
// 7,000 orders of 2,400 customers well under 1 s; 1,000,000 orders of
// 100,000 customers under 10 s.

// benchOrders writes an order file of n customers simulated from the
// BG/NBD and Gamma-Gamma processes (weekly rates Gamma(r, alpha), dropout
// Beta(a, b), values Gamma(6, nu), nu ~ Gamma(4, 100)), first purchases in
// the first 12 weeks, 78 weeks observed.
func benchOrders(n int, r, alpha, a, b float64) []byte {
	rng := rand.New(rand.NewPCG(1, 2))
	var buf bytes.Buffer
	buf.WriteString("Customer ID,Order Date,Total\n")
	start := daysFromCivil(2023, 1, 2)
	for i := 0; i < n; i++ {
		lambda := gammaVariate(rng, r) / alpha
		ga, gb := gammaVariate(rng, a), gammaVariate(rng, b)
		p := ga / (ga + gb)
		nu := gammaVariate(rng, 4) / 100
		t := rng.Float64() * 12
		for first := true; ; first = false {
			fmt.Fprintf(&buf, "C%06d,%s,%.2f\n", i+1, FormatDay(start+int(t*7)), math.Max(gammaVariate(rng, 6)/nu, 0.01))
			t += rng.ExpFloat64() / lambda
			if t >= 78 || !first && rng.Float64() < p {
				break
			}
		}
	}
	return buf.Bytes()
}

// BenchmarkOrdersToCLV is the whole work on an order file: read it, cut it
// at the calibration end (week 39, so that the holdout check runs too),
// fit both models and value every customer over 52 weeks at 10 % a year.
func BenchmarkOrdersToCLV(b *testing.B) {
	for _, size := range []struct {
		name           string
		customers      int
		r, alpha, a, b float64
	}{
		{"7k-orders", 2400, 0.29, 4.414, 0.793, 2.426},
		{"1M-orders", 100000, 2, 12, 0.3, 6},
	} {
		data := benchOrders(size.customers, size.r, size.alpha, size.a, size.b)
		b.Run(size.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(data)))
			orders := 0
			for b.Loop() {
				o, err := ReadOrders(bytes.NewReader(data), OrderOptions{}, nil)
				if err != nil {
					b.Fatal(err)
				}
				orders = o.Kept
				base, err := o.Summarize(daysFromCivil(2023, 1, 2)+39*7-1, PeriodWeek, nil)
				if err != nil {
					b.Fatal(err)
				}
				m, err := FitOrderModels(base, nil)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := Value(base, m, ValueSettings{Horizon: 52, MarginPct: hundred, DiscountPct: decimal.NewFromInt(10)}, nil); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(orders), "orders")
		})
	}
}

// BenchmarkReadOrders is the reading alone, a million orders.
func BenchmarkReadOrders(b *testing.B) {
	data := benchOrders(100000, 2, 12, 0.3, 6)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ReadOrders(bytes.NewReader(data), OrderOptions{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFitBGNBD is the BG/NBD fit of the CDNOW sample (2,357 customers).
func BenchmarkFitBGNBD(b *testing.B) {
	data, _ := cdnowSummary(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := FitBGNBD(data, nil); err != nil {
			b.Fatal(err)
		}
	}
}
