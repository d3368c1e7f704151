//go:build !wasm

package ui

import (
	"math"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"ltvlab/calc"
)

// cohortTable is a pasted cohort table of rows cohorts of width counts
// each (the cohort size, then who is left after each period), tab-separated
// as a spreadsheet copies it, with its last count last.
func cohortTable(rows, width int) (text, last string) {
	var b strings.Builder
	for i := range rows {
		n := float64(99000 + i)
		for t := range width {
			if t > 0 {
				b.WriteByte('\t')
				n = math.Floor(n * (0.97 - 0.1/float64(t+3)))
			}
			last = strconv.FormatFloat(n, 'f', 0, 64)
			b.WriteString(last)
		}
		b.WriteByte('\n')
	}
	return b.String(), last
}

// TestBigPasteReadWhole: a cohort table over 200,000 bytes (800 rows of 60
// counts, as in the report that found it cut at 200,000 bytes, inside a
// count) is read whole: every row, the last count as written, and the
// figures calc gives for the whole table. The same at the limits, 100,000
// counts.
func TestBigPasteReadWhole(t *testing.T) {
	for _, size := range []struct{ rows, width int }{{800, 60}, {1000, 100}, {1200, 83}} {
		text, last := cohortTable(size.rows, size.width)
		p := newCalcPage(cohortSpec)
		p.load(url.Values{"surv": {""}, "coh": {text}, "per": {calc.PeriodMonth}})
		if p.err != nil {
			t.Fatalf("%d x %d (%d bytes): %v", size.rows, size.width, len(text), p.err)
		}
		s := p.scenario()
		if len(s.Cohorts) != size.rows || len(s.Cohorts[size.rows-1]) != size.width || string(s.Cohorts[size.rows-1][size.width-1]) != last {
			t.Fatalf("%d x %d: read %d rows, the last of %d counts ending %q; want %d, %d, %q",
				size.rows, size.width, len(s.Cohorts), len(s.Cohorts[len(s.Cohorts)-1]), s.Cohorts[len(s.Cohorts)-1][len(s.Cohorts[len(s.Cohorts)-1])-1],
				size.rows, size.width, last)
		}
		whole := calc.Scenario{Model: calc.ModelCohort, Cohorts: parseTable(text), Period: calc.PeriodMonth, MarginPerPeriod: "100",
			DiscountRatePct: "10", HorizonPeriods: "12", Renewals: "0", CAC: "100"}
		r, err := whole.Evaluate()
		if err != nil {
			t.Fatal(err)
		}
		if want := defaultLocale.money(r.LTV); p.view.LTV != want {
			t.Errorf("%d x %d: LTV %s, want %s from the whole table", size.rows, size.width, p.view.LTV, want)
		}
	}
}

// TestTableLimits: a table over calc's limits gets a message under its
// field that says by how much, in the page's language, and nothing is
// computed from part of it. (Natively every language formats figures as
// English does; the browser test shows them in each language's way.)
func TestTableLimits(t *testing.T) {
	row := func(n int) string { return strings.Repeat("9\t", n-1) + "9\n" }
	col := func(n int) string { return strings.Repeat("9\n", n) }
	tests := []struct {
		name, key, text string
		want            map[string]string // message by language
	}{
		{"1,201 rows", "coh", strings.Repeat("10\t5\n", 1201), map[string]string{
			"en": "1,201 rows: a cohort table has at most 1,200, one for each cohort.",
			"fr": "1,201 lignes : un tableau de cohortes en compte au plus 1,200, une par cohorte."}},
		{"100,001 counts", "coh", strings.Repeat(row(1000), 100) + "9\n", map[string]string{
			"en": "100,001 figures: a cohort table holds at most 100,000 in all.",
			"ro": "100,001 de valori: un tabel de cohorte conține cel mult 100,000 în total."}},
		{"a row of 1,202", "coh", row(20) + row(1202), map[string]string{
			"en": "Row 2 has 1,202 figures: a cohort has at most 1,201, its size and 1,200 periods.",
			"th": "แถวที่ 2 มี 1,202 ค่า แต่หนึ่งโคฮอร์ตมีได้ไม่เกิน 1,201 ค่า คือขนาดของโคฮอร์ตและอีก 1,200 ช่วง"}},
		{"a curve of 1,202", "surv", "100\n" + col(1201), map[string]string{
			"en": "1,202 figures: a survival curve has at most 1,201, period 0 and 1,200 periods."}},
		{"a curve of 1,500 in a row", "surv", "100 " + row(1499), map[string]string{
			"en": "1,500 figures: a survival curve has at most 1,201, period 0 and 1,200 periods."}},
		{"9 MB", "coh", "100 50 20\n" + strings.Repeat(" ", 9<<20) + "100 50 20", map[string]string{
			"en": "This text is 9 MB: a table may be at most 8 MB.",
			"fr": "Ce texte fait 9 Mo : un tableau fait au plus 8 Mo."}},
	}
	for _, tt := range tests {
		for lang, want := range tt.want {
			q := url.Values{tt.key: {tt.text}, "lang": {lang}}
			if tt.key == "coh" {
				q.Set("surv", "")
			}
			p := newCalcPage(cohortSpec)
			p.load(q)
			var in inputSpec
			for _, i := range cohortSpec.Inputs {
				if i.Key == tt.key {
					in = i
				}
			}
			if got := p.errorMessage(in); got != want || !p.stale || len(calc.FieldErrors(p.err)) != 1 {
				t.Errorf("%s in %s: message %q (errors %v, out of date %v), want only %q", tt.name, lang, got, p.err, p.stale, want)
			}
		}
	}
}

// TestTableAtLimits: the largest tables calc takes are read and computed.
func TestTableAtLimits(t *testing.T) {
	curve := make([]string, calc.MaxPeriods+1)
	for i := range curve {
		curve[i] = strconv.FormatFloat(100*math.Pow(0.999, float64(i)), 'f', 2, 64)
	}
	rows, _ := cohortTable(calc.MaxCohorts, calc.MaxCohortValues/calc.MaxCohorts)
	for _, q := range []url.Values{
		{"surv": {strings.Join(curve, "\n")}, "hzp": {"1200"}},
		{"surv": {strings.Join(curve, " ")}},
		{"surv": {""}, "coh": {rows}},
		{"surv": {""}, "coh": {"10\t" + strings.Repeat("9\t", calc.MaxPeriods-1) + "8\n10\t9\t8\n"}},
	} {
		p := newCalcPage(cohortSpec)
		p.load(q)
		if p.err != nil {
			t.Errorf("%.80s: %v", q.Encode(), p.err)
		}
	}
}

// TestScanTableCounts: the counts go on past the rows kept.
func TestScanTableCounts(t *testing.T) {
	text := strings.Repeat("1 2 3\n", 50_000) + "\n\n" + strings.Repeat("4 ", 30) + "\n"
	got, ok := scanTable(text, nil)
	if !ok || got.Lines != 50_001 || got.Figures != 150_030 || got.LongestRow != 30 || got.LongestAt != 50_001 || got.TooBig {
		t.Errorf("scanTable: %d lines, %d figures, longest %d at %d, too big %v; want 50,001, 150,030, 30 at 50,001",
			got.Lines, got.Figures, got.LongestRow, got.LongestAt, got.TooBig)
	}
	kept := 0
	for _, r := range got.Rows {
		kept += len(r)
	}
	if kept != calc.MaxCohortValues+1 && len(got.Rows) != max(calc.MaxCohorts, calc.MaxPeriods+1)+1 {
		t.Errorf("kept %d figures in %d rows, want one past a limit", kept, len(got.Rows))
	}
	calls := 0
	if _, ok := scanTable(text, func() bool { calls++; return calls > 3 }); ok || calls != 4 {
		t.Errorf("scanTable stopped: %v after %d questions, want it to stop at the 4th", ok, calls)
	}
}

// BenchmarkTableKeystroke is a keystroke in another field of the cohort
// calculator with a table of 100,000 counts loaded: the table is not read
// or fitted again.
func BenchmarkTableKeystroke(b *testing.B) {
	rows, _ := cohortTable(1000, 100)
	p := newCalcPage(cohortSpec)
	p.load(url.Values{"surv": {""}, "coh": {rows}, "per": {calc.PeriodMonth}})
	if p.err != nil {
		b.Fatal(p.err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p.text["m"] = strconv.Itoa(100 + i%9)
		i++
		p.compute()
		if p.err != nil {
			b.Fatal(p.err)
		}
	}
}
