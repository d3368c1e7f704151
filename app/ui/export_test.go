//go:build !wasm

package ui

import (
	"bytes"
	"encoding/csv"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"ltvlab/calc"
)

func mustScenario(tb testing.TB, doc string) calc.Scenario {
	tb.Helper()
	s, err := calc.ParseScenario([]byte(doc))
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// The exported file is calc's format: it reads back as the same scenario.
func TestScenarioJSONRoundTrip(t *testing.T) {
	for _, doc := range []string{
		subScenario, purScenario,
		`{"model":"cohort","cohorts":[["100","80","70"],["50","40"]],"period":"month","margin_per_period":"10.5","discount_rate_pct":"1"}`,
	} {
		s := mustScenario(t, doc)
		b, err := scenarioJSON(s)
		if err != nil {
			t.Fatal(err)
		}
		back, err := calc.ParseScenario(b)
		if err != nil || !reflect.DeepEqual(back, s) {
			t.Errorf("scenarioJSON(%s) = %s, reads back as %+v, %v", doc, b, back, err)
		}
		if !bytes.Contains(b, []byte("\n  \"model\": ")) {
			t.Errorf("scenarioJSON is not indented:\n%s", b)
		}
	}
}

func TestProjectionCSV(t *testing.T) {
	tests := []struct {
		name     string
		doc      string
		header   string
		rows     int      // data rows
		first    []string // the first data row
		last     []string // the last data row
		contains string   // a row in between, "" for none
	}{
		// Fader & Hardie (2007), regular segment: calc's projection to the
		// 12-year horizon, with the data beside it, and the cumulative LTV
		// with each year's margin in the year's first month: years 0 to 11,
		// the horizon's 12, the last paid in month 133; year 12's survival
		// is projected, its margin past the horizon.
		{"cohort", `{"model":"cohort","survival_pct":["100","63.1","46.8","38.2","32.6","28.9","26.2","24.1"],"customers":"1000","period":"year","margin_per_period":"100","discount_rate_pct":"10","horizon_periods":"12"}`,
			"year,survival_pct,retention_pct,observed_survival_pct,fitted_survival_pct,month,cumulative_ltv", 13,
			[]string{"0", "100.00", "", "100.00", "100.00", "1", "100.00"}, []string{"12", "17.00", "94.54", "", "", "", ""}, "1,62.67,62.67,63.10,62.67,13,156.97"},
		// $100 at 80 % margin, 5 % churn: 100 % of the customers pay in
		// month 1, 95 % in month 2; the cumulative LTV grows toward $1,600:
		// 1600 (1 - 0.95^90) after 90 months. The projection stops under
		// 1 %: 0.95^89 = 1.04 %, 0.95^90 = 0.99 %.
		{"subscription", subScenario, "month,survival_pct,cumulative_ltv", 90,
			[]string{"1", "100.00", "80.00"}, []string{"90", "1.04", "1584.18"}, "2,95.00,156.00"},
		// With a horizon, the last row is the LTV.
		{"subscription horizon", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","horizon_months":"3"}`,
			"month,survival_pct,cumulative_ltv", 3, []string{"1", "100.00", "100.00"}, []string{"3", "90.25", "285.25"}, "2,95.00,195.00"},
		// Annual billing: a row per year, the annual plan's churn; each
		// year paid in its first month.
		{"subscription annual", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","billing":"annual","annual_churn_pct":"50","horizon_months":"24"}`,
			"year,month,survival_pct,cumulative_ltv", 2, []string{"1", "1", "100.00", "1200.00"}, []string{"2", "13", "50.00", "1800.00"}, ""},
		// Paid at the end of each year: in its twelfth month.
		{"subscription annual at the end", `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","billing":"annual","annual_churn_pct":"50","horizon_months":"24","cash_timing":"end"}`,
			"year,month,survival_pct,cumulative_ltv", 2, []string{"1", "12", "100.00", "1200.00"}, []string{"2", "24", "50.00", "1800.00"}, ""},
		// $100 a year for 3 years.
		{"purchase", purScenario, "year,month,survival_pct,cumulative_ltv", 3,
			[]string{"1", "12", "100.00", "100.00"}, []string{"3", "36", "100.00", "300.00"}, "2,24,100.00,200.00"},
		// 30 % annual churn: 3.3333 years, the last one a third, ending in
		// month 40.
		{"purchase churn", `{"model":"purchase","average_order_value":"50","purchases_per_year":"2","annual_churn_pct":"30","gross_margin_pct":"50"}`,
			"year,month,survival_pct,cumulative_ltv", 4, []string{"1", "12", "100.00", "50.00"}, []string{"4", "40", "33.33", "166.67"}, "3,36,100.00,150.00"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := projectionCSV(mustScenario(t, tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasSuffix(b, []byte("\r\n")) || !bytes.HasPrefix(b, []byte(tt.header+"\r\n")) {
				t.Errorf("CSV does not start with %q and CRLF lines:\n%q", tt.header, b[:min(len(b), 200)])
			}
			rows, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			data := rows[1:]
			if len(data) != tt.rows {
				t.Fatalf("%d rows, want %d:\n%s", len(data), tt.rows, b)
			}
			if !reflect.DeepEqual(data[0], tt.first) || !reflect.DeepEqual(data[len(data)-1], tt.last) {
				t.Errorf("first row %q, last %q; want %q, %q", data[0], data[len(data)-1], tt.first, tt.last)
			}
			if tt.contains != "" && !strings.Contains(string(b), "\r\n"+tt.contains+"\r\n") {
				t.Errorf("no row %q in\n%s", tt.contains, b)
			}
			if _, body, _ := bytes.Cut(b, []byte("\n")); bytes.ContainsAny(body, "eE") {
				t.Errorf("a figure in exponent form:\n%s", b)
			}
		})
	}
}

// Customers who never leave: the projection ends after 20 years of months.
func TestProjectionCSVLength(t *testing.T) {
	b, err := projectionCSV(mustScenario(t, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"0","discount_rate_annual_pct":"8"}`))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(b, []byte("\r\n")) - 1; n != maxProjectionMonths {
		t.Errorf("%d rows, want %d", n, maxProjectionMonths)
	}
}

func TestProjectionCSVBadInputs(t *testing.T) {
	_, err := projectionCSV(mustScenario(t, `{"model":"subscription","arpa_monthly":"x"}`))
	if calc.ErrorFor(err, calc.FieldARPAMonthly) == nil {
		t.Errorf("projectionCSV(bad ARPA) = %v, want calc's field error", err)
	}
}

func BenchmarkProjectionCSV(b *testing.B) {
	s := mustScenario(b, `{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"0.5","discount_rate_annual_pct":"8"}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := projectionCSV(s); err != nil {
			b.Fatal(err)
		}
	}
}

// TestProjectionCSVAgreesWithChart: where the export and the chart of
// cumulative margin name the same month, they give the same figure.
func TestProjectionCSVAgreesWithChart(t *testing.T) {
	for _, doc := range []string{
		`{"model":"cohort","survival_pct":["100","63.1","46.8","38.2","32.6","28.9","26.2","24.1"],"customers":"1000","period":"year","margin_per_period":"100","discount_rate_pct":"10","cac":"150"}`,
		`{"model":"cohort","survival_pct":["100","63.1","46.8","38.2","32.6","28.9","26.2","24.1"],"customers":"1000","period":"month","margin_per_period":"100","discount_rate_pct":"1","cac":"400"}`,
		`{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","gross_margin_pct":"80","discount_rate_annual_pct":"10","cac":"400"}`,
		`{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","billing":"annual","annual_churn_pct":"30","cac":"1500"}`,
		`{"model":"subscription","arpa_monthly":"100","monthly_churn_pct":"5","billing":"annual","annual_churn_pct":"30","cash_timing":"end","cac":"1500"}`,
		`{"model":"purchase","average_order_value":"50","purchases_per_year":"2","annual_churn_pct":"30","gross_margin_pct":"50","cac":"100"}`,
	} {
		s := mustScenario(t, doc)
		r, err := s.Evaluate()
		if err != nil {
			t.Fatal(err)
		}
		chart := map[string]string{}
		for i, m := range r.PaybackCurveMonths {
			chart[m] = r.PaybackCurve[i]
		}
		b, err := projectionCSV(s)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := csv.NewReader(bytes.NewReader(b)).ReadAll()
		month, ltv := -1, len(rows[0])-1
		for i, h := range rows[0] {
			if h == "month" {
				month = i
			}
		}
		compared := 0
		for _, row := range rows[1:] {
			if want, ok := chart[row[month]]; ok {
				compared++
				if row[ltv] != want {
					t.Errorf("%s\nmonth %s: the export says %s, the chart %s", doc, row[month], row[ltv], want)
				}
			}
		}
		if compared < 2 {
			t.Errorf("%s: %d months in common between the export and the chart", doc, compared)
		}
	}
}

// TestLargeScenarioFileOpens: the file of a scenario at calc's limits (the
// Share dialog offers it for figures too large for a link) opens again,
// in the browser and in the eval command: 100,000 counts, and the
// longest counts calc reads.
func TestLargeScenarioFileOpens(t *testing.T) {
	rows, _ := cohortTable(1000, 100)
	longest := make([][]calc.Number, 1000)
	for i := range longest {
		longest[i] = make([]calc.Number, 100)
		for j := range longest[i] {
			longest[i][j] = calc.Number("-999999999999999.0000000000")[1:] // 15 digits and 10 places
		}
		longest[i][0] = "999999999999999.0000000000"
	}
	p := newCalcPage(cohortSpec)
	p.load(url.Values{"surv": {""}, "coh": {rows}})
	for _, s := range []calc.Scenario{p.withWhatIf(), {Model: calc.ModelCohort, Cohorts: longest, MarginPerPeriod: "1"}} {
		b, err := scenarioJSON(s)
		if err != nil {
			t.Fatal(err)
		}
		back, err := parseImport(b)
		if err != nil || !reflect.DeepEqual(back.Cohorts, s.Cohorts) {
			t.Errorf("a file of %d bytes: %v", len(b), err)
		}
		if len(b) > calc.MaxScenarioBytes {
			t.Errorf("a file of %d bytes, over the %d calc reads", len(b), calc.MaxScenarioBytes)
		}
	}
}

// TestCSVField: rows of fields written with csvField read back, with
// encoding/csv's Reader, as the same fields.
func TestCSVField(t *testing.T) {
	rows := [][]string{
		{"plain", "-12.50", "", "1,234.00"},
		{`say "hi"`, "line\r\nbreak", " leading space", "\ttab"},
		{`"`, ",", "\n", "month"},
	}
	var lines []string
	for _, row := range rows {
		fields := make([]string, len(row))
		for i, f := range row {
			fields[i] = csvField(f)
		}
		lines = append(lines, strings.Join(fields, ",")+"\r\n")
	}
	b := []byte(strings.Join(lines, ""))
	r := csv.NewReader(bytes.NewReader(b))
	got, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%q: %v", b, err)
	}
	if len(got) != len(rows) {
		t.Fatalf("%d rows read back, want %d: %q", len(got), len(rows), b)
	}
	for i := range rows {
		for j := range rows[i] {
			// encoding/csv reads a quoted field's \r\n as \n.
			want := strings.ReplaceAll(rows[i][j], "\r\n", "\n")
			if got[i][j] != want {
				t.Errorf("row %d field %d: read back %q, want %q", i, j, got[i][j], want)
			}
		}
	}
	if csvField("-12.50") != "-12.50" || csvField("plain") != "plain" {
		t.Error("a field with nothing to quote was quoted")
	}
}
