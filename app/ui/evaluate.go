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
	v := headline(rep, s, l)
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
func headline(rep calc.Report, s calc.Scenario, l locale) resultView {
	r := rep.Result
	v := resultView{LTV: l.money(r.LTV), LTVDetail: ltvDetail(r, s, l)}
	v.Verdict, v.VerdictLevel = verdict(r, l)
	if r.Model == calc.ModelPurchase {
		v.derived = derivedFigures{aov: l.money(r.AverageOrderValue), freq: l.number(r.PurchaseFrequency),
			years: l.plural(r.Lifetime, "{0} year", "{0} years", l.number(r.Lifetime))}
	}
	if r.LTVToCAC != "" {
		v.Ratio = l.tr("{0}x", l.number(r.LTVToCAC))
	}
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

// ltvDetail says in a line where the LTV comes from: what was computed,
// every setting that changes it named (expansion, discounting, a horizon,
// annual billing, when the payments count).
func ltvDetail(r calc.Result, s calc.Scenario, l locale) string {
	switch r.Model {
	case calc.ModelPurchase:
		d := l.plural(r.Lifetime, "{0} a year ({1} x {2}) x {3} year", "{0} a year ({1} x {2}) x {3} years",
			l.money(r.AnnualValue), l.number(r.PurchaseFrequency), l.money(r.AverageOrderValue), l.number(r.Lifetime))
		if r.RevenueLTV != r.LTV {
			d = l.tr("{0}: {1}", d, l.tr("{0} of revenue, at your gross margin", l.money(r.RevenueLTV)))
		}
		return d
	case calc.ModelSubscription:
		var d string
		if r.Lifetime == calc.Infinite {
			d = l.tr("{0} of margin a month, with no churn", l.money(r.MonthlyMargin))
		} else {
			d = l.plural(r.Lifetime, "{0} of margin a month over an expected {1} month", "{0} of margin a month over an expected {1} months",
				l.money(r.MonthlyMargin), l.number(r.Lifetime))
		}
		var also []string
		if r.Billing == calc.BillingAnnual {
			also = append(also, l.tr("paid a year ahead, with an annual churn of {0}", l.percent(r.AnnualChurnPct)))
		}
		if nonZero(s.MonthlyExpansionPct) {
			also = append(also, l.tr("growing {0} a month", l.percent(string(s.MonthlyExpansionPct))))
		}
		if nonZero(s.DiscountRateAnnualPct) {
			also = append(also, l.tr("discounted at {0} a year", l.percent(string(s.DiscountRateAnnualPct))))
		}
		if nonZero(s.HorizonMonths) {
			also = append(also, l.plural(string(s.HorizonMonths), "counted for {0} month", "counted for {0} months", l.number(string(s.HorizonMonths))))
		}
		switch r.CashTiming {
		case calc.TimingEnd:
			also = append(also, l.tr("each payment counted at the end of its month"))
		case calc.TimingAfterFirst:
			also = append(also, l.tr("the first payment left out"))
		}
		if len(also) > 0 {
			d += ", " + strings.Join(also, ", ")
		}
		return d
	case calc.ModelCohort:
		return l.tr("Margin x discounted expected lifetime ({0})", periodCount(r.DEL, r.Period, l))
	}
	return ""
}

// nonZero reports whether a figure of the scenario is given and not zero.
func nonZero(n calc.Number) bool {
	d, err := decimal.NewFromString(strings.TrimSpace(string(n)))
	return err == nil && !d.IsZero()
}

// periodCount is a number of the cohort model's periods: "1 year",
// "3.2581 years", "12 months".
func periodCount(n, period string, l locale) string {
	if period == calc.PeriodMonth {
		return l.plural(n, "{0} month", "{0} months", l.number(n))
	}
	return l.plural(n, "{0} year", "{0} years", l.number(n))
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
	// label is translated here, at each call: the translation test finds
	// the texts given to tr.
	add := func(id, label, value, note string) {
		if value != "" {
			rows = append(rows, resultRow{ID: id, Label: label, Value: value, Note: note})
		}
	}
	if r.CAC != "" {
		note := ""
		if r.CACSpend != "" {
			note = l.tr("{0} spend + {1} time", l.money(r.CACSpend), l.money(r.CACTime))
		}
		add("cac-out", l.tr("Acquisition cost (CAC)"), l.money(r.CAC), note)
		add("net-ltv", l.tr("Net LTV"), l.money(r.NetLTV), l.tr("LTV - CAC"))
		if r.LTVToCAC != "" {
			add("ratio", l.tr("LTV : CAC"), l.tr("{0}x", l.number(r.LTVToCAC)), l.tr("3x or more is the rule of thumb"))
		}
		paybackNote := l.tr("Under 12 months is the rule of thumb")
		switch {
		case r.CohortPaybackMonths == calc.Never:
			// CAC / margin a month leaves churn out: say it when, with
			// churn, the CAC is never earned back.
			paybackNote = l.tr("CAC / margin a month, churn left out: with churn, a customer never earns it back")
		case r.PaybackVerdict == calc.VerdictWithin12:
			paybackNote = l.tr("Within the 12-month rule")
		}
		add("payback", l.tr("CAC payback"), months(r.PaybackMonths, l), paybackNote)
		add("cohort-payback", l.tr("Cohort payback"), monthNumber(r.CohortPaybackMonths, l), cohortPaybackNote(r, l))
	}
	switch r.Model {
	case calc.ModelPurchase:
		add("lifetime", l.tr("Lifetime"), l.plural(r.Lifetime, "{0} year", "{0} years", l.number(r.Lifetime)), "")
	case calc.ModelSubscription:
		if r.Lifetime == calc.Infinite {
			add("lifetime", l.tr("Expected lifetime"), l.tr("no end"), l.tr("No churn: a customer never leaves"))
		} else {
			add("lifetime", l.tr("Expected lifetime"), l.plural(r.Lifetime, "{0} month", "{0} months", l.number(r.Lifetime)), l.tr("1 / churn"))
		}
		if r.AnnualChurnPct != "" {
			add("annual-churn", l.tr("Annual plan churn"), l.percent(r.AnnualChurnPct), "")
		}
	case calc.ModelCohort:
		fitNote := l.tr("sBG fit")
		if r.Alpha != "" && r.LogLikelihood == "" {
			fitNote = l.tr("as given")
		}
		if r.FitAtBound {
			fitNote = l.tr("At the edge of the search: the data cannot pin the model down; add periods")
		}
		add("alpha", l.tr("a (alpha)"), l.number(r.Alpha), fitNote)
		add("beta", l.tr("b (beta)"), l.number(r.Beta), "")
		if r.LogLikelihood != "" {
			add("loglik", l.tr("Log-likelihood"), l.number(r.LogLikelihood), "")
		}
		et := periodCount(r.ExpectedLifetime, r.Period, l)
		if r.ExpectedLifetime == calc.Infinite {
			et = l.tr("no end (a ≤ 1)")
		}
		add("expected", l.tr("Expected lifetime E(T)"), et, l.tr("Undiscounted"))
		add("del", l.tr("DEL"), periodCount(r.DEL, r.Period, l), l.tr("Discounted expected lifetime"))
		add("derl", l.tr("DERL"), periodCount(r.DERL, r.Period, l), l.tr("Of a customer with the renewals given"))
		add("residual", l.tr("Residual LTV"), l.money(r.ResidualLTV), l.tr("Margin x DERL"))
		if r.NaiveLTV != "" {
			add("naive", l.tr("Naive LTV"), l.money(r.NaiveLTV),
				l.tr("One constant retention of {0} for everyone, over the same horizon: over a long one it undervalues the loyal customers who stay", l.percent(r.NaiveRetentionPct)))
		}
	}
	return rows
}

// cohortPaybackNote says what the cohort payback month is, and in which month a
// period's margin counts (calc.Result.PaybackCurveMonths).
func cohortPaybackNote(r calc.Result, l locale) string {
	switch {
	case r.PaybackCurvePeriodMonths != "12":
		return l.tr("When cumulative margin, with churn, passes CAC; a month's margin counts in that month")
	case r.CashTiming == calc.TimingEnd:
		return l.tr("When cumulative margin, with churn, passes CAC; a year's margin counts in its last month")
	}
	return l.tr("When cumulative margin, with churn, passes CAC; a year's margin counts in its first month")
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
	if len(r.PaybackCurve) < 2 || len(r.PaybackCurveMonths) != len(r.PaybackCurve) {
		return nil
	}
	// Each point at the month its margin is paid, as calc counts the
	// cohort payback month: the panel, the chart and its table agree.
	x := make([]string, len(r.PaybackCurve))
	at := make([]decimal.Decimal, len(r.PaybackCurve))
	for i, m := range r.PaybackCurveMonths {
		x[i] = l.number(m)
		at[i], _ = decimal.NewFromString(m)
	}
	c := &lineChart{
		ID: "payback-chart", Title: l.tr("Cumulative margin per customer against CAC"),
		Desc:   l.tr("What one customer has brought in, with churn, month after month; the acquisition cost is paid back where the curve crosses the CAC line."),
		XLabel: l.tr("Month"), X: x, XAt: at, Format: func(d decimal.Decimal) string { return l.money(d.String()) },
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
		label := l.tr(fieldLabel(r.Field))
		if lo.Equal(base) && hi.Equal(base) {
			// The CAC, a horizon never reached...: said in a line, not
			// drawn as a row without bars.
			c.Still = append(c.Still, label)
			continue
		}
		c.Rows = append(c.Rows, tornadoRow{Label: label, Low: lo, High: hi})
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
	return l.plural(s, "{0} month", "{0} months", l.number(s))
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
