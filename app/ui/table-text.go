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

// maxTableText bounds the text parseTable reads, so a huge paste cannot stall
// the page.
const maxTableText = 200_000

// parseTable splits pasted text into rows of figure texts. It never fails:
// the figures are checked by calc, which names the bad one.
func parseTable(text string) [][]calc.Number {
	if len(text) > maxTableText {
		text = text[:maxTableText]
	}
	var rows [][]calc.Number
	for _, line := range strings.FieldsFunc(text, func(r rune) bool { return r == '\n' || r == '\r' }) {
		fields := strings.FieldsFunc(line, separator(line))
		if len(fields) == 0 {
			continue
		}
		row := make([]calc.Number, 0, len(fields))
		for _, f := range fields {
			// A percent sign alone ("63.1 %") belongs to the figure before.
			if f = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(f), "%")); f != "" {
				row = append(row, calc.Number(f))
			}
		}
		if len(row) > 0 {
			rows = append(rows, row)
		}
	}
	return rows
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
