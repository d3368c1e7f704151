//go:build !wasm

package ui

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"

	"ltvlab/app/internal/orderdata"
	"ltvlab/calc"
)

// fitOrders does natively what the page's work does with data: the orders
// up to end, weekly, fitted and valued over horizon weeks at margin % and
// a 10 % discount rate.
func fitOrders(t *testing.T, data []byte, end string, horizon, margin int64) (*calc.Orders, *calc.CustomerBase, calc.OrderModels, *calc.Valuation) {
	t.Helper()
	o, err := calc.ReadOrders(bytes.NewReader(data), calc.OrderOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	day, ok := calc.ParseDay(end)
	if !ok {
		t.Fatalf("the day %q", end)
	}
	b, err := o.Summarize(day, calc.PeriodWeek, nil)
	if err != nil {
		t.Fatal(err)
	}
	m, err := calc.FitOrderModels(b, nil)
	if err != nil {
		t.Fatal(err)
	}
	v, err := calc.Value(b, m, calc.ValueSettings{Horizon: int(horizon), MarginPct: decimal.NewFromInt(margin), DiscountPct: decimal.NewFromInt(10)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return o, b, m, v
}

// fittedPage is the transactions page holding calc's results for a
// simulated file, as the work leaves them.
func fittedPage(t *testing.T) *transactionsPage {
	t.Helper()
	o, b, m, v := fitOrders(t, orderdata.Simulate(600, orderdata.Small, 4), "2023-09-01", 52, 100)
	p := newTransactionsPage()
	p.orders, p.base, p.models, p.val, p.fileName = newTxOrders(o), b, &m, v, "orders.csv"
	for i, c := range v.Customers {
		r := b.Customers[c.Record]
		p.rows = append(p.rows, txRow{i: i, x: r.X, clv: c.CLV.InexactFloat64(), pAlive: c.PAlive, id: r.ID})
	}
	return p
}

// TestTransactionsPageRenders: the page renders every section from calc's
// results, natively, with the top customers in order of CLV.
func TestTransactionsPageRenders(t *testing.T) {
	p := fittedPage(t)
	e := app.NewTestEngine()
	if err := e.Load(p); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
	html := app.HTMLString(p)
	for _, want := range []string{`id="tx-params"`, `id="tx-top"`, `id="tx-byfreq"`, `id="tx-use"`, `id="tx-alive"`, "Holdout check", `aria-sort="descending"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the page lacks %s", want)
		}
	}
	top := p.top()
	if len(top) != txTopRows {
		t.Fatalf("%d top rows", len(top))
	}
	for i := 1; i < len(top); i++ {
		if top[i].clv > top[i-1].clv {
			t.Fatalf("top rows out of order at %d: %v > %v", i, top[i].clv, top[i-1].clv)
		}
	}
	p.sortKey, p.sortAsc = "palive", true
	top = p.top()
	for i := 1; i < len(top); i++ {
		if top[i].pAlive < top[i-1].pAlive {
			t.Fatalf("ascending P(alive) out of order at %d", i)
		}
	}
}

// TestTransactionsSettings: the settings as typed, their defaults and
// their errors; the URL carries them and the locale, never the data.
func TestTransactionsSettings(t *testing.T) {
	p := newTransactionsPage()
	s, err := p.settings()
	if err != nil || s.end != -1 || s.value.Horizon != 52 || s.value.MarginPct.String() != "100" || s.value.DiscountPct.String() != "10" {
		t.Errorf("defaults: %+v, %v", s, err)
	}
	p.period = calc.PeriodMonth
	if s, _ := p.settings(); s.value.Horizon != 12 {
		t.Errorf("a year of months: %d", s.value.Horizon)
	}
	p.loc.Lang = "fr"
	p.end, p.horizon, p.margin, p.discount = "2024-02-30", "1,5", "120", "-1"
	_, err = p.settings()
	for _, f := range []string{"end", "horizon", "margin", "discount"} {
		if calc.ErrorFor(err, f) == nil {
			t.Errorf("%s: no error in %v", f, err)
		}
	}
	p.end, p.horizon, p.margin, p.discount = "2024-02-29", "6", "37,5", "8"
	s, err = p.settings()
	if err != nil || s.value.MarginPct.String() != "37.5" || s.value.Horizon != 6 {
		t.Errorf("French figures: %+v, %v", s, err)
	}
	q := p.query().Encode()
	if q != "cur=USD&discount=8&end=2024-02-29&horizon=6&lang=fr&margin=37%2C5&period=month" {
		t.Errorf("query %s", q)
	}
}

// TestCustomersCSV: every customer, with cells a spreadsheet cannot run
// as formulas.
func TestCustomersCSV(t *testing.T) {
	p := fittedPage(t)
	out := string(customersCSV(p.base, p.val, func(int) bool { return true }))
	lines := strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n")
	if len(lines) != len(p.val.Customers)+1 || !strings.HasPrefix(lines[0], "customer,frequency,recency,T,") {
		t.Errorf("%d lines, header %q", len(lines), lines[0])
	}
	for _, c := range []struct{ in, want string }{{"=cmd|' /C calc'!A0", `'=cmd|' /C calc'!A0`}, {"a,b", `"a,b"`}, {`say "hi"`, `"say ""hi"""`}, {"-2+3", "'-2+3"}, {"ann@example.com", "ann@example.com"}} {
		if got := csvCell(c.in); got != c.want {
			t.Errorf("csvCell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	if customersCSV(p.base, p.val, func(i int) bool { return i < 3 }) != nil {
		t.Error("a cancelled export returned data")
	}
}

// TestWarmTransactions: the warm-up's made-up file goes through every stage
// (a stage that failed would leave its code for the page to compile).
func TestWarmTransactions(t *testing.T) {
	p, err := warmTransactions(300)
	if err != nil {
		t.Fatal(err)
	}
	if p.val == nil || p.val.Holdout == nil || len(p.rows) == 0 {
		t.Fatalf("warm-up stopped early: %+v", p.val)
	}
}

// TestRelaxGC: the collector is relaxed while any work runs, and put back
// as it was when the last one ends, whichever ends first.
func TestRelaxGC(t *testing.T) {
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	gcPercent := func() int {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}
	endA := relaxGC()
	endB := relaxGC()
	if got := gcPercent(); got != 400 {
		t.Errorf("GOGC %d while two works run, want 400", got)
	}
	endA()
	if got := gcPercent(); got != 400 {
		t.Errorf("GOGC %d while one work still runs, want 400", got)
	}
	endB()
	if got := gcPercent(); got != 100 {
		t.Errorf("GOGC %d after the works, want 100 as before", got)
	}
}

// TestFitReasonsKnown: every reason calc gives why a model cannot be fitted
// (the reasons of its noFit calls) is in fitReasons, so that the order page
// shows it translated, and fitReasons holds no reason calc no longer gives.
func TestFitReasonsKnown(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "calc", "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("calc's files: %v %v", files, err)
	}
	given := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			if id, isID := call.Fun.(*ast.Ident); !isID || id.Name != "noFit" || len(call.Args) != 2 {
				return true
			}
			lit, ok := call.Args[1].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Errorf("%s: a noFit reason that is not a string literal", fset.Position(call.Pos()))
				return true
			}
			s, _ := strconv.Unquote(lit.Value)
			given[s] = true
			return true
		})
	}
	if len(given) < 10 {
		t.Fatalf("found only %d reasons in calc: the scan is broken", len(given))
	}
	for r := range given {
		if !slices.Contains(fitReasons, r) {
			t.Errorf("calc gives the reason %q, which fitReasons lacks: the page would show it in English", r)
		}
	}
	for _, r := range fitReasons {
		if !given[r] {
			t.Errorf("fitReasons has %q, which calc no longer gives", r)
		}
	}
}

// TestFitErrorTexts: a model that cannot be fitted is said in the page's
// language, with what usually causes it.
func TestFitErrorTexts(t *testing.T) {
	p := newTransactionsPage()
	p.loc = locale{Lang: "fr", Currency: "EUR"}
	if !hasCatalog("fr") {
		t.Fatal("no French catalog: the native build embeds them")
	}
	err := &calc.FieldError{Field: "bgnbd", Code: calc.CodeNoFit, Reason: "the repeat-purchase model did not converge on these data"}
	got := p.errorTexts(err)
	want := []string{
		"Les modèles ne peuvent pas être ajustés à ces commandes : le modèle des achats répétés n'a pas convergé sur ces données",
		"Cela arrive avec peu de clients, ou quand tous achètent à peu près au même rythme et qu'aucun ne semble avoir cessé d'acheter : le modèle n'a alors rien à mesurer. Un historique plus long ou davantage de clients lui donnent de quoi travailler.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errorTexts:\n%q\nwant\n%q", got, want)
	}
}

// TestFileReasons: the files that calc refuses with a fixed reason give
// the reasons of fileReasons, word for word, so that the page shows them
// translated.
func TestFileReasons(t *testing.T) {
	files := map[string][]byte{
		"the file is empty": nil,
		"the file is UTF-16 text: save it as UTF-8 (CSV UTF-8 in spreadsheets)":                                           append([]byte{0xFF, 0xFE}, "c\x00,\x00d\x00\n\x00"...),
		"only one column found: separate the columns with commas, semicolons or tabs, with a header row first":            []byte("customer\na\nb\n"),
		"the file is not text: export the orders as CSV (a spreadsheet workbook such as .xlsx, an image or a PDF is not)": []byte("PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml"),
	}
	for _, want := range fileReasons {
		data, ok := files[want]
		if !ok {
			t.Errorf("no file for the reason %q", want)
			continue
		}
		_, err := calc.ReadOrders(bytes.NewReader(data), calc.OrderOptions{}, nil)
		fes := calc.FieldErrors(err)
		if len(fes) != 1 || fes[0].Field != "file" || fes[0].Reason != want {
			t.Errorf("ReadOrders(%q): %v, want the file's reason %q", data, err, want)
		}
	}
}

// TestFileErrorsTranslated: the files calc refuses for a row, a column, a
// limit or the order of day and month are told in the page's language,
// with the row, the column and the file's columns; none is left in calc's
// English.
func TestFileErrorsTranslated(t *testing.T) {
	fr := localeFrom(url.Values{"lang": {"fr"}})
	longRow := "customer,date,amount\na,2024-01-02,\"" + strings.Repeat("x", calc.MaxRecordBytes+1) + "\"\n"
	wide := "customer,date,amount\na,2024-01-02,5" + strings.Repeat(",", calc.MaxColumns) + "\n"
	tests := []struct {
		name, data string
		opt        calc.OrderOptions
		dateOrder  string
		want       string // in French
	}{
		{"quote not closed", "customer,date,amount\na,2024-01-02,5\nb,2024-01-03,\"6\n", calc.OrderOptions{}, "",
			"Le fichier ne peut pas être lu comme un tableau de commandes : ligne 3 : un champ qui s'ouvre par un guillemet (\") n'est pas fermé par un autre"},
		{"row too long", longRow, calc.OrderOptions{}, "", "la ligne 2 dépasse 256 Kio"},
		{"too many columns", wide, calc.OrderOptions{}, "", "la ligne 2 a plus de " + fr.number("1000") + " colonnes"},
		{"no amount column", "client,date,note\na,2024-01-02,x\n", calc.OrderOptions{}, "",
			"Aucune colonne n'a été trouvée pour « Montant » : choisissez-la dans ce menu ; les colonnes du fichier sont client, date, note."},
		{"asked column missing", "customer,date,amount\na,2024-01-02,5\n", calc.OrderOptions{Amount: "total"}, "",
			"Il n'y a pas de colonne « total » pour « Montant » : les colonnes du fichier sont customer, date, amount."},
		{"dates mixed", "customer,date,amount\na,13/01/2024,5\nb,01/13/2024,6\n", calc.OrderOptions{}, calc.DateOrderAuto,
			"Les dates mélangent jour en premier (ligne 2 : 13/01/2024) et mois en premier (ligne 3 : 01/13/2024) : choisissez l'ordre sous « Dates comme 03/04/2024 »."},
	}
	p := newTransactionsPage()
	p.loc = fr
	for _, tt := range tests {
		o, err := calc.ReadOrders(strings.NewReader(tt.data), tt.opt, nil)
		if err == nil && tt.dateOrder != "" {
			err = o.SetDateOrder(tt.dateOrder)
		}
		if err == nil {
			t.Errorf("%s: calc read the file", tt.name)
			continue
		}
		got := strings.Join(p.errorTexts(err), "\n")
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s: %q\nwant it to contain %q", tt.name, got, tt.want)
		}
	}
}

// TestConvertHorizon: a new period keeps the horizon's length in time, and
// says so; an empty horizon (a year in any period) or one with an error
// stays as typed.
func TestConvertHorizon(t *testing.T) {
	tests := []struct{ horizon, from, to, want, note string }{
		{"26", calc.PeriodWeek, calc.PeriodMonth, "6", "Horizon converted: 26 weeks ≈ 6 months."},
		{"6", calc.PeriodMonth, calc.PeriodWeek, "26", "Horizon converted: 6 months ≈ 26 weeks."},
		{"365", calc.PeriodDay, calc.PeriodWeek, "52", "Horizon converted: 365 days ≈ 52 weeks."},
		{"1", calc.PeriodDay, calc.PeriodMonth, "1", "Horizon converted: 1 day ≈ 1 month."},
		{"", calc.PeriodWeek, calc.PeriodMonth, "", ""},
		{"ten", calc.PeriodWeek, calc.PeriodMonth, "ten", ""},
	}
	for _, tt := range tests {
		p := newTransactionsPage()
		p.horizon, p.period = tt.horizon, tt.from
		p.convertHorizon(tt.from, tt.to)
		if p.horizon != tt.want || p.periodNote != tt.note {
			t.Errorf("%q %s -> %s: %q, note %q; want %q, %q", tt.horizon, tt.from, tt.to, p.horizon, p.periodNote, tt.want, tt.note)
		}
	}
}
