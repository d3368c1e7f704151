package ui

import (
	"errors"
	"strconv"
	"sync"

	"ltvlab/calc"
)

// The pasted tables of the cohort calculator (the survival curve and the
// cohort table) may hold up to calc.MaxCohortValues figures. Reading one
// (splitting the text, then each figure in the page's language) is work
// worth keeping: the last few tables read are kept, by text and language,
// so that a keystroke in another field reads none again, and calc keeps
// the data and the fit in the same way.

// tableEntry is one table read in a language.
type tableEntry struct {
	text, lang string
	table      tableText
}

var tableCache struct {
	sync.Mutex
	entries []tableEntry // the most recent first
}

const tableCacheSize = 4

// tableFor reads the text of a table in the locale: scanTable's counts, and
// its figures in calc's plain form. stop, when not nil, is asked now and
// then whether to give up (the result is then false and nothing is kept).
func tableFor(text string, l locale, stop func() bool) (tableText, bool) {
	if text == "" {
		return tableText{}, true
	}
	tableCache.Lock()
	for i, e := range tableCache.entries {
		if e.lang == l.Lang && e.text == text {
			copy(tableCache.entries[1:i+1], tableCache.entries[:i])
			tableCache.entries[0] = e
			tableCache.Unlock()
			return e.table, true
		}
	}
	tableCache.Unlock()
	t, ok := scanTable(text, stop)
	if !ok {
		return tableText{}, false
	}
	n := 0
	for _, r := range t.Rows {
		for i, f := range r {
			r[i] = calc.Number(l.parse(string(f)))
		}
		if n += len(r); n >= 5000 {
			if n = 0; stop != nil && stop() {
				return tableText{}, false
			}
		}
	}
	tableCache.Lock()
	tableCache.entries = append([]tableEntry{{text: text, lang: l.Lang, table: t}}, tableCache.entries...)
	if len(tableCache.entries) > tableCacheSize {
		tableCache.entries = tableCache.entries[:tableCacheSize]
	}
	tableCache.Unlock()
	return t, true
}

// codeTableLimit is the code of a table over the limits: its reason is
// worded by the page, in the page's language, with the figures counted.
const codeTableLimit = "table_limit"

// tableField is calc's field of a table input, "" for another input.
func tableField(key string) string {
	switch key {
	case "surv":
		return calc.FieldSurvivalPct
	case "coh":
		return calc.FieldCohorts
	}
	return ""
}

// tableLimitError says how a table is over calc's limits, in the locale,
// or is nil when it is not.
func tableLimitError(key string, t tableText, l locale) *calc.FieldError {
	n := func(i int) string { return l.number(strconv.Itoa(i)) }
	bad := func(reason string) *calc.FieldError {
		return &calc.FieldError{Field: tableField(key), Code: codeTableLimit, Reason: reason}
	}
	switch {
	case t.TooBig:
		mb := func(b int) string { return l.number(strconv.FormatFloat(float64(b)/(1<<20), 'f', 1, 64)) }
		return bad(l.tr("This text is {0} MB: a table may be at most {1} MB.", mb(t.Bytes), mb(maxTableBytes)))
	case key == "surv" && t.Figures > calc.MaxPeriods+1:
		return bad(l.tr("{0} figures: a survival curve has at most {1}, period 0 and {2} periods.",
			n(t.Figures), n(calc.MaxPeriods+1), n(calc.MaxPeriods)))
	case key != "coh":
	case t.Lines > calc.MaxCohorts:
		return bad(l.tr("{0} rows: a cohort table has at most {1}, one for each cohort.", n(t.Lines), n(calc.MaxCohorts)))
	case t.Figures > calc.MaxCohortValues:
		return bad(l.tr("{0} figures: a cohort table holds at most {1} in all.", n(t.Figures), n(calc.MaxCohortValues)))
	case t.LongestRow > calc.MaxPeriods+1:
		return bad(l.tr("Row {0} has {1} figures: a cohort has at most {2}, its size and {3} periods.",
			n(t.LongestAt), n(t.LongestRow), n(calc.MaxPeriods+1), n(calc.MaxPeriods)))
	}
	return nil
}

// run evaluates the scenario of the inputs, as runScenario, and puts the
// page's own message on a table that is over the limits in place of
// calc's: the table the scenario uses, and any table too large to read.
func (p *calcPage) run(s calc.Scenario, levers calc.Changes) (calc.Report, error) {
	rep, err := runScenario(s, levers)
	var errs []error
	over := map[string]bool{}
	for _, in := range p.spec.Inputs {
		if in.Kind != kindText {
			continue
		}
		t, _ := tableFor(p.text[in.Key], p.loc, nil)
		used := in.Key == "coh" && len(s.Cohorts) > 0 || in.Key == "surv" && len(s.SurvivalPct) > 0
		if fe := tableLimitError(in.Key, t, p.loc); fe != nil && (used || t.TooBig) {
			errs, over[fe.Field] = append(errs, fe), true
		}
	}
	if len(errs) == 0 {
		return rep, err
	}
	for _, fe := range calc.FieldErrors(err) {
		if !over[fe.Field] {
			errs = append(errs, fe)
		}
	}
	return calc.Report{}, errors.Join(errs...)
}
