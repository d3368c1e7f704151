package ui

import (
	"strings"
	"unicode"

	"ltvlab/calc"
)

// Pasted data: a survival curve is one row of figures, a cohort table one row
// per cohort. Rows are lines; the figures of a row are separated by tabs (a
// spreadsheet paste), semicolons, or spaces; commas separate figures too
// unless the text has no other separator and uses them as decimal commas.
// A percent sign after a figure is ignored.
//
// Nothing pasted is cut silently. A table is read whole up to the limits of
// calc (calc.MaxCohorts rows, calc.MaxCohortValues figures in all,
// calc.MaxPeriods periods in a row or a curve); beyond them the rows stop
// one figure past the limit, so that calc refuses them, and the counts go on
// to the end of the text, so that the page can say how much too large it
// is (table-limits.go). Only a text over maxTableBytes, far more than the
// limits allow written any usual way, is read no further than that.

// maxTableBytes bounds the text of a table that is read: 100,000 figures
// of 15 digits with their separators take about 1.6 MB, or 4.8 MB in Thai
// digits.
const maxTableBytes = 8 << 20

// tableText is what a pasted text holds.
type tableText struct {
	Rows    [][]calc.Number // the figures as typed, up to just past the limits
	Lines   int             // rows with at least one figure
	Figures int             // figures in all
	// LongestRow is the number of figures of the longest row, and LongestAt
	// its number, counted from 1.
	LongestRow, LongestAt int
	Bytes                 int  // the length of the text
	TooBig                bool // over maxTableBytes: counted to there only
}

// parseTable splits pasted text into rows of figure texts. It never fails:
// the figures are checked by calc, which names the bad one.
func parseTable(text string) [][]calc.Number {
	t, _ := scanTable(text, nil)
	return t.Rows
}

// scanTable reads a pasted text (see above). It asks stop, when not nil,
// every few thousand figures whether to give up, and then returns false.
func scanTable(text string, stop func() bool) (tableText, bool) {
	t := tableText{Bytes: len(text)}
	if len(text) > maxTableBytes {
		text, t.TooBig = text[:maxTableBytes], true
	}
	// Rows stop one past the limits: past those of a cohort table, and a
	// column of figures one past those of a survival curve.
	kept, rowsCap := 0, max(calc.MaxCohorts, calc.MaxPeriods+1)+1
	full := func() bool { return kept > calc.MaxCohortValues || len(t.Rows) >= rowsCap }
	asked := 0
	for line := range strings.FieldsFuncSeq(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if asked++; asked == 1000 {
			if asked = 0; stop != nil && stop() {
				return tableText{}, false
			}
		}
		var row []calc.Number
		n := 0
		for f := range strings.FieldsFuncSeq(line, separator(line)) {
			// A percent sign alone ("63.1 %") belongs to the figure before.
			if f = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f), "%")); f == "" {
				continue
			}
			n++
			if !full() {
				row = append(row, calc.Number(f))
				kept++
			}
		}
		if n == 0 {
			continue
		}
		t.Lines++
		t.Figures += n
		if n > t.LongestRow {
			t.LongestRow, t.LongestAt = n, t.Lines
		}
		if len(row) > 0 {
			t.Rows = append(t.Rows, row)
		}
	}
	return t, true
}

// separator picks how a line separates its figures: commas count as
// separators unless the line looks like decimal-comma figures separated by
// tabs, semicolons or spaces.
func separator(line string) func(rune) bool {
	decimalCommas := strings.ContainsAny(line, "\t; ") && !strings.Contains(line, ".")
	return func(r rune) bool {
		switch {
		case r == '\t' || r == ';' || r == '|':
			return true
		case r == ',':
			return !decimalCommas
		default:
			return unicode.IsSpace(r)
		}
	}
}

// flatten joins the rows of a one-row-or-one-column paste into one series.
func flatten(rows [][]calc.Number) []calc.Number {
	var out []calc.Number
	for _, r := range rows {
		out = append(out, r...)
	}
	return out
}
