package main

import (
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// evaluate runs calc on a scenario and its what-if levers and formats the
// results for the page. calc computes every figure; this only words them.
func evaluate(s calc.Scenario, levers calc.Changes) (resultView, error) {
	var r calc.Result
	var compare []compareRow
	if !anyLever(levers) {
		var err error
		if r, err = s.Evaluate(); err != nil {
			return resultView{}, err
		}
	} else {
		cmp, err := s.WhatIf(levers)
		if err != nil {
			return resultView{}, err
		}
		r = cmp.Baseline
		compare = compareRows(cmp)
	}
	v := resultView{LTV: money(r.LTV), LTVDetail: ltvDetail(r), Compare: compare}
	v.Verdict, v.VerdictLevel = verdict(r)
	v.Rows = resultRows(r)
	v.Survival = survivalChart(r)
	if sens, err := s.Sensitivity(calc.SensitivitySpec{}); err == nil && len(sens.Rows) > 0 {
		v.Tornado = tornado(sens)
	}
	return v, nil
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

func compareRows(cmp calc.Comparison) []compareRow {
	rows := make([]compareRow, 0, len(cmp.Deltas))
	for _, d := range cmp.Deltas {
		f := trimNumber
		if moneyMetrics[d.Metric] {
			f = money
		}
		row := compareRow{ID: d.Metric, Label: metricLabels[d.Metric], Base: f(d.Baseline), Scenario: f(d.Scenario)}
		if row.Label == "" {
			row.Label = d.Metric
		}
		if d.Change != "" {
			row.Diff = signed(f(d.Change))
		}
		if d.ChangePct != "" {
			row.DiffPct = signed(trimNumber(d.ChangePct)) + " %"
		}
		rows = append(rows, row)
	}
	return rows
}

// signed puts a plus sign before a positive figure.
func signed(s string) string {
	if s == "" || strings.HasPrefix(s, "-") || strings.Trim(s, "$0.,") == "" {
		return s
	}
	return "+" + s
}

// tornado draws the sensitivity of the LTV to each input.
func tornado(sens calc.Sensitivity) *tornadoChart {
	base, _ := decimal.NewFromString(sens.Base)
	c := &tornadoChart{
		ID: "tornado-chart", Title: "What moves the LTV most",
		Desc: "The LTV with each input " + trimNumber(sens.Pct) + " % lower and higher, one at a time, largest effect first.",
		Base: base, Format: func(d decimal.Decimal) string { return formatMoney(d) },
		LowName: "-" + trimNumber(sens.Pct) + " %", HighName: "+" + trimNumber(sens.Pct) + " %",
	}
	for _, r := range sens.Rows {
		lo, errLo := decimal.NewFromString(r.MetricLow)
		hi, errHi := decimal.NewFromString(r.MetricHigh)
		if errLo != nil || errHi != nil {
			continue
		}
		c.Rows = append(c.Rows, tornadoRow{Label: fieldLabel(r.Field), Low: lo, High: hi})
	}
	if len(c.Rows) == 0 {
		return nil
	}
	return c
}

// fieldLabel is the label of the input that fills a scenario field.
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

// ltvDetail says in a line where the LTV comes from.
func ltvDetail(r calc.Result) string {
	switch r.Model {
	case calc.ModelPurchase:
		d := money(r.AnnualValue) + " a year (" + trimNumber(r.PurchaseFrequency) + " x " + money(r.AverageOrderValue) + ") x " +
			trimNumber(r.Lifetime) + " years"
		if r.RevenueLTV != r.LTV {
			d += ": " + money(r.RevenueLTV) + " of revenue, at your gross margin"
		}
		return d
	case calc.ModelSubscription:
		if r.Lifetime == calc.Infinite {
			return money(r.MonthlyMargin) + " of margin a month, within the horizon"
		}
		return money(r.MonthlyMargin) + " of margin a month over an expected " + trimNumber(r.Lifetime) + " months"
	case calc.ModelCohort:
		return "Margin x discounted expected lifetime (" + trimNumber(r.DEL) + " " + r.Period + "s)"
	}
	return ""
}

// verdict puts the 3x rule in plain words.
func verdict(r calc.Result) (string, string) {
	switch r.LTVToCACVerdict {
	case calc.VerdictMeets3x:
		return "Healthy: a customer is worth " + trimNumber(r.LTVToCAC) + " times what it costs to win them (the rule of thumb is at least 3).", "good"
	case calc.VerdictBelow3x:
		return "Profitable but thin: LTV is " + trimNumber(r.LTVToCAC) + " times CAC, under the 3x rule of thumb.", "warn"
	case calc.VerdictLosesMoney:
		return "Losing money: winning a customer costs more than they bring (LTV is " + trimNumber(r.LTVToCAC) + " times CAC).", "bad"
	case calc.VerdictNoAcquiring:
		return "No acquisition cost: every customer is pure gain.", "good"
	}
	return "", ""
}

func resultRows(r calc.Result) []resultRow {
	var rows []resultRow
	add := func(id, label, value, note string) {
		if value != "" {
			rows = append(rows, resultRow{ID: id, Label: label, Value: value, Note: note})
		}
	}
	if r.CAC != "" {
		note := ""
		if r.CACSpend != "" {
			note = money(r.CACSpend) + " spend + " + money(r.CACTime) + " time"
		}
		add("cac-out", "Acquisition cost (CAC)", money(r.CAC), note)
		add("net-ltv", "Net LTV", money(r.NetLTV), "LTV - CAC")
		if r.LTVToCAC != "" {
			add("ratio", "LTV : CAC", trimNumber(r.LTVToCAC)+"x", "3x or more is the rule of thumb")
		}
		paybackNote := "Under 12 months is the rule of thumb"
		if r.PaybackVerdict == calc.VerdictWithin12 {
			paybackNote = "Within the 12-month rule"
		}
		add("payback", "CAC payback", months(r.PaybackMonths), paybackNote)
		add("cohort-payback", "Cohort payback", monthNumber(r.CohortPaybackMonths), "When cumulative margin, with churn, passes CAC")
	}
	switch r.Model {
	case calc.ModelPurchase:
		add("lifetime", "Lifetime", trimNumber(r.Lifetime)+" years", "")
	case calc.ModelSubscription:
		if r.Lifetime == calc.Infinite {
			add("lifetime", "Expected lifetime", "no end", "Expansion outpaces churn")
		} else {
			add("lifetime", "Expected lifetime", trimNumber(r.Lifetime)+" months", "1 / churn")
		}
		if r.AnnualChurnPct != "" {
			add("annual-churn", "Annual plan churn", trimNumber(r.AnnualChurnPct)+" %", "")
		}
	case calc.ModelCohort:
		fitNote := "sBG fit"
		if r.Alpha != "" && r.LogLikelihood == "" {
			fitNote = "as given"
		}
		if r.FitAtBound {
			fitNote = "At the edge of the search: the data cannot pin the model down; add periods"
		}
		add("alpha", "a (alpha)", r.Alpha, fitNote)
		add("beta", "b (beta)", r.Beta, "")
		add("loglik", "Log-likelihood", r.LogLikelihood, "")
		et := trimNumber(r.ExpectedLifetime) + " " + r.Period + "s"
		if r.ExpectedLifetime == calc.Infinite {
			et = "no end (a <= 1)"
		}
		add("expected", "Expected lifetime E(T)", et, "Undiscounted")
		add("del", "DEL", trimNumber(r.DEL)+" "+r.Period+"s", "Discounted expected lifetime")
		add("derl", "DERL", trimNumber(r.DERL)+" "+r.Period+"s", "Of a customer with the renewals given")
		add("residual", "Residual LTV", money(r.ResidualLTV), "Margin x DERL")
		add("naive", "Naive LTV", money(r.NaiveLTV), "One constant retention of "+trimNumber(r.NaiveRetentionPct)+" %: ignores that loyal customers stay")
	}
	return rows
}

// survivalChart draws the cohort model's observed, fitted and projected
// survival.
func survivalChart(r calc.Result) *lineChart {
	if len(r.ProjectedSurvivalPct) == 0 {
		return nil
	}
	n := len(r.ProjectedSurvivalPct)
	x := make([]string, n)
	for i := range x {
		x[i] = strconv.Itoa(i)
	}
	c := &lineChart{
		ID: "survival-chart", Title: "Customers still active, by " + r.Period,
		Desc:   "Percent of the cohort still active after each " + r.Period + ": observed, and projected by the fitted sBG model.",
		XLabel: capitalize(r.Period), X: x, Format: percentLabel,
	}
	if len(r.ObservedSurvivalPct) > 0 {
		c.Series = append(c.Series, chartSeries{Name: "Observed", Class: "series-a", Values: decimals(r.ObservedSurvivalPct)})
	}
	c.Series = append(c.Series, chartSeries{Name: "sBG projection", Class: "series-b", Dashed: true, Values: decimals(r.ProjectedSurvivalPct)})
	return c
}

// money formats a decimal string from calc as dollars; words such as
// "never" pass through.
func money(s string) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return formatMoney(d)
}

// trimNumber drops trailing zeros of a decimal string: "4.5000" is "4.5".
func trimNumber(s string) string {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return s
	}
	return d.String()
}

func months(s string) string {
	if s == calc.Never {
		return "never"
	}
	if s == "" {
		return ""
	}
	return trimNumber(s) + " months"
}

func monthNumber(s string) string {
	if s == calc.Never || s == "" {
		return s
	}
	return "month " + s
}

func percentLabel(d decimal.Decimal) string { return d.Round(1).String() + " %" }

func decimals(ss []string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(ss))
	for i, s := range ss {
		out[i], _ = decimal.NewFromString(s)
	}
	return out
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// leverChanges are the what-if levers of the page that apply to its model.
func (p *calcPage) leverChanges() calc.Changes {
	var ch calc.Changes
	for _, l := range p.spec.levers() {
		t := strings.TrimSpace(p.text[l.Key])
		switch l.Key {
		case "wchurn":
			ch.ChurnChangePoints = calc.Number(t)
		case "wprice":
			ch.PriceChangePct = calc.Number(t)
		case "welast":
			ch.PriceElasticity = calc.Number(t)
		case "wgm":
			ch.MarginChangePoints = calc.Number(t)
		case "wcac":
			ch.CACChangePct = calc.Number(t)
		case "wbill":
			ch.AnnualBilling = t == "annual"
		}
	}
	return ch
}

// goalSeek answers a goal-seek question in words, with the value to apply.
func goalSeek(s calc.Scenario, g goalSpec) goalView {
	res, err := s.GoalSeek(calc.Goal{Input: g.Input, Metric: g.Target, Target: calc.Number(g.Value)})
	if err != nil {
		fes := calc.FieldErrors(err)
		if len(fes) > 0 {
			return goalView{ID: g.ID, Answer: "Fix the inputs first: " + fieldLabel(fes[0].Field) + ": " + fes[0].Reason + "."}
		}
		return goalView{ID: g.ID, Answer: "No answer: " + err.Error()}
	}
	if res.Status != calc.GoalReached {
		return goalView{ID: g.ID, Answer: "Unreachable: " + res.Reason + "."}
	}
	value := trimNumber(res.Value)
	shown := value + " " + g.Unit
	if g.Unit == "$" {
		shown = money(res.Value)
	} else if g.Unit == "%" {
		shown = value + " %"
	}
	return goalView{ID: g.ID, Key: g.Key, Value: value,
		Answer: fieldLabel(g.Input) + " of " + shown + " reaches the target (now " + currentOf(res, g) + ")."}
}

func currentOf(res calc.GoalResult, g goalSpec) string {
	switch g.Unit {
	case "$":
		return money(res.Current)
	case "%":
		return trimNumber(res.Current) + " %"
	}
	return trimNumber(res.Current) + " " + g.Unit
}

func fieldErrorsOf(err error) []*calc.FieldError { return calc.FieldErrors(err) }
