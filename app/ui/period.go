package ui

import (
	"math"
	"strings"

	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// periodChanged handles the cohort calculator's period switching between
// year and month: its discount rate is per period, so the same rate would
// silently mean 12 times as much discounting, or a twelfth. It converts the
// rate to the new period, (1 + d)^(1/12) - 1 a month for d a year and
// (1 + d)^12 - 1 the other way, to 4 decimal places, and says so under the
// period (the other figures per period, the margin and the horizon, are
// the visitor's to check, and the note says that too). It reports whether
// it changed the rate.
func (p *calcPage) periodChanged(from, to string) bool {
	l := p.loc
	if from == "" {
		from = calc.PeriodYear
	}
	if from == to {
		return false // the same choice again: the note stays
	}
	p.periodNote = ""
	if to != calc.PeriodYear && to != calc.PeriodMonth {
		return false
	}
	p.periodNote = l.tr("The margin and the horizon are per period: check them for the new period.")
	typed := strings.TrimSpace(p.text["d"])
	if undo := p.periodUndo; undo.to == from && undo.converted == typed {
		// Back to where the rate was typed: the rate as typed, not a
		// conversion of its conversion.
		p.text["d"], p.periodUndo = undo.typed, periodUndo{}
		return true
	}
	d, err := decimal.NewFromString(p.loc.parse(typed))
	if typed == "" || err != nil || d.Sign() <= 0 {
		return false
	}
	rate, _ := d.Shift(-2).Float64() // a rate, not an amount: float64 is enough
	var conv float64
	if to == calc.PeriodMonth {
		conv = math.Pow(1+rate, 1.0/12) - 1
	} else {
		conv = math.Pow(1+rate, 12) - 1
	}
	if math.IsNaN(conv) || math.IsInf(conv, 0) || conv > 10 {
		return false // over 1000 %: left as typed, for calc to judge
	}
	out := decimal.NewFromFloat(conv * 100).Round(4)
	p.text["d"] = l.typed(out.String())
	p.periodUndo = periodUndo{typed: typed, converted: p.text["d"], to: to}
	if to == calc.PeriodMonth {
		p.periodNote = l.tr("Discount rate converted: {0} a year is {1} a month. {2}", l.percent(d.String()), l.percent(out.String()), p.periodNote)
	} else {
		p.periodNote = l.tr("Discount rate converted: {0} a month is {1} a year. {2}", l.percent(d.String()), l.percent(out.String()), p.periodNote)
	}
	return true
}

// periodUndo remembers the rate a period switch converted, so that
// switching back restores it as typed.
type periodUndo struct {
	typed, converted string
	to               string // the period converted to
}
