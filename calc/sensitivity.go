package calc

import (
	"slices"

	"github.com/shopspring/decimal"
)

// SensitivitySpec asks for a sensitivity analysis: every input varied by
// Pct percent down and up, one at a time, ranked by its effect on Metric.
type SensitivitySpec struct {
	// Pct is the variation in percent of each input, 0 < Pct <= 100;
	// empty means 10.
	Pct Number `json:"pct,omitempty"`
	// Metric is the figure judged, one of the Metric* names; empty means
	// MetricLTV.
	Metric string `json:"metric,omitempty"`
}

// Sensitivity is the tornado data of a scenario: one row per input given,
// the largest swing first.
type Sensitivity struct {
	Metric string           `json:"metric"`
	Pct    string           `json:"pct"`
	Base   string           `json:"base"` // the metric of the scenario as it is
	Rows   []SensitivityRow `json:"rows"`
}

// SensitivityRow is one input's bar of the tornado. Low and High are the
// input's values tried (value -/+ Pct %, kept within the field's bounds);
// MetricLow and MetricHigh the metric then, empty with a Note when the
// scenario has no such figure there. Swing is |MetricHigh - MetricLow|, or
// the distance of the one side known from Base.
type SensitivityRow struct {
	Field      string `json:"field"`
	Value      string `json:"value"`
	Low        string `json:"low"`
	High       string `json:"high"`
	MetricLow  string `json:"metric_low,omitempty"`
	MetricHigh string `json:"metric_high,omitempty"`
	Swing      string `json:"swing"`
	Note       string `json:"note,omitempty"`

	swing decimal.Decimal
}

var (
	defaultSensitivityPct = decimal.NewFromInt(10)
	sensitivityPctSpec    = fieldSpec{name: FieldSensitivity + ".pct", minOpen: true, max: hundred}
)

// Sensitivity varies every number input of the scenario that its model
// reads (whole-number inputs such as horizons and counts excepted) by
// spec.Pct percent down and up, and ranks the inputs by the swing of
// spec.Metric. The sBG fit of the cohort model is computed once. Errors are
// those of Evaluate, and *FieldError for "sensitivity.pct" and
// "sensitivity.metric" (also when the scenario has no such figure, e.g. no
// CAC for ltv_to_cac).
func (s Scenario) Sensitivity(spec SensitivitySpec) (Sensitivity, error) {
	in, base, err := s.prepare()
	if err != nil {
		return Sensitivity{}, err
	}
	return in.sensitivity(base, spec)
}

func (in *inputs) sensitivity(base *outcome, spec SensitivitySpec) (Sensitivity, error) {
	var out Sensitivity
	p, ok, err := sensitivityPctSpec.parse(string(spec.Pct))
	if err != nil {
		return out, err
	}
	if !ok {
		p = defaultSensitivityPct
	}
	metric, err := metricName(FieldSensitivity+".metric", spec.Metric, MetricLTV)
	if err != nil {
		return out, err
	}
	bv, ok := base.metric(metric)
	if !ok {
		return out, &FieldError{Field: FieldSensitivity + ".metric", Value: metric, Code: CodeNotApplied, Reason: "the scenario has no such figure: " + noMetricReason(metric)}
	}
	out = Sensitivity{Metric: metric, Pct: p.String(), Base: displayNumber(metric, bv)}
	frac := pct(p)
	for f := range numFields {
		sp := specs[f]
		if !in.has[f] || !sp.tunable || sp.models&modelMask(in.model) == 0 {
			continue
		}
		v := in.num[f]
		row := SensitivityRow{Field: sp.name, Value: v.String()}
		lo, hi := sp.within(v.Mul(one.Sub(frac))), sp.within(v.Mul(one.Add(frac)))
		row.Low, row.High = lo.String(), hi.String()
		mLo, errLo := in.with(f, lo).metric(metric)
		mHi, errHi := in.with(f, hi).metric(metric)
		switch {
		case errLo == nil && errHi == nil:
			row.swing = mHi.Sub(mLo).Abs()
		case errLo == nil:
			row.swing, row.Note = mLo.Sub(bv).Abs(), "high: "+errHi.Error()
		case errHi == nil:
			row.swing, row.Note = mHi.Sub(bv).Abs(), "low: "+errLo.Error()
		default:
			row.Note = "low: " + errLo.Error() + "; high: " + errHi.Error()
		}
		if errLo == nil {
			row.MetricLow = displayNumber(metric, mLo)
		}
		if errHi == nil {
			row.MetricHigh = displayNumber(metric, mHi)
		}
		row.Swing = displayNumber(metric, row.swing)
		out.Rows = append(out.Rows, row)
	}
	slices.SortStableFunc(out.Rows, func(a, b SensitivityRow) int {
		return b.swing.Cmp(a.swing)
	})
	return out, nil
}

// within rounds v to the input precision and keeps it within the bounds.
func (sp fieldSpec) within(v decimal.Decimal) decimal.Decimal {
	v = roundHalfAway(v, MaxFractionDigits)
	if v.Cmp(sp.min) < 0 || (sp.minOpen && v.Cmp(sp.min) == 0) {
		v = sp.min
		if sp.minOpen {
			v = v.Add(decimal.New(1, -MaxFractionDigits))
		}
	}
	if !sp.max.IsZero() && v.Cmp(sp.max) > 0 {
		v = sp.max
	}
	if v.Abs().Cmp(maxInput) > 0 {
		v = maxInput.Mul(decimal.NewFromInt(int64(v.Sign())))
	}
	return v
}

// with is a copy of in with the figure of f replaced by v.
func (in *inputs) with(f numField, v decimal.Decimal) *inputs {
	c := *in
	c.num[f], c.has[f] = v, true
	return &c
}

// metric evaluates in and returns one figure, or an error saying why the
// scenario has none.
func (in *inputs) metric(name string) (decimal.Decimal, error) {
	o, err := in.evaluate(nil)
	if err != nil {
		return decimal.Zero, err
	}
	v, ok := o.metric(name)
	if !ok {
		return v, &FieldError{Field: name, Code: CodeNotApplied, Reason: noMetricReason(name)}
	}
	return v, nil
}

func noMetricReason(metric string) string {
	switch metric {
	case MetricPaybackMonths, MetricCohortPaybackMonths:
		return "no CAC, or the CAC is never paid back"
	case MetricLifetime:
		return "the lifetime is infinite"
	case MetricResidualLTV:
		return "only the cohort model has a residual value"
	}
	return "it needs a CAC above zero"
}

// metricName checks the name of a metric; "" means def.
func metricName(field, name, def string) (string, error) {
	if name == "" {
		return def, nil
	}
	if !isMetric(name) {
		return "", &FieldError{Field: field, Value: clip(name), Code: CodeInvalid, Reason: "not the name of a figure: ltv, net_ltv, ltv_to_cac, payback_months, cohort_payback_months, cac, monthly_margin, lifetime or residual_ltv"}
	}
	return name, nil
}

// modelMask is the fieldSpec.models bit of a model.
func modelMask(model string) int {
	switch model {
	case ModelPurchase:
		return forPurchase
	case ModelSubscription:
		return forSubscription
	case ModelCohort:
		return forCohort
	}
	return 0
}
