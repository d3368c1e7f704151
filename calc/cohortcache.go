package calc

import (
	"errors"
	"slices"
	"sync"
)

// The cohort model's data can be large (up to MaxCohortValues counts), and
// reading them and fitting the sBG model to them is most of the work of an
// evaluation. Both depend on the data alone: a page that evaluates the same
// table again as its visitor changes the margin or the discount rate finds
// them here, by the data's content, instead of reading and fitting again.

// ErrStopped is the error of Scenario.RunStoppable when its stop function
// asked it to stop.
var ErrStopped = errors.New("calc: stopped before the end")

// cohortKey is what parseCohortData reads: the data as given, and the
// figures of the other fields that it uses.
type cohortKey struct {
	survivalPct, survivalCounts []Number
	cohorts                     [][]Number
	customers                   string // the parsed figure, "" when not given
	alpha, beta                 bool   // given
	fitPeriods                  int64
}

func newCohortKey(s *Scenario, in *inputs) cohortKey {
	k := cohortKey{survivalPct: s.SurvivalPct, survivalCounts: s.SurvivalCounts, cohorts: s.Cohorts,
		alpha: in.has[nAlpha], beta: in.has[nBeta], fitPeriods: in.int(nFitPeriods, MaxPeriods)}
	if n, ok := in.value(nCustomers); ok {
		k.customers = n.String()
	}
	return k
}

// same reports whether two keys have the same content.
func (k cohortKey) same(o cohortKey) bool {
	return k.customers == o.customers && k.alpha == o.alpha && k.beta == o.beta && k.fitPeriods == o.fitPeriods &&
		slices.Equal(k.survivalPct, o.survivalPct) && slices.Equal(k.survivalCounts, o.survivalCounts) &&
		slices.EqualFunc(k.cohorts, o.cohorts, slices.Equal)
}

// copied is k with slices of its own, which the caller's later changes to
// its scenario do not reach.
func (k cohortKey) copied() cohortKey {
	k.survivalPct, k.survivalCounts = slices.Clone(k.survivalPct), slices.Clone(k.survivalCounts)
	k.cohorts = slices.Clone(k.cohorts)
	for i, c := range k.cohorts {
		k.cohorts[i] = slices.Clone(c)
	}
	return k
}

// cohortEntry is one read of cohort data: the data or the error.
type cohortEntry struct {
	key  cohortKey
	data *cohortData
	err  error
}

// cohortCache holds the last few cohort data read, the most recent first:
// a page's data, and those of its what-if.
var cohortCache struct {
	sync.Mutex
	entries []cohortEntry
}

const cohortCacheSize = 4

// cachedCohortData is parseCohortData, answered from cohortCache when the
// same data were read before. An error comes back as a copy, which the
// caller may change (the what-if prefixes its fields).
func cachedCohortData(s *Scenario, in *inputs) (*cohortData, error) {
	key := newCohortKey(s, in)
	cohortCache.Lock()
	for i, e := range cohortCache.entries {
		if e.key.same(key) {
			copy(cohortCache.entries[1:i+1], cohortCache.entries[:i])
			cohortCache.entries[0] = e
			cohortCache.Unlock()
			return e.data, copyErr(e.err)
		}
	}
	cohortCache.Unlock()
	data, err := parseCohortData(s, in)
	if errors.Is(err, ErrStopped) {
		return nil, err
	}
	cohortCache.Lock()
	cohortCache.entries = append([]cohortEntry{{key: key.copied(), data: data, err: copyErr(err)}}, cohortCache.entries...)
	if len(cohortCache.entries) > cohortCacheSize {
		cohortCache.entries = cohortCache.entries[:cohortCacheSize]
	}
	cohortCache.Unlock()
	return data, err
}

// copyErr copies the FieldErrors in err (parseCohortData returns one).
func copyErr(err error) error {
	if fe, ok := err.(*FieldError); ok {
		c := *fe
		return &c
	}
	return err
}

// sbg is the sBG fit of the data, fitted on the first call and kept. It
// returns ErrStopped, and keeps nothing, when stop asked to stop.
func (d *cohortData) sbg(stop func() bool) (*sbgFit, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.fitted == nil {
		f, ok := fitSBGUntil(&d.fit, stop)
		if !ok {
			return nil, ErrStopped
		}
		d.fitted = &f
	}
	return d.fitted, nil
}

// stopped reports whether stop, when there is one, asks to stop.
func stopped(stop func() bool) bool { return stop != nil && stop() }
