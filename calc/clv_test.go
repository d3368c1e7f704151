package calc

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// cdnowOrders writes the CDNOW calibration summary back as an order file:
// each customer's first purchase T weeks before 1997-09-30, the last repeat
// purchase t_x weeks after it and the others on the days that follow the
// first; repeat purchases worth zbar each, first purchases $10.
func cdnowOrders(t testing.TB) string {
	rfm, _ := cdnowSummary(t)
	_, spendAll := cdnowSummary(t)
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	end := daysFromCivil(1997, 9, 30)
	k := 0
	for i, r := range rfm {
		first := end - int(math.Round(r.T*7))
		fmt.Fprintf(&b, "c%d,%s,10.00\n", i, FormatDay(first))
		if r.X == 0 {
			continue
		}
		m := spendAll[k].M
		k++
		for j := 1; j < r.X; j++ {
			fmt.Fprintf(&b, "c%d,%s,%.2f\n", i, FormatDay(first+j), m)
		}
		fmt.Fprintf(&b, "c%d,%s,%.2f\n", i, FormatDay(first+int(math.Round(r.Tx*7))), m)
	}
	return b.String()
}

// TestOrdersToFitCDNOW: from an order file to the published fits. The
// CDNOW summary written as orders is read back to the same customers (2,357,
// 946 repeat, 2,457 repeat purchases), and the models fitted through the
// whole path give the published estimates.
func TestOrdersToFitCDNOW(t *testing.T) {
	o := mustRead(t, cdnowOrders(t), OrderOptions{})
	b, err := o.Summarize(daysFromCivil(1997, 9, 30), PeriodWeek, nil)
	if err != nil {
		t.Fatal(err)
	}
	repeats := 0
	for _, r := range b.Customers {
		repeats += r.X
	}
	if len(b.Customers) != 2357 || b.Repeat != 946 || repeats != 2457 || b.Later != 0 {
		t.Fatalf("customers %d, repeat %d, repeat purchases %d, later %d", len(b.Customers), b.Repeat, repeats, b.Later)
	}
	m, err := FitOrderModels(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	bg, gg := m.BGNBD, m.GammaGamma
	if !nearF(bg.R, 0.243, 0.0006) || !nearF(bg.Alpha, 4.414, 0.002) || !nearF(bg.A, 0.793, 0.0006) || !nearF(bg.B, 2.426, 0.002) || !nearF(bg.LogLikelihood, -9582.4, 0.1) {
		t.Errorf("BG/NBD from orders: %+v", bg)
	}
	if !nearF(gg.P, 6.25, 0.015) || !nearF(gg.Q, 3.74, 0.015) || !nearF(gg.Gamma, 15.44, 0.015) {
		t.Errorf("Gamma-Gamma from orders: %+v", gg)
	}
	// Fader & Hardie (2013) report a correlation of 0.11 between frequency
	// and spend among the 946 repeat customers.
	if !nearF(m.SpendCorrelation, 0.11, 0.01) {
		t.Errorf("spend correlation %.3f, want 0.11", m.SpendCorrelation)
	}
	// Customer 1 of the paper: 2 repeat purchases, the last in week 30.43,
	// T = 38.86: 1.226 purchases expected in the next 39 weeks.
	s := ValueSettings{Horizon: 39, MarginPct: decimal.NewFromInt(100), DiscountPct: decimal.Zero}
	v, err := Value(b, m, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := v.Customers[0]
	if !nearF(c.Expected, 1.226, 0.002) {
		t.Errorf("customer 1: E[Y(39)] = %.4f, want 1.226", c.Expected)
	}
	if c.Monetary.String() != "22.35" {
		t.Errorf("customer 1: mean repeat value %s, want 22.35", c.Monetary)
	}
	// E[M] = p (gamma + x m_x) / (p x + q - 1), and CLV = E[Y] E[M] at 100 % margin.
	em := gg.P * (gg.Gamma + 2*22.35) / (gg.P*2 + gg.Q - 1)
	if !nearF(c.ExpectedValue.InexactFloat64(), em, 0.006) {
		t.Errorf("customer 1: E[M] %s, want %.4f", c.ExpectedValue, em)
	}
	emd, _ := decimalFromFloat(em)
	exd, _ := decimalFromFloat(c.Expected)
	if want := roundHalfAway(exd.Mul(emd), 2); !c.CLV.Equal(want) {
		t.Errorf("customer 1: CLV %s, want E[Y] x E[M] = %s", c.CLV, want)
	}
	// The population's order value: p gamma / (q - 1).
	if pop := gg.P * gg.Gamma / (gg.Q - 1); !nearF(v.PopulationOrderValue.InexactFloat64(), pop, 0.006) {
		t.Errorf("population order value %s, want %.4f", v.PopulationOrderValue, pop)
	}
	// Discounting lowers every CLV, and a margin scales it.
	s2 := s
	s2.DiscountPct, s2.MarginPct = decimal.NewFromInt(10), decimal.NewFromInt(50)
	v2, err := Value(b, m, s2, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c2 := v2.Customers[0]; !(c2.CLV.LessThan(c.CLV.Div(decimal.NewFromInt(2)))) || c2.CLV.Sign() <= 0 {
		t.Errorf("discounted at 10 %% and 50 %% margin: %s, undiscounted full margin %s", c2.CLV, c.CLV)
	}
}

// TestHoldoutCheckSimulated: orders simulated from the BG/NBD over 78
// weeks, calibrated on the first 39: the expected cumulative repeat
// purchases track the actual ones within 3 %, and the holdout purchases by
// frequency within 8 % for the groups of over 500 customers (sampling
// noise is about 3 %, and the orders' days merge purchases made on the same
// day).
func TestHoldoutCheckSimulated(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 0))
	truth := BGNBD{R: 0.5, Alpha: 5, A: 0.8, B: 3}
	var b strings.Builder
	b.WriteString("customer,date,amount\n")
	start := daysFromCivil(2023, 1, 1)
	for i := 0; i < 20000; i++ {
		lambda := gammaVariate(rng, truth.R) / truth.Alpha
		ga, gb := gammaVariate(rng, truth.A), gammaVariate(rng, truth.B)
		p := ga / (ga + gb)
		t0 := rng.Float64() * 12 // weeks
		fmt.Fprintf(&b, "k%d,%s,%d\n", i, FormatDay(start+int(t0*7)), 20+i%7)
		for tt := t0; ; {
			tt += rng.ExpFloat64() / lambda
			if tt >= 78 {
				break
			}
			fmt.Fprintf(&b, "k%d,%s,%d\n", i, FormatDay(start+int(tt*7)), 15+i%11)
			if rng.Float64() < p {
				break
			}
		}
	}
	o := mustRead(t, b.String(), OrderOptions{})
	base, err := o.Summarize(start+39*7-1, PeriodWeek, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := FitOrderModels(base, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := Value(base, m, ValueSettings{Horizon: 52, MarginPct: decimal.NewFromInt(100)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	h := v.Holdout
	if h == nil || len(h.Tracking) < 70 {
		t.Fatalf("holdout check: %+v", h)
	}
	last := h.Tracking[len(h.Tracking)-1]
	if rel := math.Abs(last.Expected.InexactFloat64()-float64(last.Actual)) / float64(last.Actual); rel > 0.03 {
		t.Errorf("cumulative repeat purchases at week %d: expected %s, actual %d", last.Period, last.Expected, last.Actual)
	}
	for _, g := range h.ByFrequency {
		if g.Customers < 500 {
			continue
		}
		a, e := g.Actual.InexactFloat64(), g.Expected.InexactFloat64()
		if math.Abs(a-e) > 0.08*math.Max(a, 0.2) {
			t.Errorf("x = %d (%d customers): holdout purchases %.3f, expected %.3f", g.X, g.Customers, a, e)
		}
	}
	t.Logf("fit %+v; tracking at the end: actual %d, expected %s; by frequency %+v", m.BGNBD.BGNBD, last.Actual, last.Expected, h.ByFrequency)
}

// TestValueSettingsChecked: bad settings are field errors, never numbers.
func TestValueSettingsChecked(t *testing.T) {
	for _, c := range []struct {
		s     ValueSettings
		field string
	}{
		{ValueSettings{Horizon: 0, MarginPct: hundred}, "horizon"},
		{ValueSettings{Horizon: 600, MarginPct: hundred}, "horizon"},
		{ValueSettings{Horizon: 10, MarginPct: decimal.Zero}, "margin"},
		{ValueSettings{Horizon: 10, MarginPct: decimal.NewFromInt(101)}, "margin"},
		{ValueSettings{Horizon: 10, MarginPct: hundred, DiscountPct: decimal.NewFromInt(-1)}, "discount"},
	} {
		if err := c.s.Check(PeriodWeek); ErrorFor(err, c.field) == nil {
			t.Errorf("%+v: %v, want an error for %s", c.s, err, c.field)
		}
	}
	if err := (ValueSettings{Horizon: 521, MarginPct: hundred}).Check(PeriodWeek); err != nil {
		t.Errorf("10 years of weeks: %v", err)
	}
}
