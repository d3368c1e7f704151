package ui

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"ltvlab/calc"
)

// scenarioJSON is a scenario as a file in calc's format (calc/SCENARIO.md):
// what `ltvlab eval` reads and the import reads back. It is indented for
// reading, unless its data have more than compactFigures figures: it is
// then compact, which keeps the largest tables calc takes under the size
// of a document calc reads.
func scenarioJSON(s calc.Scenario) ([]byte, error) {
	n := len(s.SurvivalPct) + len(s.SurvivalCounts)
	for _, c := range s.Cohorts {
		n += len(c)
	}
	marshal := func(v any) ([]byte, error) { return json.MarshalIndent(v, "", "  ") }
	if n > compactFigures {
		marshal = json.Marshal
	}
	b, err := marshal(s)
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// compactFigures: see scenarioJSON.
const compactFigures = 1000

// scenarioFileName is the name of the exported scenario of a model.
func scenarioFileName(model string) string { return "ltv-scenario-" + model + ".json" }

// projectionFileName is the name of the exported projection of a model.
func projectionFileName(model string) string { return "ltv-projection-" + model + ".csv" }

// The projections end at a horizon, or once fewer than survivalCutoff
// percent of the customers are left, and at most after these many periods:
// 20 years of months (calc evaluates each cumulative LTV anew), 100 years.
const (
	maxProjectionMonths = 240
	maxProjectionYears  = 100
)

// survivalCutoff: see above.
var survivalCutoff = decimal.NewFromInt(1)

// projectionCSV is the projection of a scenario, one row per period, as CSV
// (RFC 4180: a header line, CRLF line ends). Every figure is a decimal
// string, as calc gives it: percentages and money to 2 places. A "month"
// column says in which month a row's cumulative value is reached, as the
// chart of cumulative margin and the cohort payback count months: a
// period's margin counts in the month it is paid (calc.Result's
// PaybackCurveMonths), so the three agree:
//
//   - cohort: by period counted from 0, calc's projected survival,
//     retention, the observed and fitted survival where there are data, and
//     the cumulative LTV with that period's margin, counted in its month;
//   - subscription: by month (by year under annual billing, counted from 1),
//     the share of subscribers paying in it and the cumulative LTV to it,
//     which calc computes with that horizon;
//   - purchase: by year counted from 1, a customer buys for the whole
//     lifetime, so survival is 100 % in each full year and the share of the
//     last year still bought in, with the cumulative LTV to the end of it.
//
// It returns calc's errors when the scenario does not evaluate.
func projectionCSV(s calc.Scenario) ([]byte, error) {
	r, err := s.Evaluate()
	if err != nil {
		return nil, err
	}
	var rows [][]string
	switch r.Model {
	case calc.ModelCohort:
		rows = cohortProjection(r)
	case calc.ModelSubscription:
		rows, err = subscriptionProjection(s, r)
	case calc.ModelPurchase:
		rows, err = purchaseProjection(s, r)
	}
	if err != nil {
		return nil, err
	}
	var b []byte
	for _, row := range rows {
		for i, f := range row {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, csvField(f)...)
		}
		b = append(b, "\r\n"...)
	}
	return b, nil
}

// csvField is s as one field of a CSV file (RFC 4180): quoted, its quotes
// doubled, when it holds a comma, a quote or a line end, or starts with a
// space. (encoding/csv's Writer would add about 2 kB of Brotli to app.wasm
// for this.)
func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\r\n") || strings.HasPrefix(s, " ") || strings.HasPrefix(s, "\t") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func cohortProjection(r calc.Result) [][]string {
	rows := [][]string{{r.Period, "survival_pct", "retention_pct", "observed_survival_pct", "fitted_survival_pct", "month", "cumulative_ltv"}}
	at := func(ss []string, i int) string {
		if i >= 0 && i < len(ss) {
			return ss[i]
		}
		return ""
	}
	for i, surv := range r.ProjectedSurvivalPct {
		// Period i's margin is point i + 1 of the payback curve.
		rows = append(rows, []string{strconv.Itoa(i), surv, at(r.RetentionPct, i-1), at(r.ObservedSurvivalPct, i), at(r.FittedSurvivalPct, i),
			at(r.PaybackCurveMonths, i+1), at(r.PaybackCurve, i+1)})
	}
	return rows
}

// countedMonth is the month in which the margin of period k (from 1) of
// per months counts: its first month, or its last when paid at the end.
func countedMonth(k, per int64, timing string) int64 {
	if timing == calc.TimingEnd {
		return per * k
	}
	return per*(k-1) + 1
}

func subscriptionProjection(s calc.Scenario, r calc.Result) ([][]string, error) {
	months, churnPct := int64(1), string(s.MonthlyChurnPct)
	header := []string{"month", "survival_pct", "cumulative_ltv"}
	if r.Billing == calc.BillingAnnual {
		months, churnPct = 12, r.AnnualChurnPct
		header = []string{"year", "month", "survival_pct", "cumulative_ltv"}
	}
	churn, err := decimal.NewFromString(churnPct)
	if err != nil {
		return nil, err
	}
	retention := decimal.NewFromInt(1).Sub(churn.Shift(-2))
	periods, horizon := int64(maxProjectionMonths), int64(0)
	if months == 12 {
		periods = maxProjectionYears
	}
	if h, err := strconv.ParseInt(string(s.HorizonMonths), 10, 64); err == nil && h > 0 {
		horizon = (h + months - 1) / months
		periods = min(periods, horizon)
	}
	rows := [][]string{header}
	surv := decimal.NewFromInt(100)
	for k := int64(1); k <= periods; k++ {
		if horizon == 0 && surv.Cmp(survivalCutoff) < 0 {
			break
		}
		at := s
		at.HorizonMonths = calc.Number(strconv.FormatInt(k*months, 10))
		ar, err := at.Evaluate()
		if err != nil {
			return nil, err
		}
		month := strconv.FormatInt(countedMonth(k, months, r.CashTiming), 10)
		row := []string{month, surv.StringFixed(2), ar.LTV}
		if months == 12 {
			row = []string{strconv.FormatInt(k, 10), month, surv.StringFixed(2), ar.LTV}
		}
		rows = append(rows, row)
		surv = surv.Mul(retention).Round(20)
	}
	return rows, nil
}

func purchaseProjection(s calc.Scenario, r calc.Result) ([][]string, error) {
	lifetime, err := decimal.NewFromString(r.Lifetime)
	if err != nil {
		return nil, err
	}
	years := lifetime.Ceil().IntPart()
	years = min(years, maxProjectionYears)
	// The margin accrues month by month: the last month is the lifetime's.
	lastMonth := lifetime.Mul(decimal.NewFromInt(12)).Ceil().IntPart()
	rows := [][]string{{"year", "month", "survival_pct", "cumulative_ltv"}}
	for k := int64(1); k <= years; k++ {
		left := lifetime.Sub(decimal.NewFromInt(k - 1))
		surv, ltv := "100.00", r.LTV
		if left.Cmp(decimal.NewFromInt(1)) > 0 {
			// A customer still there at the end of year k: calc's LTV of a
			// lifetime of k years.
			at := s
			at.LifetimeYears = calc.Number(strconv.FormatInt(k, 10))
			at.AnnualChurnPct, at.TotalCustomerYears = "", ""
			ar, err := at.Evaluate()
			if err != nil {
				return nil, err
			}
			ltv = ar.LTV
		} else {
			surv = left.Shift(2).StringFixed(2)
		}
		rows = append(rows, []string{strconv.FormatInt(k, 10), strconv.FormatInt(min(12*k, lastMonth), 10), surv, ltv})
	}
	return rows, nil
}
