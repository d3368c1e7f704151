package calc

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"
)

// inputs is a scenario read into exact figures, before any model logic: each
// scalar field parsed and checked against its own bounds. Sensitivity and
// goal seek vary these figures directly, without going back to text.
type inputs struct {
	model      string
	num        [numFields]decimal.Decimal
	has        [numFields]bool
	cashTiming string
	billing    string
	period     string

	// cohort holds the cohort model's data (nil for the other models or for
	// given alpha and beta); fit caches its sBG fit, which depends on the
	// data alone.
	cohort *cohortData
	fit    *sbgFit
	// rate caches annual-to-monthly rate conversions. inputs, and so the
	// caches, serve one goroutine: one evaluation, or one what-if tool.
	rate *rateMemo
	// sums caches the cohort model's lifetime sums (see sumsMemo).
	sums *sumsMemo
	// stop, when not nil, is asked now and then during long work (reading
	// many cohorts, the fit) whether to give up with ErrStopped.
	stop func() bool
}

// rateMemo remembers the last few annual-to-monthly rate conversions: a
// sensitivity analysis goes back and forth between three rates.
type rateMemo struct {
	annual, monthly [3]decimal.Decimal
	n, next         int
}

// monthlyRate returns monthlyRate(annual), replacing the oldest entry on a
// miss.
func (m *rateMemo) monthlyRate(annual decimal.Decimal) decimal.Decimal {
	if m == nil {
		return monthlyRate(annual)
	}
	for i := range m.n {
		if m.annual[i].Equal(annual) {
			return m.monthly[i]
		}
	}
	r := monthlyRate(annual)
	m.annual[m.next], m.monthly[m.next] = annual, r
	m.next = (m.next + 1) % len(m.annual)
	m.n = min(m.n+1, len(m.annual))
	return r
}

// sumsMemo remembers the cohort model's last few DEL and DERL sums, which
// depend on a, b, the discount, the horizon and the renewals alone: a
// sensitivity analysis varies the margin and the CAC around the same sums.
type sumsMemo struct {
	key    [3]sumsKey
	val    [3]sums
	n, nxt int
}

type sumsKey struct {
	a, b, z     float64
	horizon, n0 int
}

// sums are DEL and DERL with their ok flags (see sbgSum).
type sums struct {
	del, derl     float64
	okDel, okDerl bool
}

// get returns the sums of k, computing them on a miss (and always when m is
// nil) and replacing the oldest entry.
func (m *sumsMemo) get(k sumsKey) sums {
	if m != nil {
		for i := range m.n {
			if m.key[i] == k {
				return m.val[i]
			}
		}
	}
	var v sums
	v.del, v.okDel = sbgSum(k.a, k.b, k.z, 0, 1, k.horizon)
	v.derl, v.okDerl = sbgSum(k.a, k.b, k.z, k.n0, sbgRetention(k.a, k.b, k.n0), k.horizon)
	if m != nil {
		m.key[m.nxt], m.val[m.nxt] = k, v
		m.nxt = (m.nxt + 1) % len(m.key)
		m.n = min(m.n+1, len(m.key))
	}
	return v
}

// value returns the figure of f and whether it was given.
func (in *inputs) value(f numField) (decimal.Decimal, bool) { return in.num[f], in.has[f] }

// or returns the figure of f, or def when it was not given.
func (in *inputs) or(f numField, def decimal.Decimal) decimal.Decimal {
	if in.has[f] {
		return in.num[f]
	}
	return def
}

// int returns the whole-number figure of f (bounded by its spec) or def.
func (in *inputs) int(f numField, def int64) int64 {
	if in.has[f] {
		return in.num[f].IntPart()
	}
	return def
}

// parseInputs reads every field of s that its model uses; stop is kept in
// the inputs (see inputs.stop).
func parseInputs(s *Scenario, stop func() bool) (*inputs, error) {
	in := &inputs{model: strings.TrimSpace(s.Model), rate: new(rateMemo), sums: new(sumsMemo), stop: stop}
	mask := modelMask(in.model)
	switch {
	case in.model == "":
		return nil, &FieldError{Field: FieldModel, Code: CodeRequired, Reason: `choose a model: "purchase", "subscription" or "cohort"`}
	case mask == 0:
		return nil, &FieldError{Field: FieldModel, Value: clip(s.Model), Code: CodeInvalid, Reason: `the model is "purchase", "subscription" or "cohort"`}
	}
	var errs []error
	var err error
	switch in.model {
	case ModelSubscription:
		in.cashTiming, err = option(FieldCashTiming, s.CashTiming, TimingStart, TimingEnd, TimingAfterFirst)
		errs = append(errs, err)
		in.billing, err = option(FieldBilling, s.Billing, BillingMonthly, BillingAnnual)
		errs = append(errs, err)
	case ModelCohort:
		in.period, err = option(FieldPeriod, s.Period, PeriodMonth, PeriodYear)
		errs = append(errs, err)
	}
	texts := scenarioNumbers(s)
	for f := range numFields {
		if specs[f].models&mask == 0 {
			continue
		}
		d, ok, err := specs[f].parse(string(*texts[f]))
		in.num[f], in.has[f] = d, ok
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, errors.Join(err, in.missing(err))
	}
	if in.model == ModelCohort { // needs customers and fit_periods checked
		if in.cohort, err = cachedCohortData(s, in); err != nil {
			return nil, err
		}
	}
	return in, nil
}

// option reads an enumerated field; the first choice is the default.
func option(field, text string, choices ...string) (string, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return choices[0], nil
	}
	for _, c := range choices {
		if t == c {
			return c, nil
		}
	}
	return "", &FieldError{Field: field, Value: clip(text), Code: CodeInvalid,
		Reason: "must be one of: " + strings.Join(choices, ", ")}
}

// required is the error for a missing figure.
func required(field, reason string) error {
	return &FieldError{Field: field, Code: CodeRequired, Reason: reason}
}

// missing runs the required and conflict checks of the model and the CAC on
// inputs that have bad fields, so that every bad or missing field is
// reported at once: the bad ones count as given, and only errors about other
// fields are returned.
func (in *inputs) missing(err error) error {
	bad := map[string]bool{}
	for _, fe := range FieldErrors(err) {
		bad[fe.Field] = true
	}
	for f := range numFields {
		if bad[specs[f].name] {
			in.has[f] = true
		}
	}
	var more error
	switch in.model {
	case ModelPurchase:
		_, more = resolvePurchase(in)
	case ModelSubscription:
		_, more = resolveSubscription(in)
	}
	_, cerr := resolveCAC(in)
	var out []error
	for _, fe := range FieldErrors(errors.Join(more, cerr)) {
		if !bad[fe.Field] && (fe.Code == CodeRequired || fe.Code == CodeConflict) {
			out = append(out, fe)
		}
	}
	return errors.Join(out...)
}
