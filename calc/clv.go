package calc

import (
	"errors"
	"math"
	"strconv"

	"github.com/shopspring/decimal"
)

// The value of an order history: the BG/NBD model predicts each customer's
// purchases, the Gamma-Gamma model the value of each purchase, and the
// customer lifetime value over a horizon is their product times the gross
// margin, discounted (Fader, Hardie & Lee 2005, "RFM and CLV"). The models
// work in float64; every amount of money they give enters decimal
// arithmetic rounded to 10 significant digits, and is rounded to the cent
// for display.

// OrderModels are the two models fitted to a customer base.
type OrderModels struct {
	BGNBD      BGNBDFit
	GammaGamma GammaGammaFit
	// SpendZero counts the repeat customers whose repeat purchases are all
	// worth zero: the spend model needs a positive mean and leaves them out.
	SpendZero int
	// SpendCorrelation is the correlation between the number of repeat
	// purchases and their mean value among the customers of the spend
	// model: the model assumes the two independent (near 0).
	SpendCorrelation float64
}

// FitOrderModels fits the BG/NBD model to every customer of the base and
// the Gamma-Gamma model to its repeat customers. Errors are those of
// FitBGNBD and FitGammaGamma, and yield's.
func FitOrderModels(b *CustomerBase, yield func() error) (OrderModels, error) {
	var m OrderModels
	var err error
	if m.BGNBD, err = FitBGNBD(b.RFMs(), yield); err != nil {
		return m, err
	}
	spends, zero := b.Spends()
	m.SpendZero = zero
	if m.GammaGamma, err = FitGammaGamma(spends, yield); err != nil {
		return m, err
	}
	m.SpendCorrelation = correlation(spends)
	return m, nil
}

// correlation is Pearson's correlation of X and M.
func correlation(s []Spend) float64 {
	n := float64(len(s))
	var sx, sm float64
	for _, v := range s {
		sx, sm = sx+float64(v.X), sm+v.M
	}
	mx, mm := sx/n, sm/n
	var cxm, cxx, cmm float64
	for _, v := range s {
		dx, dm := float64(v.X)-mx, v.M-mm
		cxm, cxx, cmm = cxm+dx*dm, cxx+dx*dx, cmm+dm*dm
	}
	if cxx == 0 || cmm == 0 {
		return 0
	}
	return cxm / math.Sqrt(cxx*cmm)
}

// ValueSettings are the figures of a valuation: the horizon in periods of
// the base, the gross margin in percent (100 counts revenue) and the annual
// discount rate in percent.
type ValueSettings struct {
	Horizon     int
	MarginPct   decimal.Decimal
	DiscountPct decimal.Decimal
}

// MaxHorizonYears bounds the horizon: ten years of days, weeks or months.
const MaxHorizonYears = 10

// maxDiscountSteps is the most steps the discounted sum takes: a horizon of
// more periods is discounted in this many equal steps.
const maxDiscountSteps = 60

// CustomerValue is one customer's prediction (the index of its record in
// the base).
type CustomerValue struct {
	Record   int
	PAlive   float64
	Expected float64 // E[Y(H)], purchases expected in the horizon
	// Monetary is the mean value of the repeat purchase occasions (0 without
	// them), ExpectedValue E[M] of the Gamma-Gamma model, CLV the value
	// over the horizon: all to the cent.
	Monetary, ExpectedValue, CLV decimal.Decimal
}

// Valuation is the value of a customer base under fitted models.
type Valuation struct {
	Settings  ValueSettings
	Customers []CustomerValue // in the order of the base
	// PopulationOrderValue is the mean value of a purchase in the
	// population, p gamma / (q - 1), to the cent; NewCustomerPurchases the
	// purchases of a new customer over the horizon, 1 + E[X(H)], to 4
	// places; HorizonYears the horizon in years, to 2 places.
	PopulationOrderValue decimal.Decimal
	NewCustomerPurchases decimal.Decimal
	HorizonYears         decimal.Decimal
	TotalCLV             decimal.Decimal
	Holdout              *HoldoutCheck // nil when no order is after the end
}

// Check validates the settings for a base of the given period: a horizon
// of 1 to 10 years of periods, a margin in (0, 100], a discount rate in
// [0, 100]. Errors are *FieldErrors naming "horizon", "margin" and
// "discount".
func (s ValueSettings) Check(period string) error {
	pd, ok := PeriodDays(period)
	if !ok {
		return &FieldError{Field: "period", Value: period, Code: CodeInvalid, Reason: `the period is "day", "week" or "month"`}
	}
	var errs []error
	maxH := int(math.Floor(MaxHorizonYears * 365.25 / pd))
	if s.Horizon < 1 || s.Horizon > maxH {
		errs = append(errs, &FieldError{Field: "horizon", Value: strconv.Itoa(s.Horizon), Code: CodeOutOfRange,
			Reason: "the horizon is 1 to " + strconv.Itoa(maxH) + " " + period + "s (10 years)"})
	}
	if s.MarginPct.Sign() <= 0 || s.MarginPct.Cmp(hundred) > 0 {
		errs = append(errs, &FieldError{Field: "margin", Value: s.MarginPct.String(), Code: CodeOutOfRange, Reason: "the gross margin is above 0 and at most 100 %"})
	}
	if s.DiscountPct.Sign() < 0 || s.DiscountPct.Cmp(hundred) > 0 {
		errs = append(errs, &FieldError{Field: "discount", Value: s.DiscountPct.String(), Code: CodeOutOfRange, Reason: "the discount rate is 0 to 100 % a year"})
	}
	return errors.Join(errs...)
}

// Value predicts every customer of the base under the models and values
// them over the horizon:
//
//	CLV = sum over steps k of (E[Y(t_k)] - E[Y(t_(k-1))]) (1 + D)^(-t_k in years) x E[M] x margin
//
// with steps of one period (or H / 60 periods for a horizon over 60
// periods), each step's purchases discounted from its end at the annual
// rate D; without a discount rate CLV = E[Y(H)] E[M] margin. E[Y] depends
// on the recency only through P(alive), so the growth is computed once per
// distinct (x, T).
//
// It returns the errors of Check, a *FieldError naming "gamma_gamma" when
// the spend model's mean is infinite (q <= 1), one naming "bgnbd" when a
// series does not converge, and yield's.
func Value(b *CustomerBase, m OrderModels, s ValueSettings, yield func() error) (*Valuation, error) {
	if err := s.Check(b.Period); err != nil {
		return nil, err
	}
	gg, bg := m.GammaGamma.GammaGamma, m.BGNBD.BGNBD
	popMean, ok := gg.ConditionalMean(0, 0)
	if !ok {
		return nil, &FieldError{Field: "gamma_gamma", Code: CodeNoFit,
			Reason: "the fitted spend model has no finite mean (q <= 1): the value of a purchase cannot be predicted"}
	}
	v := &Valuation{Settings: s}
	var err error
	if v.PopulationOrderValue, err = moneyOf(popMean); err != nil {
		return nil, err
	}
	H := float64(s.Horizon)
	steps := min(s.Horizon, maxDiscountSteps)
	disc := make([]float64, steps+1) // discount factor at the end of step k
	rate := s.DiscountPct.InexactFloat64() / 100
	for k := 1; k <= steps; k++ {
		years := H * float64(k) / float64(steps) * b.PeriodDays / 365.25
		disc[k] = math.Pow(1+rate, -years)
	}
	type growth struct{ g, det float64 }
	cache := map[[2]int]growth{}
	grow := func(x, tDays int) (growth, error) {
		key := [2]int{x, tDays}
		if g, ok := cache[key]; ok {
			return g, nil
		}
		T := float64(tDays) / b.PeriodDays
		var out growth
		prev := 0.0
		for k := 1; k <= steps; k++ {
			if rate == 0 && k < steps {
				continue
			}
			g, err := bg.growth(x, T, H*float64(k)/float64(steps))
			if err != nil {
				return out, noFit("bgnbd", "the expected purchases did not converge for this horizon")
			}
			if rate == 0 {
				out.det = g
			} else {
				out.det += (g - prev) * disc[k]
			}
			prev = g
		}
		out.g = prev
		cache[key] = out
		return out, nil
	}
	margin := pct(s.MarginPct)
	total := decimal.Zero
	v.Customers = make([]CustomerValue, len(b.Customers))
	for i, r := range b.Customers {
		if yield != nil && i%64 == 63 {
			if err := yield(); err != nil {
				return nil, err
			}
		}
		g, err := grow(r.X, b.End-r.First)
		if err != nil {
			return nil, err
		}
		rfm := b.RFM(r)
		pa := bg.PAlive(r.X, rfm.Tx, rfm.T)
		c := CustomerValue{Record: i, PAlive: pa, Expected: pa * g.g}
		mx := 0.0
		if r.X > 0 {
			c.Monetary = roundHalfAway(quo(microsDecimal(r.RepeatMicros), decimal.NewFromInt(int64(r.X))), 2)
			mx = float64(r.RepeatMicros) / microUnits / float64(r.X)
		}
		em, ok := gg.ConditionalMean(r.X, mx)
		if r.X > 0 && r.RepeatMicros <= 0 {
			em, ok = popMean, true // left out of the spend model: the population's mean
		}
		if !ok {
			return nil, &FieldError{Field: "gamma_gamma", Code: CodeNoFit, Reason: "the fitted spend model has no finite mean for a customer"}
		}
		emd, err1 := decimalFromFloat(em)
		det, err2 := decimalFromFloat(pa * g.det)
		if !err1 || !err2 {
			return nil, noFit("bgnbd", "a prediction is not a finite number")
		}
		c.ExpectedValue = roundHalfAway(emd, 2)
		c.CLV = roundHalfAway(det.Mul(emd).Mul(margin), 2)
		total = total.Add(c.CLV)
		v.Customers[i] = c
	}
	v.TotalCLV = total
	ex, err := bg.ExpectedRepeat(H)
	if err != nil {
		return nil, noFit("bgnbd", "the expected purchases did not converge for this horizon")
	}
	exd, _ := decimalFromFloat(1 + ex)
	v.NewCustomerPurchases = roundHalfAway(exd, 4)
	hy, _ := decimalFromFloat(H * b.PeriodDays / 365.25)
	v.HorizonYears = roundHalfAway(hy, 2)
	if b.Last > b.End {
		if v.Holdout, err = holdoutCheck(b, bg, yield); err != nil {
			return nil, err
		}
	}
	return v, nil
}

// moneyOf rounds a float64 amount of the models to the cent, through
// decimal; an infinite or NaN amount is an error.
func moneyOf(f float64) (decimal.Decimal, error) {
	d, ok := decimalFromFloat(f)
	if !ok {
		return decimal.Zero, noFit("gamma_gamma", "an amount is not a finite number")
	}
	return roundHalfAway(d, 2), nil
}

// PurchasesPerYear is the purchase frequency that fills the purchase
// calculator: a new customer's purchases over the horizon spread over it,
// (1 + E[X(H)]) / horizon in years, to 4 places.
func (v *Valuation) PurchasesPerYear() decimal.Decimal {
	if v.HorizonYears.Sign() <= 0 {
		return decimal.Zero
	}
	return quo(v.NewCustomerPurchases, v.HorizonYears).Round(4)
}

// FloatDecimal carries a statistic of the models (a parameter, a
// probability, an expected count) into decimal, rounded to 10 significant
// digits. NaN and infinities give 0: the models never return them (what
// does not converge is an error).
func FloatDecimal(f float64) decimal.Decimal {
	d, _ := decimalFromFloat(f)
	return d
}
