package calc

import (
	"github.com/shopspring/decimal"
)

// Goal asks for the value of one input that brings a figure to a target.
type Goal struct {
	// Input is the number field to vary, e.g. "monthly_churn_pct" or "cac".
	Input string `json:"input"`
	// Metric is the figure to reach, one of the Metric* names; empty means
	// MetricLTVToCAC.
	Metric string `json:"metric,omitempty"`
	// Target is the value to reach. Empty means 3 for ltv_to_cac and 12 for
	// payback_months (the rules of thumb); other metrics need one.
	Target Number `json:"target,omitempty"`
}

// Goal seek outcomes, the values of GoalResult.Status.
const (
	GoalReached     = "reached"
	GoalUnreachable = "unreachable"
)

// GoalResult is the answer of GoalSeek. Value is the input's value that
// reaches the target, rounded to the input's usual places, and Achieved the
// metric at that value; both are empty when Status is GoalUnreachable, and
// Reason says why.
type GoalResult struct {
	Input    string `json:"input"`
	Metric   string `json:"metric"`
	Target   string `json:"target"`
	Status   string `json:"status"`
	Current  string `json:"current"`
	Value    string `json:"value,omitempty"`
	Achieved string `json:"achieved,omitempty"`
	Reason   string `json:"reason,omitempty"`
}

// Goal seek search limits.
const (
	goalSteps     = 64  // doubling steps outward in each direction
	goalBisection = 200 // halvings of a bracket or of a step into an invalid region
)

// defaults of optional inputs, where not giving one means a value.
var goalDefaults = map[numField]decimal.Decimal{
	nGrossMarginPct:           hundred,
	nMonthlyExpansionPct:      decimal.Zero,
	nDiscountRateAnnualPct:    decimal.Zero,
	nAnnualBillingDiscountPct: decimal.Zero,
	nDiscountRatePct:          decimal.Zero,
}

// GoalSeek finds the value of g.Input that makes g.Metric equal g.Target:
// the nearest to the input's current value found by stepping outward in
// both directions with doubling steps (to the input's bounds) and then
// bisecting the first bracket, to 10 decimal places. When no value reaches
// the target the result says "unreachable"; that is not an error. Errors are
// those of Evaluate, and *FieldError for "goal_seek.input" (not a number
// input of the model, or not given and without default), "goal_seek.metric"
// and "goal_seek.target".
func (s Scenario) GoalSeek(g Goal) (GoalResult, error) {
	in, _, err := s.prepare()
	if err != nil {
		return GoalResult{Input: g.Input, Status: GoalUnreachable}, err
	}
	return in.goalSeek(g)
}

func (in *inputs) goalSeek(g Goal) (GoalResult, error) {
	res := GoalResult{Input: g.Input, Status: GoalUnreachable}
	f, ok := fieldByName(g.Input)
	if !ok || !specs[f].tunable || specs[f].models&modelMask(in.model) == 0 {
		return res, &FieldError{Field: FieldGoalSeek + ".input", Value: clip(g.Input), Code: CodeInvalid,
			Reason: "not a number input of the " + in.model + " model that can be varied"}
	}
	metric, err := metricName(FieldGoalSeek+".metric", g.Metric, MetricLTVToCAC)
	if err != nil {
		return res, err
	}
	res.Metric = metric
	target, ok, err := fieldSpec{name: FieldGoalSeek + ".target", min: maxInput.Neg()}.parse(string(g.Target))
	switch {
	case err != nil:
		return res, err
	case ok:
	case metric == MetricLTVToCAC:
		target = targetLTVToCAC
	case metric == MetricPaybackMonths:
		target = targetPayback
	default:
		return res, required(FieldGoalSeek+".target", "enter the value of "+metric+" to reach")
	}
	res.Target = displayNumber(metric, target)
	x0, ok := in.value(f)
	if !ok {
		if x0, ok = goalDefaults[f]; !ok {
			return res, &FieldError{Field: FieldGoalSeek + ".input", Value: g.Input, Code: CodeRequired,
				Reason: "the scenario has no " + g.Input + " to start from: enter one"}
		}
	}
	res.Current = x0.String()
	sp := specs[f]
	gap := func(x decimal.Decimal) (decimal.Decimal, bool) {
		v, err := in.with(f, x).metric(metric)
		if err != nil {
			return decimal.Zero, false
		}
		return v.Sub(target), true
	}
	x, found := seek(gap, x0, sp)
	if !found {
		res.Reason = "no value of " + g.Input + " within its bounds brings " + metric + " to " + res.Target
		return res, nil
	}
	x = sp.within(roundHalfAway(x, sp.places))
	res.Value = fixed(x, sp.places)
	if v, err := in.with(f, x).metric(metric); err == nil {
		res.Achieved = displayNumber(metric, v)
	}
	res.Status = GoalReached
	return res, nil
}

// seek finds a zero of gap near x0 within the bounds of sp. gap reports
// false where the scenario has no value (an invalid region).
func seek(gap func(decimal.Decimal) (decimal.Decimal, bool), x0 decimal.Decimal, sp fieldSpec) (decimal.Decimal, bool) {
	g0, ok0 := gap(x0)
	if ok0 && g0.IsZero() {
		return x0, true
	}
	lo, hi := sp.within(maxInput.Neg()), sp.within(maxInput)
	unit := decimal.Max(x0.Abs(), one).Shift(-3)
	type side struct {
		prev    decimal.Decimal // last valid point, and its gap
		prevGap decimal.Decimal
		valid   bool
		done    bool
		dir     int64
	}
	sides := [2]*side{{prev: x0, prevGap: g0, valid: ok0, dir: 1}, {prev: x0, prevGap: g0, valid: ok0, dir: -1}}
	for k := 0; k < goalSteps; k++ {
		for _, sd := range sides {
			if sd.done {
				continue
			}
			step := unit.Mul(decimal.NewFromInt(sd.dir << min(k, 62)))
			x := sp.within(x0.Add(step))
			if sd.dir > 0 && x.Cmp(hi) >= 0 {
				x, sd.done = hi, true
			} else if sd.dir < 0 && x.Cmp(lo) <= 0 {
				x, sd.done = lo, true
			}
			g, ok := gap(x)
			if !ok && sd.valid {
				// Step into the invalid region by halves to find its edge.
				a, b := sd.prev, x
				for i := 0; i < goalBisection && b.Sub(a).Abs().Cmp(decimal.New(1, -MaxFractionDigits)) > 0; i++ {
					mid := midpoint(a, b)
					gm, okm := gap(mid)
					if !okm {
						b = mid
						continue
					}
					if gm.Sign()*sd.prevGap.Sign() <= 0 {
						return bisect(gap, sd.prev, sd.prevGap, mid, gm), true
					}
					a, sd.prev, sd.prevGap = mid, mid, gm
				}
				sd.done = true
				continue
			}
			if !ok {
				continue
			}
			if sd.valid && g.Sign()*sd.prevGap.Sign() <= 0 {
				return bisect(gap, sd.prev, sd.prevGap, x, g), true
			}
			sd.prev, sd.prevGap, sd.valid = x, g, true
		}
	}
	return decimal.Zero, false
}

// bisect narrows [a, b], whose gaps ga and gb differ in sign (or one is
// zero), to 10 decimal places and returns the end with the smaller gap.
func bisect(gap func(decimal.Decimal) (decimal.Decimal, bool), a, ga, b, gb decimal.Decimal) decimal.Decimal {
	eps := decimal.New(1, -MaxFractionDigits)
	for i := 0; i < goalBisection && b.Sub(a).Abs().Cmp(eps) > 0 && !ga.IsZero() && !gb.IsZero(); i++ {
		mid := midpoint(a, b)
		if mid.Equal(a) || mid.Equal(b) {
			break
		}
		gm, ok := gap(mid)
		if !ok { // an invalid point inside a valid bracket: keep the nearer end
			break
		}
		if gm.Sign()*ga.Sign() <= 0 {
			b, gb = mid, gm
		} else {
			a, ga = mid, gm
		}
	}
	if ga.Abs().Cmp(gb.Abs()) <= 0 {
		return a
	}
	return b
}

// midpoint is (a + b) / 2 to the input precision.
func midpoint(a, b decimal.Decimal) decimal.Decimal {
	return roundHalfAway(a.Add(b).Mul(half), MaxFractionDigits)
}

var half = decimal.New(5, -1)
