package calc

import (
	"fmt"
	"math"
	"sync"

	"github.com/shopspring/decimal"
)

// cohortData is the cohort model's data, read from survival_pct,
// survival_counts or cohorts.
type cohortData struct {
	fit      sbgData   // the periods used for the fit (fit_periods)
	observed []float64 // pooled observed survival S(0..K), every period of data

	mu     sync.Mutex
	fitted *sbgFit // the sBG fit of fit, once made (see sbg)
}

// parseCohortData reads and checks the cohort data, if any. Given alpha and
// beta it returns nil. Each array of counts must start above zero and never
// rise; a survival curve must start at 100 %.
func parseCohortData(s *Scenario, in *inputs) (*cohortData, error) {
	sources := 0
	for _, given := range []bool{len(s.SurvivalPct) > 0, len(s.SurvivalCounts) > 0, len(s.Cohorts) > 0, in.has[nAlpha] || in.has[nBeta]} {
		if given {
			sources++
		}
	}
	if sources > 1 {
		return nil, &FieldError{Field: FieldCohorts, Code: CodeConflict,
			Reason: "give one of survival_pct, survival_counts, cohorts, or alpha and beta"}
	}
	var curves [][]float64
	var field string
	switch {
	case in.has[nAlpha] || in.has[nBeta]:
		if !in.has[nAlpha] {
			return nil, required(FieldAlpha, "enter alpha as well as beta")
		}
		if !in.has[nBeta] {
			return nil, required(FieldBeta, "enter beta as well as alpha")
		}
		return nil, nil
	case len(s.SurvivalPct) > 0:
		field = FieldSurvivalPct
		n, ok := in.value(nCustomers)
		if !ok {
			return nil, required(FieldCustomers, "enter the number of customers the percentages are of")
		}
		pcts, err := parseCurve(field, s.SurvivalPct, false)
		if err != nil {
			return nil, err
		}
		if !pcts[0].Equal(hundred) {
			return nil, &FieldError{Field: field, Value: string(s.SurvivalPct[0]), Code: CodeOutOfRange, Reason: "period 0 must be 100: every customer is active at the start"}
		}
		alive := make([]float64, len(pcts))
		for t, p := range pcts {
			alive[t] = floatOf(pct(p).Mul(n))
		}
		curves = [][]float64{alive}
	case len(s.SurvivalCounts) > 0:
		field = FieldSurvivalCounts
		c, err := parseCurve(field, s.SurvivalCounts, true)
		if err != nil {
			return nil, err
		}
		curves = [][]float64{floats(c)}
	case len(s.Cohorts) > 0:
		field = FieldCohorts
		if len(s.Cohorts) > MaxCohorts {
			return nil, &FieldError{Field: field, Code: CodeTooMany, Reason: fmt.Sprintf("at most %d cohorts", MaxCohorts)}
		}
		total := 0
		for _, c := range s.Cohorts {
			total += len(c)
		}
		if total > MaxCohortValues {
			return nil, &FieldError{Field: field, Code: CodeTooMany, Reason: fmt.Sprintf("at most %d counts in all cohorts together", MaxCohortValues)}
		}
		read := 0
		for i, c := range s.Cohorts {
			if read += len(c); read >= 2000 {
				if read = 0; stopped(in.stop) {
					return nil, ErrStopped
				}
			}
			if len(c) == 0 {
				return nil, &FieldError{Field: field, Code: CodeRequired, Reason: fmt.Sprintf("cohort %d is empty: start it with the cohort size", i+1)}
			}
			counts, err := parseCurve(field, c, true)
			if err != nil {
				if fe, ok := err.(*FieldError); ok {
					fe.Reason = fmt.Sprintf("cohort %d, %s", i+1, fe.Reason)
				}
				return nil, err
			}
			curves = append(curves, floats(counts))
		}
	default:
		return nil, required(FieldSurvivalPct, "enter a survival curve, cohorts, or alpha and beta")
	}
	return pool(field, curves, int(in.int(nFitPeriods, MaxPeriods)))
}

// parseCurve reads one array of survival figures: percentages (0..100) or
// whole counts. Values must not rise; the first must be above zero.
func parseCurve(field string, texts []Number, counts bool) ([]decimal.Decimal, error) {
	if len(texts) > MaxPeriods+1 {
		return nil, &FieldError{Field: field, Code: CodeTooMany, Reason: fmt.Sprintf("at most %d periods after period 0", MaxPeriods)}
	}
	out := make([]decimal.Decimal, len(texts))
	for t, text := range texts {
		bad := func(code, reason string) error {
			return &FieldError{Field: field, Value: clip(string(text)), Code: code, Reason: fmt.Sprintf("period %d: %s", t, reason)}
		}
		d, err := ParseDecimal(field, string(text))
		if err != nil {
			fe := err.(*FieldError)
			return nil, bad(fe.Code, fe.Reason)
		}
		switch {
		case d.Sign() < 0:
			return nil, bad(CodeNegative, "must be zero or more")
		case t == 0 && d.Sign() == 0:
			return nil, bad(CodeNotPositive, "the starting number must be more than zero")
		case counts && !d.IsInteger():
			return nil, bad(CodeNotInteger, "customer counts are whole numbers")
		case !counts && d.Cmp(hundred) > 0:
			return nil, bad(CodeOutOfRange, "a percentage is at most 100")
		case t > 0 && d.Cmp(out[t-1]) > 0:
			return nil, bad(CodeNoFit, "survival cannot rise: a customer who left cannot come back into the same cohort")
		}
		out[t] = d
	}
	return out, nil
}

func floats(ds []decimal.Decimal) []float64 {
	f := make([]float64, len(ds))
	for i, d := range ds {
		f[i] = floatOf(d)
	}
	return f
}

// pool sums the cohorts into one likelihood: each cohort contributes its
// losses in each period and is censored at its own age (or at fitPeriods).
// It also computes the pooled observed survival over all periods, the
// Kaplan-Meier product of the per-period retention of the customers at risk.
func pool(field string, curves [][]float64, fitPeriods int) (*cohortData, error) {
	ages := 0
	for _, c := range curves {
		ages = max(ages, len(c)-1)
	}
	k := min(ages, fitPeriods)
	if k < 2 {
		return nil, &FieldError{Field: field, Code: CodeNoFit,
			Reason: "fewer than two periods after period 0: two are the least that can be fitted"}
	}
	d := &cohortData{fit: sbgData{
		lost: make([]float64, k+1), censored: make([]float64, k+1), atRisk: make([]float64, k+1),
	}}
	lostAll, riskAll := make([]float64, ages+1), make([]float64, ages+1)
	for _, c := range curves {
		age := len(c) - 1
		for t := 1; t <= age; t++ {
			riskAll[t] += c[t-1]
			lostAll[t] += c[t-1] - c[t]
			if t <= k {
				d.fit.atRisk[t] += c[t-1]
				d.fit.lost[t] += c[t-1] - c[t]
			}
		}
		if last := min(age, k); last > 0 {
			d.fit.censored[last] += c[last]
		}
	}
	lost, beyondFirst := 0.0, 0.0
	for t := 1; t <= k; t++ {
		lost += d.fit.lost[t]
		if t > 1 {
			beyondFirst += d.fit.atRisk[t]
		}
	}
	beyondFirst += d.fit.censored[1]
	switch {
	case lost == 0:
		return nil, &FieldError{Field: field, Code: CodeNoFit,
			Reason: "no customer was lost in the periods fitted: churn cannot be estimated from a flat curve"}
	case beyondFirst == 0:
		return nil, &FieldError{Field: field, Code: CodeNoFit,
			Reason: "every customer was lost in the first period: nothing is left to fit"}
	}
	d.observed = make([]float64, ages+1)
	d.observed[0] = 1
	for t := 1; t <= ages; t++ {
		d.observed[t] = d.observed[t-1]
		if riskAll[t] > 0 {
			d.observed[t] *= 1 - lostAll[t]/riskAll[t]
		}
	}
	return d, nil
}

// cohortModel is the cohort model resolved from a scenario.
type cohortModel struct {
	a, b      float64
	fit       *sbgFit     // nil when a and b were given
	data      *cohortData // nil when a and b were given
	margin    decimal.Decimal
	discount  decimal.Decimal // per period, a fraction
	period    string
	horizon   int64 // periods; 0 for none
	renewals  int64
	projected int // periods of the projected curves
	sums      *sumsMemo
}

// resolveCohort fits the sBG model to the data (once: the fit is kept in
// in.fit) or takes the given alpha and beta.
func resolveCohort(in *inputs) (cohortModel, error) {
	m := cohortModel{
		discount: pct(in.or(nDiscountRatePct, decimal.Zero)),
		period:   in.period,
		horizon:  in.int(nHorizonPeriods, 0),
		renewals: in.int(nRenewals, 0),
		data:     in.cohort,
		sums:     in.sums,
	}
	margin, ok := in.value(nMarginPerPeriod)
	if !ok {
		return m, required(FieldMarginPerPeriod, "enter the margin a customer brings per period")
	}
	m.margin = margin
	if in.cohort != nil {
		if in.fit == nil {
			f, err := in.cohort.sbg(in.stop)
			if err != nil {
				return m, err
			}
			in.fit = f
		}
		m.fit, m.a, m.b = in.fit, in.fit.a, in.fit.b
	} else {
		m.a, m.b = floatOf(in.num[nAlpha]), floatOf(in.num[nBeta])
	}
	m.projected = int(m.horizon)
	if m.projected == 0 {
		m.projected = 12
		if m.data != nil {
			m.projected = max(m.projected, len(m.data.observed)-1)
		}
	}
	if m.discount.IsZero() && m.horizon == 0 && m.a <= 1 {
		return m, &FieldError{Field: FieldHorizonPeriods, Code: CodeUnbounded,
			Reason: fmt.Sprintf("with alpha = %.4g (at most 1) the expected lifetime is infinite: set a horizon in periods or a discount rate", m.a)}
	}
	return m, nil
}

// monthsPerPeriod is 12 for yearly periods, else 1.
func (m cohortModel) monthsPerPeriod() int64 {
	if m.period == PeriodYear {
		return 12
	}
	return 1
}

// evaluate computes DEL, DERL and the values built on them.
func (m cohortModel) evaluate() (outcome, error) {
	z := 1 / (1 + floatOf(m.discount))
	h := int(m.horizon)
	sm := m.sums.get(sumsKey{a: m.a, b: m.b, z: z, horizon: h, n0: int(m.renewals) + 1})
	delD, ok3 := decimalFromFloat(sm.del)
	derlD, ok4 := decimalFromFloat(sm.derl)
	if !(sm.okDel && sm.okDerl && ok3 && ok4) {
		return outcome{}, &FieldError{Field: FieldHorizonPeriods, Code: CodeUnbounded,
			Reason: "the discount rate is too small for the lifetime sum to converge: set a horizon in periods"}
	}
	c := &cohortOutcome{model: m, del: delD, derl: derlD, residual: m.margin.Mul(derlD)}
	if m.a > 1 {
		c.expected, _ = decimalFromFloat((m.a + m.b - 1) / (m.a - 1))
		c.hasExpected = true
	}
	per := m.monthsPerPeriod()
	o := outcome{
		model:        ModelCohort,
		ltv:          m.margin.Mul(delD),
		periodMargin: m.margin,
		periodMonths: per,
		cohort:       c,
	}
	o.curve = func(n int64) []decimal.Decimal { return m.curve(n, z) }
	// The curve covers the periods whose margin counts: the horizon's, or
	// the projection's (period 0 to the last projected survival).
	o.curvePer, o.curveLen = per, int64(m.projected)+1
	if m.horizon > 0 {
		o.curveLen = int64(m.horizon)
	}
	o.paybackAt = func(cac decimal.Decimal) (int64, bool) {
		if cac.Sign() <= 0 {
			return 0, true
		}
		if o.ltv.Cmp(cac) < 0 {
			return 0, false
		}
		k, ok := sbgPayback(m.a, m.b, z, floatOf(m.margin), floatOf(cac), h)
		if !ok {
			return 0, false
		}
		c.paybackPeriods = int64(k)
		return per*(int64(k)-1) + 1, true // paid at the start of period k
	}
	return o, nil
}

// naiveRetention is the constant retention that ignores heterogeneity: the
// maximum-likelihood retention of a geometric model on the same data,
// 1 - customers lost / customer-periods at risk.
func naiveRetention(d *sbgData) float64 {
	lost, risk := 0.0, 0.0
	for t := 1; t <= d.periods(); t++ {
		lost += d.lost[t]
		risk += d.atRisk[t]
	}
	if risk <= 0 {
		return 0
	}
	return math.Max(0, 1-lost/risk)
}

// cohortOutcome holds the cohort model's own figures. The curves and the
// naive value are computed by fill, for a Result only.
type cohortOutcome struct {
	model               cohortModel
	del, derl, residual decimal.Decimal
	expected            decimal.Decimal // E(T) in periods, when alpha > 1
	hasExpected         bool
	paybackPeriods      int64
}

// naive returns the constant retention that ignores heterogeneity, and the
// value at that retention (start convention); ok is false when it has no
// limit.
func (c *cohortOutcome) naive() (r, ltv decimal.Decimal, ok bool) {
	m := c.model
	naiveR := m.b / (m.a + m.b) // the mean retention probability
	if m.fit != nil {
		naiveR = naiveRetention(&m.data.fit)
	}
	r, _ = decimalFromFloat(naiveR)
	ltv, ok = flows{m: m.margin, r: r, d: m.discount, timing: TimingStart, horizon: m.horizon}.value()
	return r, ltv, ok
}
