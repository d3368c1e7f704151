//go:build !wasm

package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/shopspring/decimal"

	"ltvlab/app/internal/orderdata"
	"ltvlab/app/internal/webtest"
	"ltvlab/calc"
)

// TestBrowserTransactions chooses an order file on /transactions in
// Chromium and checks what the page shows against calc's own figures for
// the same file and settings: the customers, the total value, the top
// customer, the sorting, the link to the purchase calculator, the URL
// (settings, never data); then axe and the keyboard.
func TestBrowserTransactions(t *testing.T) {
	base := serveSite(t)
	axe := axeSource(t)
	ctx := newTabFor(t, 90*time.Second)
	data := orderdata.Simulate(2400, orderdata.Small, 1)
	path := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	// What calc makes of it, natively.
	_, b, m, v := fitOrders(t, data, "2023-10-01", 26, 40)
	best := v.Customers[0]
	for _, c := range v.Customers[1:] {
		if c.CLV.GreaterThan(best.CLV) {
			best = c
		}
	}

	url := base + "/transactions?lang=en&end=2023-10-01&horizon=26&margin=40"
	if err := chromedp.Do(ctx, chromedp.Navigate(url), waitApp(),
		chromedp.SetUploadFiles(`#tx-file`, []string{path})); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#tx-progress", "done in"); err != nil {
		status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("tx-status").textContent`))
		t.Fatalf("the fit did not finish: %v (status %q)", err, status)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ltvOrderWorkerJobs || 0`)); n != 1 {
		t.Errorf("%d fits by the order worker, want 1: the page did the work itself", n)
	}
	l := locale{Lang: "en", Currency: "USD"}
	wantTotal := l.tr("All {0} customers together: {1} over the horizon.", formatNumberEN(decimal.NewFromInt(int64(len(v.Customers)))), formatMoneyEN("USD", v.TotalCLV))
	if got := textContent(t, ctx, "#tx-total"); got != wantTotal {
		t.Errorf("total: %q, want %q", got, wantTotal)
	}
	wantAverage := l.tr("That is {0} a customer on average.", formatMoneyEN("USD", v.TotalCLV.DivRound(decimal.NewFromInt(int64(len(v.Customers))), 2)))
	if got := textContent(t, ctx, "#tx-average"); got != wantAverage {
		t.Errorf("average: %q, want %q", got, wantAverage)
	}
	topID := b.Customers[best.Record].ID
	if got := textContent(t, ctx, "#tx-top tbody tr th"); got != topID {
		t.Errorf("top customer %q, want %q", got, topID)
	}
	if got := textContent(t, ctx, "#tx-top tbody tr td:first-of-type"); got != formatMoneyEN("USD", best.CLV) {
		t.Errorf("top customer's CLV %q, want %s", got, formatMoneyEN("USD", best.CLV))
	}
	if rows, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#tx-top tbody tr").length`)); rows != 50 {
		t.Errorf("%d rows in the customer table, want 50", rows)
	}
	wantR := formatNumberEN(calc.FloatDecimal(m.BGNBD.R).Round(4))
	if got := textContent(t, ctx, "#tx-params"); !strings.Contains(got, wantR) {
		t.Errorf("parameters %q do not show r = %s", got, wantR)
	}
	if got := textContent(t, ctx, "#tx-byfreq"); !strings.Contains(got, "7 or more") {
		t.Errorf("holdout by frequency: %q", got)
	}
	href, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("tx-use").getAttribute("href")`))
	for _, want := range []string{"aov=" + v.PopulationOrderValue.StringFixed(2), "freq=" + v.PurchasesPerYear().String(), "years=" + v.HorizonYears.String(), "gm=40"} {
		if !strings.Contains(href, want) {
			t.Errorf("use-these-figures link %q lacks %s", href, want)
		}
	}
	loc, err := waitURL(ctx, "end=2023-10-01", "horizon=26", "margin=40")
	if err != nil || strings.Contains(loc, "C000") {
		t.Errorf("URL %q: %v", loc, err)
	}
	runAxe(t, ctx, axe, url)

	// The keyboard: a sort button takes Tab and Enter.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("tx-sort-x")), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.getElementById("tx-sort-x").parentElement.getAttribute("aria-sort") === "descending"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("Enter on the repeat-purchases button does not sort by it")
	}
	// A setting redoes the valuation: a horizon of 52 weeks raises the total.
	if err := chromedp.Do(ctx, pasteInto("horizon", "52"), chromedp.Evaluate[chromedp.Void](`document.getElementById("horizon").dispatchEvent(new Event("change", {bubbles: true}))`)); err != nil {
		t.Fatal(err)
	}
	if loc, err := waitURL(ctx, "horizon=52", "period=week", "end=2023-10-01"); err != nil || strings.Contains(loc, "C000") {
		t.Errorf("the URL does not carry the new horizon")
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(document.getElementById("tx-total") || {}).textContent?.includes("customers together") && !document.getElementById("tx-total").textContent.includes(`+jsString(formatMoneyEN("USD", v.TotalCLV))+`)`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("the total did not change with the horizon: %q", textContent(t, ctx, "#tx-total"))
	}

	// Typing a setting values the customers again without leaving the
	// field: the total is that of the margin the field shows (the horizon
	// is back at 26 weeks, the fit the same).
	_, _, _, v50 := fitOrders(t, data, "2023-10-01", 26, 50)
	if err := chromedp.Do(ctx, pasteInto("horizon", "26"), typeInto("margin", "50")); err != nil {
		t.Fatal(err)
	}
	wantTotal = l.tr("All {0} customers together: {1} over the horizon.", formatNumberEN(decimal.NewFromInt(int64(len(v50.Customers)))), formatMoneyEN("USD", v50.TotalCLV))
	if err := waitText(ctx, "tx-total", wantTotal); err != nil {
		t.Errorf("after typing a margin of 50 without leaving the field, the total is %q, want %q", textContent(t, ctx, "#tx-total"), wantTotal)
	}
	if focused, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); focused != "margin" {
		t.Errorf("the focus moved to %q while typing", focused)
	}
	// A margin that is not a number: no figures of another margin stay.
	if err := chromedp.Do(ctx, typeInto("margin", "fifty")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.getElementById("tx-total") && !!document.getElementById("margin-error")`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("with the margin \"fifty\": total %q, error %q", textContent(t, ctx, "#tx-total"), textContent(t, ctx, "#margin-error"))
	}
	// A new period keeps the horizon's length: 26 weeks are 6 months.
	if err := chromedp.Do(ctx, typeInto("margin", "50"), chooseOption("period", calc.PeriodMonth)); err != nil {
		t.Fatal(err)
	}
	if got, err := waitValue(ctx, "horizon", "6"); err != nil {
		t.Errorf("after switching 26 weeks to months the horizon shows %q, want 6", got)
	}
	if err := waitContains(ctx, "#period-note", "26 weeks ≈ 6 months"); err != nil {
		t.Errorf("period note %q", textContent(t, ctx, "#period-note"))
	}
}

// TestBrowserTransactionsBadFile: a file that is not an order export gets
// a message next to the file input, and the skipped rows are counted.
func TestBrowserTransactionsBadFile(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "notes.csv")
	os.WriteFile(bad, []byte("note,remark\nhello,world\n"), 0o644)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/transactions?lang=en"), waitApp(), chromedp.SetUploadFiles(`#tx-file`, []string{bad})); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#tx-status", "No column was found for “Customer”: choose it in that menu; the columns of the file are note, remark."); err != nil {
		t.Errorf("status %q", textContent(t, ctx, "#tx-status"))
	}
	ambiguous := filepath.Join(dir, "dates.csv")
	os.WriteFile(ambiguous, []byte("customer,date,total\na,03/04/2024,10\na,05/06/2024,12\nb,07/08/2024,5\nb,not a date,5\n"), 0o644)
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(`#tx-file`, []string{ambiguous})); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#tx-status", "choose the order"); err != nil {
		t.Fatalf("status %q", textContent(t, ctx, "#tx-status"))
	}
	if err := chromedp.Do(ctx, chooseOption("tx-dates", "dmy")); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#tx-skipped", "not a date: 1"); err != nil {
		t.Errorf("skipped rows: %q", textContent(t, ctx, "#tx-data-title ~ p"))
	}
	// Pasted orders, semicolons and decimal commas, are read as a file is
	// and fitted: 689 orders of 200 customers (a handful of orders would
	// not do: the models do not converge on them, rightly).
	pasted := strings.NewReplacer(",", ";", ".", ",").Replace(string(orderdata.Simulate(200, orderdata.Small, 1)))
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("tx-paste-box").open = true`),
		pasteInto("tx-paste", pasted), chromedp.Click(chromedp.ID("tx-paste-read"))); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#tx-status", "pasted orders: done in"); err != nil {
		t.Errorf("pasted orders: status %q", textContent(t, ctx, "#tx-status"))
	}
	if err := waitContains(ctx, "#tx-data-title ~ dl", "Orders kept689"); err != nil {
		t.Errorf("pasted orders: data %q", textContent(t, ctx, "#tx-data-title ~ dl"))
	}
}

// TestBrowserTransactionsWithoutWorker: where the order worker cannot
// start, or fails with a job under way, the page does the work itself,
// and the figures are the same.
func TestBrowserTransactionsWithoutWorker(t *testing.T) {
	base := serveSite(t)
	data := orderdata.Simulate(300, orderdata.Small, 2)
	path := filepath.Join(t.TempDir(), "orders.csv")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, _, v := fitOrders(t, data, "2023-10-01", 26, 40)
	want := formatMoneyEN("USD", v.TotalCLV)
	for _, c := range []struct{ name, script string }{
		// app.js's ltvStartOrderWorker is never set.
		{"no worker", `Object.defineProperty(window, "ltvStartOrderWorker", {get() {}, set(f) {}});`},
		// The worker starts, then fails when the job is posted.
		{"worker fails", `(() => {
  let start;
  Object.defineProperty(window, "ltvStartOrderWorker", {
    get() { return start; },
    set(real) {
      start = (onmessage, onerror) => {
        const w = real(onmessage, onerror);
        const post = w.postMessage.bind(w);
        w.postMessage = (m) => m.settings ? setTimeout(() => onerror("failed for the test")) : post(m);
        return w;
      };
    },
  });
})();`},
	} {
		t.Run(c.name, func(t *testing.T) {
			ctx := newTab(t)
			if err := chromedp.Do(ctx, webtest.EvaluateOnNewDocument(c.script), chromedp.Navigate(base+"/transactions?lang=en&end=2023-10-01&horizon=26&margin=40"), waitApp(),
				chromedp.SetUploadFiles(`#tx-file`, []string{path})); err != nil {
				t.Fatal(err)
			}
			if err := waitContains(ctx, "#tx-progress", "done in"); err != nil {
				t.Fatalf("the fit did not finish: %v (status %q)", err, textContent(t, ctx, "#tx-status"))
			}
			if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ltvOrderWorkerJobs || 0`)); n != 0 {
				t.Errorf("%d fits by the order worker, want none", n)
			}
			if got := textContent(t, ctx, "#tx-total"); !strings.Contains(got, want) {
				t.Errorf("total %q, want %s", got, want)
			}
		})
	}
}

// textContent is the text of the first element matching sel, as in the
// DOM (innerText, chromedp.Text's, depends on the layout).
func textContent(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(`+jsString(sel)+`) || {}).textContent || ""`))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}
