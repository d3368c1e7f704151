//go:build !wasm

package ui

import (
	"context"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"

	"ltvlab/calc"
)

// tableReadsJS counts the page's reads of its tables by what became of
// them (the ltvlab:table-read marks of table-input_wasm.go).
const tableReadsJS = `(() => {
	const n = {start: 0, done: 0, stopped: 0};
	for (const m of performance.getEntriesByName("ltvlab:table-read")) n[m.detail]++;
	return n;
})()`

type readCounts struct{ Start, Done, Stopped int }

func countTableReads(t *testing.T, ctx context.Context) readCounts {
	t.Helper()
	n, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]int](tableReadsJS))
	if err != nil {
		t.Fatal(err)
	}
	return readCounts{n["start"], n["done"], n["stopped"]}
}

// pageAddress is the page's address: the whole, and the request target a
// server would get.
func pageAddress(t *testing.T, ctx context.Context) (href, target string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[location.href, location.pathname + location.search]`))
	if err != nil {
		t.Fatal(err)
	}
	return got[0], got[1]
}

// expectedCohort is what the cohort calculator shows natively for a query.
func expectedCohort(t *testing.T, q url.Values) *calcPage {
	t.Helper()
	p := newCalcPage(cohortSpec)
	p.load(q)
	if p.err != nil {
		t.Fatalf("%.60v: %v", q, p.err)
	}
	return p
}

// TestBrowserBigPaste pastes a cohort table of 250 rows of 150 counts
// (over 200,000 bytes, where the page used to cut it) as a script does, an
// input event a line: the page reads the tables once, shows the fit of the whole
// table, carries it in its address's fragment (the request target stays
// short) and shows it again after a reload; a change of the margin just
// before the page is hidden is kept too. The Share dialog says that the
// figures are too large for a link and offers the file. Then, in the same
// tab, tableReadStops and tableLimitMessage.
func TestBrowserBigPaste(t *testing.T) {
	base := serveSite(t)
	ctx := newTabFor(t, 3*time.Minute)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/cohort?surv=&per=month&lang=en"), waitApp()); err != nil {
		t.Fatal(err)
	}
	table, last := cohortTable(250, 150)
	if len(table) <= 200_000 {
		t.Fatalf("a table of %d bytes", len(table))
	}
	before := countTableReads(t, ctx)
	if err := chromedp.Do(ctx, pasteInto("coh", table)); err != nil {
		t.Fatal(err)
	}
	want := expectedCohort(t, url.Values{"surv": {""}, "per": {calc.PeriodMonth}, "coh": {table}})
	alpha := want.view.Rows[findRow(want.view, "alpha")].Value
	if err := waitContains(ctx, "#alpha", alpha); err != nil {
		t.Fatalf("alpha %q, want %s from the whole table", text(t, ctx, "#alpha"), alpha)
	}
	if err := waitText(ctx, "ltv", want.view.LTV); err != nil {
		t.Fatalf("LTV %q, want %s", text(t, ctx, "#ltv"), want.view.LTV)
	}
	if n := countTableReads(t, ctx); n.Start-before.Start > 2 || n.Done-before.Done < 1 {
		t.Errorf("the paste of 250 lines started %d reads of the tables (%d done), want one or two", n.Start-before.Start, n.Done-before.Done)
	}
	if _, err := waitURL(ctx, "#"+stateParam); err != nil {
		t.Fatalf("the address does not carry the table in its fragment: %v", err)
	}
	if href, target := pageAddress(t, ctx); len(target) > maxQueryTarget || len(href) > maxPageURL {
		t.Errorf("the address has %d characters, %d of them sent to the server", len(href), len(target))
	}
	// The margin, then at once the page hidden: the address has it.
	if err := chromedp.Do(ctx, typeInto("m", "150"), chromedp.Evaluate[chromedp.Void](`window.dispatchEvent(new PageTransitionEvent("pagehide"))`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Reload(), waitApp()); err != nil {
		t.Fatal(err)
	}
	values, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[document.getElementById("coh").value, document.getElementById("m").value]`))
	if err != nil {
		t.Fatal(err)
	}
	if values[0] != table || values[1] != "150" {
		t.Errorf("after a reload the table has %d bytes ending %q and the margin %q; want %d bytes ending %q, and 150",
			len(values[0]), values[0][max(0, len(values[0])-12):], values[1], len(table), last)
	}
	want = expectedCohort(t, url.Values{"surv": {""}, "per": {calc.PeriodMonth}, "coh": {table}, "m": {"150"}})
	if err := waitText(ctx, "ltv", want.view.LTV); err != nil {
		t.Errorf("after a reload LTV %q, want %s", text(t, ctx, "#ltv"), want.view.LTV)
	}
	// Too large for a link that opens everywhere: the file instead.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("share-open").click()`),
		chromedp.WaitVisible(chromedp.ID("share-too-large")), chromedp.WaitVisible(chromedp.ID("share-download"))); err != nil {
		t.Fatalf("the Share dialog: %v", err)
	}
	if n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#share-link, #share-embed").length`)); n != 0 {
		t.Errorf("the dialog offers %d links of figures too large for one", n)
	}
	tableReadStops(t, ctx, base)
	tableLimitMessage(t, ctx, base)
}

// tableReadStops: a read of a table of 50,000 counts stops when the
// visitor pastes another table meanwhile, and the page shows the figures
// of the last one.
func tableReadStops(t *testing.T, ctx context.Context, base string) {
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/cohort?surv=&lang=en"), waitApp()); err != nil {
		t.Fatal(err)
	}
	big, _ := cohortTable(250, 200)
	small := "1000 800 650 540\n900 700 580\n"
	before := countTableReads(t, ctx)
	// The big paste, and the small one once the read of the big one has
	// begun (a frame, then 20 ms: the read yields every 8 ms, and reading
	// 50,000 counts takes far longer).
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`(async () => {
	const el = document.getElementById("coh");
	el.focus(); el.select();
	document.execCommand("insertText", false, `+jsString(big)+`);
	await new Promise(r => requestAnimationFrame(r));
	await new Promise(r => setTimeout(r, 20));
	el.select();
	document.execCommand("insertText", false, `+jsString(small)+`);
})()`, chromedp.EvalAwaitPromise)); err != nil {
		t.Fatal(err)
	}
	want := expectedCohort(t, url.Values{"surv": {""}, "coh": {small}})
	if err := waitText(ctx, "ltv", want.view.LTV); err != nil {
		t.Fatalf("LTV %q, want %s from the last table", text(t, ctx, "#ltv"), want.view.LTV)
	}
	if n := countTableReads(t, ctx); n.Stopped-before.Stopped < 1 {
		t.Errorf("reads: %+v before, %+v after; want the read of the big table stopped", before, n)
	}
}

// tableLimitMessage: a table over the limits gets its message under the
// field, with the figures in the page's language.
func tableLimitMessage(t *testing.T, ctx context.Context, base string) {
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/cohort?surv=&lang=fr"), waitApp(), pasteInto("coh", strings.Repeat("10\t5\n", 1201))); err != nil {
		t.Fatal(err)
	}
	want, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const f = new Intl.NumberFormat("fr-FR");
		return f.format(1201) + " lignes : un tableau de cohortes en compte au plus " + f.format(1200) + ", une par cohorte."; })()`))
	if err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "coh-error", want); err != nil {
		t.Errorf("message %q, want %q", text(t, ctx, "#coh-error"), want)
	}
}

// findRow is the index of a result row by id.
func findRow(v resultView, id string) int {
	for i, r := range v.Rows {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// TestBrowserLongLinks: a survival curve of 1,201 values (a 9.6 KB address
// that servers answer 414) makes a link with the curve in its fragment: it
// opens for anyone (another browser profile), and so does its embed.
func TestBrowserLongLinks(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	curve := longCurve(1201)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/cohort?lang=en&hzp=1200"), waitApp(), pasteInto("surv", curve)); err != nil {
		t.Fatal(err)
	}
	want := expectedCohort(t, url.Values{"surv": {curve}, "hzp": {"1200"}})
	if err := waitText(ctx, "ltv", want.view.LTV); err != nil {
		t.Fatalf("LTV %q, want %s", text(t, ctx, "#ltv"), want.view.LTV)
	}
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("share-open").click()`),
		chromedp.WaitVisible(chromedp.ID("share-link"))); err != nil {
		t.Fatal(err)
	}
	links, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[document.getElementById("share-link").value, document.getElementById("share-embed").value]`))
	if err != nil {
		t.Fatal(err)
	}
	link := links[0]
	src := webtestIframeSrc(links[1])
	for _, l := range []string{link, src} {
		u, err := url.Parse(l)
		if err != nil || !strings.HasPrefix(u.Fragment, stateParam) || len(u.RequestURI()) > maxQueryTarget || len(l) > maxShareLink {
			t.Fatalf("link %.120s (%d characters, request target %d): want the curve in the fragment", l, len(l), len(u.RequestURI()))
		}
	}
	// Anyone: another browser context of the same Chromium, nothing stored.
	other, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	if err := chromedp.Do(other, chromedp.Navigate(link), waitApp()); err != nil {
		t.Fatal(err)
	}
	if err := waitText(other, "ltv", want.view.LTV); err != nil {
		t.Errorf("the shared link shows LTV %q, want %s", text(t, other, "#ltv"), want.view.LTV)
	}
	if got, _ := chromedp.Run(other, chromedp.Value(chromedp.ID("surv"))); got != curve {
		t.Errorf("the shared link's curve has %d characters, want %d", len(got), len(curve))
	}
	if err := chromedp.Do(other, chromedp.Navigate(src), waitApp()); err != nil {
		t.Fatal(err)
	}
	if err := waitText(other, "ltv", want.view.LTV); err != nil {
		t.Errorf("the embed shows LTV %q, want %s", text(t, other, "#ltv"), want.view.LTV)
	}
	// A link cut short says so, and shows the usual figures.
	if err := chromedp.Do(other, chromedp.Navigate(link[:len(link)-40]), waitApp(), chromedp.WaitVisible(chromedp.ID("state-notice"))); err != nil {
		t.Errorf("a cut link: %v", err)
	}
}

// webtestIframeSrc is the src of the iframe of an embed snippet.
func webtestIframeSrc(snippet string) string {
	_, after, _ := strings.Cut(snippet, `src="`)
	src, _, _ := strings.Cut(after, `"`)
	return strings.ReplaceAll(src, "&amp;", "&")
}

// TestBrowserBigPasteBeforeAppStarts: a table pasted into the prerendered
// page while app.wasm downloads is kept in the tab's session, not in an
// address that servers refuse, and the app starts from it.
func TestBrowserBigPasteBeforeAppStarts(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	held := openHolding(t, ctx, base+"/cohort?surv=&lang=en", "*.wasm", "coh", "app.wasm")
	table, _ := cohortTable(100, 200)
	if err := chromedp.Do(ctx, pasteInto("coh", table)); err != nil {
		t.Fatal(err)
	}
	if href, target := pageAddress(t, ctx); len(target) > maxQueryTarget || !strings.HasSuffix(href, "#"+stateParam+sessionMark) {
		t.Errorf("before the app: address %.200s (request target %d)", href, len(target))
	}
	if _, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: held.RequestID}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, waitApp()); err != nil {
		t.Fatal(err)
	}
	want := expectedCohort(t, url.Values{"surv": {""}, "coh": {table}})
	if err := waitText(ctx, "ltv", want.view.LTV); err != nil {
		t.Errorf("LTV %q, want %s from the pasted table", text(t, ctx, "#ltv"), want.view.LTV)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("coh"))); got != table {
		t.Errorf("the app shows a table of %d bytes, want the %d pasted", len(got), len(table))
	}
}
