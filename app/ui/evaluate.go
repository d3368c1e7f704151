package ui

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// evaluate runs calc on a scenario and its what-if levers and words the
// results for the page in the locale. calc computes every figure; this only
// formats them.
func evaluate(s calc.Scenario, levers calc.Changes, l locale) (resultView, error) {
	rep, err := runScenario(s, levers)
	if err != nil {
		return resultView{}, err
	}
	v := headline(rep, l)
	v.details(rep, l)
	return v, nil
}

// runScenario evaluates a scenario with its what-if levers and the sensitivity
// analysis: one Run reads the inputs and fits the cohort model once for
// all three.
func runScenario(s calc.Scenario, levers calc.Changes) (calc.Report, error) {
	return runStoppable(s, levers, nil)
}

// headline words the result panel of a report: the LTV, its verdict and
// the figures under it.
func headline(rep calc.Report, l locale) resultView {
	r := rep.Result
	v := resultView{LTV: l.money(r.LTV), LTVDetail: ltvDetail(r, l)}
	v.Verdict, v.VerdictLevel = verdict(r, l)
	v.Rows = resultRows(r, l)
	return v
}

// details fills in the parts of the view beside the result panel: the
// what-if comparison and the charts.
func (v *resultView) details(rep calc.Report, l locale) {
	r := rep.Result
	v.Compare = nil
	if rep.WhatIf != nil {
		v.Compare = compareRows(*rep.WhatIf, l)
	}
	v.Survival = survivalChart(r, l)
	v.Payback = paybackChart(r, l)
	v.Tornado = nil
	if rep.Sensitivity != nil && len(rep.Sensitivity.Rows) > 0 {
		v.Tornado = tornado(*rep.Sensitivity, l)
	}
}

// anyLever reports whether a what-if lever is set.
func anyLever(ch calc.Changes) bool {
	return ch.ChurnChangePoints != "" || ch.PriceChangePct != "" || ch.PriceElasticity != "" ||
		ch.MarginChangePoints != "" || ch.CACChangePct != "" || ch.AnnualBilling || len(ch.Set) > 0
}

// metricLabels name the figures of a what-if comparison.
var metricLabels = map[string]string{
	calc.MetricLTV:                 "LTV",
	calc.MetricNetLTV:              "Net LTV",
	calc.MetricLTVToCAC:            "LTV : CAC",
	calc.MetricPaybackMonths:       "CAC payback (months)",
	calc.MetricCohortPaybackMonths: "Cohort payback (month)",
	calc.MetricCAC:                 "CAC",
	calc.MetricMonthlyMargin:       "Margin a month",
	calc.MetricLifetime:            "Lifetime",
	calc.MetricResidualLTV:         "Residual LTV",
}

// moneyMetrics are the figures in currency.
var moneyMetrics = map[string]bool{
	calc.MetricLTV: true, calc.MetricNetLTV: true, calc.MetricCAC: true,
	calc.MetricMonthlyMargin: true, calc.MetricResidualLTV: true,
}

func compareRows(cmp calc.Comparison, l locale) []compareRow {
	rows := make([]compareRow, 0, len(cmp.Deltas))
	for _, d := range cmp.Deltas {
		f := l.number
		if moneyMetrics[d.Metric] {
			f = l.money
		}
		label := metricLabels[d.Metric]
		if label == "" {
			label = d.Metric
		}
		row := compareRow{ID: d.Metric, Label: l.tr(label), Base: f(d.Baseline), Scenario: f(d.Scenario)}
		if d.Change != "" {
			row.Diff = signed(d.Change, f(d.Change))
		}
		if d.ChangePct != "" {
			row.DiffPct = signed(d.ChangePct, l.percent(d.ChangePct))
		}
		rows = append(rows, row)
	}
	return rows
}

// signed puts a plus sign before a formatted figure when the decimal string
// it shows is above zero.
func signed(raw, shown string) string {
	if d, err := decimal.NewFromString(raw); err == nil && d.Sign() > 0 {
		return "+" + shown
	}
	return shown
}

// ltvDetail says in a line where the LTV comes from.
func ltvDetail(r calc.Result, l locale) string {
	switch r.Model {
	case calc.ModelPurchase:
		d := l.tr("{0} a year ({1} x {2}) x {3} years",
			l.money(r.AnnualValue), l.number(r.PurchaseFrequency), l.money(r.AverageOrderValue), l.number(r.Lifetime))
		if r.RevenueLTV != r.LTV {
			d += ": " + l.tr("{0} of revenue, at your gross margin", l.money(r.RevenueLTV))
		}
		return d
	case calc.ModelSubscription:
		if r.Lifetime == calc.Infinite {
			return l.tr("{0} of margin a month, within the horizon", l.money(r.MonthlyMargin))
		}
		return l.tr("{0} of margin a month over an expected {1} months", l.money(r.MonthlyMargin), l.number(r.Lifetime))
	case calc.ModelCohort:
		return l.tr("Margin x discounted expected lifetime ({0} {1})", l.number(r.DEL), periods(r.Period, l))
	}
	return ""
}

// periods names the cohort model's period, plural.
func periods(period string, l locale) string {
	if period == calc.PeriodMonth {
		return l.tr("months")
	}
	return l.tr("years")
}

// verdict puts the 3x rule in plain words.
func verdict(r calc.Result, l locale) (string, string) {
	ratio := l.number(r.LTVToCAC)
	switch r.LTVToCACVerdict {
	case calc.VerdictMeets3x:
		return l.tr("Healthy: a customer is worth {0} times what it costs to win them (the rule of thumb is at least 3).", ratio), "good"
	case calc.VerdictBelow3x:
		return l.tr("Profitable but thin: LTV is {0} times CAC, under the 3x rule of thumb.", ratio), "warn"
	case calc.VerdictLosesMoney:
		return l.tr("Losing money: winning a customer costs more than they bring (LTV is {0} times CAC).", ratio), "bad"
	case calc.VerdictNoAcquiring:
		return l.tr("No acquisition cost: every customer is pure gain."), "good"
	}
	return "", ""
}

func resultRows(r calc.Result, l locale) []resultRow {
	var rows []resultRow
	add := func(id, label, value, note string) {
		if value != "" {
			rows = append(rows, resultRow{ID: id, Label: l.tr(label), Value: value, Note: note})
		}
	}
	if r.CAC != "" {
		note := ""
		if r.CACSpend != "" {
			note = l.tr("{0} spend + {1} time", l.money(r.CACSpend), l.money(r.CACTime))
		}
		add("cac-out", "Acquisition cost (CAC)", l.money(r.CAC), note)
		add("net-ltv", "Net LTV", l.money(r.NetLTV), l.tr("LTV - CAC"))
		if r.LTVToCAC != "" {
			add("ratio", "LTV : CAC", l.tr("{0}x", l.number(r.LTVToCAC)), l.tr("3x or more is the rule of thumb"))
		}
		paybackNote := l.tr("Under 12 months is the rule of thumb")
		if r.PaybackVerdict == calc.VerdictWithin12 {
			paybackNote = l.tr("Within the 12-month rule")
		}
		add("payback", "CAC payback", months(r.PaybackMonths, l), paybackNote)
		add("cohort-payback", "Cohort payback", monthNumber(r.CohortPaybackMonths, l), l.tr("When cumulative margin, with churn, passes CAC"))
	}
	switch r.Model {
	case calc.ModelPurchase:
		add("lifetime", "Lifetime", l.tr("{0} years", l.number(r.Lifetime)), "")
	case calc.ModelSubscription:
		if r.Lifetime == calc.Infinite {
			add("lifetime", "Expected lifetime", l.tr("no end"), l.tr("Expansion outpaces churn"))
		} else {
			add("lifetime", "Expected lifetime", l.tr("{0} months", l.number(r.Lifetime)), l.tr("1 / churn"))
		}
		if r.AnnualChurnPct != "" {
			add("annual-churn", "Annual plan churn", l.percent(r.AnnualChurnPct), "")
		}
	case calc.ModelCohort:
		fitNote := l.tr("sBG fit")
		if r.Alpha != "" && r.LogLikelihood == "" {
			fitNote = l.tr("as given")
		}
		if r.FitAtBound {
			fitNote = l.tr("At the edge of the search: the data cannot pin the model down; add periods")
		}
		add("alpha", "a (alpha)", l.number(r.Alpha), fitNote)
		add("beta", "b (beta)", l.number(r.Beta), "")
		if r.LogLikelihood != "" {
			add("loglik", "Log-likelihood", l.number(r.LogLikelihood), "")
		}
		et := l.number(r.ExpectedLifetime) + " " + periods(r.Period, l)
		if r.ExpectedLifetime == calc.Infinite {
			et = l.tr("no end (a <= 1)")
		}
		add("expected", "Expected lifetime E(T)", et, l.tr("Undiscounted"))
		add("del", "DEL", l.number(r.DEL)+" "+periods(r.Period, l), l.tr("Discounted expected lifetime"))
		add("derl", "DERL", l.number(r.DERL)+" "+periods(r.Period, l), l.tr("Of a customer with the renewals given"))
		add("residual", "Residual LTV", l.money(r.ResidualLTV), l.tr("Margin x DERL"))
		if r.NaiveLTV != "" {
			add("naive", "Naive LTV", l.money(r.NaiveLTV),
				l.tr("One constant retention of {0}: ignores that loyal customers stay", l.percent(r.NaiveRetentionPct)))
		}
	}
	return rows
}

// survivalChart draws the cohort model's observed, fitted and projected
// survival.
func survivalChart(r calc.Result, l locale) *lineChart {
	if len(r.ProjectedSurvivalPct) == 0 {
		return nil
	}
	n := len(r.ProjectedSurvivalPct)
	x := make([]string, n)
	for i := range x {
		x[i] = l.number(strconv.Itoa(i))
	}
	axis := l.tr("Year")
	if r.Period == calc.PeriodMonth {
		axis = l.tr("Month")
	}
	c := &lineChart{
		ID: "survival-chart", Title: l.tr("Customers still active, by period"),
		Desc:   l.tr("Percent of the cohort still active after each period: observed, and projected by the fitted sBG model."),
		XLabel: axis, X: x, Format: func(d decimal.Decimal) string { return l.percent(d.Round(1).String()) },
		DataLabel: l.tr("Data table: {0}", l.tr("Customers still active, by period")),
	}
	if len(r.ObservedSurvivalPct) > 0 {
		c.Series = append(c.Series, chartSeries{Name: l.tr("Observed"), Class: "series-a", Values: decimals(r.ObservedSurvivalPct)})
	}
	c.Series = append(c.Series, chartSeries{Name: l.tr("sBG projection"), Class: "series-b", Dashed: true, Values: decimals(r.ProjectedSurvivalPct)})
	return c
}

// paybackChart draws a customer's cumulative margin, with churn, against
// the CAC: where the curve crosses the CAC line is the cohort payback.
func paybackChart(r calc.Result, l locale) *lineChart {
	if len(r.PaybackCurve) < 2 {
		return nil
	}
	per, err := strconv.Atoi(r.PaybackCurvePeriodMonths)
	if err != nil || per < 1 {
		return nil
	}
	x := make([]string, len(r.PaybackCurve))
	for i := range x {
		x[i] = l.number(strconv.Itoa(i * per))
	}
	c := &lineChart{
		ID: "payback-chart", Title: l.tr("Cumulative margin per customer against CAC"),
		Desc:   l.tr("What one customer has brought in, with churn, month after month; the acquisition cost is paid back where the curve crosses the CAC line."),
		XLabel: l.tr("Month"), X: x, Format: func(d decimal.Decimal) string { return l.money(d.String()) },
		DataLabel: l.tr("Data table: {0}", l.tr("Cumulative margin per customer against CAC")),
		Series:    []chartSeries{{Name: l.tr("Cumulative margin"), Class: "series-a", Values: decimals(r.PaybackCurve)}},
	}
	if cac, err := decimal.NewFromString(r.CAC); err == nil {
		line := make([]decimal.Decimal, len(x))
		for i := range line {
			line[i] = cac
		}
		c.Series = append(c.Series, chartSeries{Name: l.tr("CAC"), Class: "series-ref", Dashed: true, Values: line})
	}
	return c
}

// tornado draws the sensitivity of the LTV to each input.
func tornado(sens calc.Sensitivity, l locale) *tornadoChart {
	base, _ := decimal.NewFromString(sens.Base)
	pct := l.percent(sens.Pct)
	c := &tornadoChart{
		ID: "tornado-chart", Title: l.tr("What moves the LTV most"),
		Desc: l.tr("The LTV with each input {0} lower and higher, one at a time, largest effect first.", pct),
		Base: base, Format: func(d decimal.Decimal) string { return l.money(d.String()) },
		LowName: "-" + pct, HighName: "+" + pct, l: l,
	}
	for _, r := range sens.Rows {
		lo, errLo := decimal.NewFromString(r.MetricLow)
		hi, errHi := decimal.NewFromString(r.MetricHigh)
		if errLo != nil || errHi != nil {
			continue
		}
		c.Rows = append(c.Rows, tornadoRow{Label: l.tr(fieldLabel(r.Field)), Low: lo, High: hi})
	}
	if len(c.Rows) == 0 {
		return nil
	}
	return c
}

// fieldLabel is the English label of the input that fills a scenario field.
func fieldLabel(field string) string {
	for _, spec := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		for _, in := range spec.allInputs() {
			if in.Field == field {
				return in.Label
			}
		}
	}
	return field
}

func months(s string, l locale) string {
	switch s {
	case "":
		return ""
	case calc.Never:
		return l.tr("never")
	}
	return l.tr("{0} months", l.number(s))
}

func monthNumber(s string, l locale) string {
	switch s {
	case "":
		return ""
	case calc.Never:
		return l.tr("never")
	}
	return l.tr("month {0}", l.number(s))
}

func decimals(ss []string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i], _ = decimal.NewFromString(s)
	}
	return out
}

// leverChanges are the what-if levers of the page that apply to its model,
// read in the page's locale.
func (p *calcPage) leverChanges() calc.Changes {
	var ch calc.Changes
	for _, lv := range p.spec.levers() {
		t := calc.Number(p.loc.parse(strings.TrimSpace(p.text[lv.Key])))
		switch lv.Key {
		case "wchurn":
			ch.ChurnChangePoints = t
		case "wprice":
			ch.PriceChangePct = t
		case "welast":
			ch.PriceElasticity = t
		case "wgm":
			ch.MarginChangePoints = t
		case "wcac":
			ch.CACChangePct = t
		case "wbill":
			ch.AnnualBilling = t == "annual"
		}
	}
	return ch
}

// goalSeek answers a goal-seek question in words, with the value to apply.
func goalSeek(s calc.Scenario, g goalSpec, l locale) goalView {
	res, err := s.GoalSeek(calc.Goal{Input: g.Input, Metric: g.Target, Target: calc.Number(g.Value)})
	if err != nil {
		if fes := calc.FieldErrors(err); len(fes) > 0 {
			return goalView{ID: g.ID, Answer: l.tr("Fix the inputs first: {0}: {1}.", l.tr(fieldLabel(fes[0].Field)), errorText(fes[0], l))}
		}
		return goalView{ID: g.ID, Answer: l.tr("No answer: {0}", err.Error())}
	}
	if res.Status != calc.GoalReached {
		return goalView{ID: g.ID, Answer: l.tr("Unreachable: {0}.", l.tr(res.Reason))}
	}
	value, _ := decimal.NewFromString(res.Value)
	return goalView{ID: g.ID, Key: g.Key, Value: value.String(),
		Answer: l.tr("{0} of {1} reaches the target (now {2}).", l.tr(fieldLabel(g.Input)), goalFigure(res.Value, g, l), goalFigure(res.Current, g, l))}
}

// goalFigure formats a goal-seek value in its unit.
func goalFigure(s string, g goalSpec, l locale) string {
	switch g.Unit {
	case "$":
		return l.money(s)
	case "%":
		return l.percent(s)
	}
	return l.number(s) + " " + l.tr(g.Unit)
}

// errorText is a field error in the locale: calc's own reason in English,
// a translation of its code elsewhere.
func errorText(fe *calc.FieldError, l locale) string {
	if l.Lang == "en" {
		return fe.Reason
	}
	if msg, ok := errorMessages[fe.Code]; ok {
		return l.tr(msg)
	}
	return l.tr(fe.Reason)
}

// errorMessages word each code of calc's field errors for translation.
var errorMessages = map[string]string{
	calc.CodeRequired:    "enter a number",
	calc.CodeNotANumber:  "not a number",
	calc.CodeTooLong:     "this is too long to be a figure",
	calc.CodeTooLarge:    "too large",
	calc.CodeTooPrecise:  "use at most 10 decimal places",
	calc.CodeNegative:    "must be zero or more",
	calc.CodeNotPositive: "must be more than zero",
	calc.CodeOutOfRange:  "out of range",
	calc.CodeNotInteger:  "must be a whole number",
	calc.CodeInvalid:     "not a valid value",
	calc.CodeConflict:    "give this or the other way of entering it, not both",
	calc.CodeUnbounded:   "the value would be infinite: set a horizon or a discount rate",
	calc.CodeTooMany:     "too many values",
	calc.CodeNoFit:       "the retention model cannot be fitted to these figures",
	calc.CodeNotApplied:  "does not apply to this model",
}
