//go:build !wasm

package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"ltvlab/calc"
)

// waitCount waits until n elements match a CSS selector.
func waitCount(ctx context.Context, sel string, n int) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](
		fmt.Sprintf(`document.querySelectorAll(%s).length === %d`, jsString(sel), n),
		chromedp.WithPollingTimeout(5*time.Second)))
	return err
}

// count is the number of elements that match a CSS selector.
func count(ctx context.Context, sel string) int {
	n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+jsString(sel)+`).length`))
	return n
}

// TestBrowserSavedScenarios: two scenarios saved, still there after a
// reload; one opened shows its figures; rename; delete with confirmation;
// a scenario of another model opens its calculator.
func TestBrowserSavedScenarios(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription"), waitApp()); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#scenarios", "No saved scenarios yet."); err != nil {
		t.Fatalf("empty list: %q", text(t, ctx, "#scenarios"))
	}
	// $250 at 80 % and 5 % churn: $4,000, saved as "Plan A".
	if err := chromedp.Do(ctx, typeInto("arpa", "250"), typeInto("scenario-name", "Plan A"), chromedp.Click(chromedp.ID("scenario-save"))); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "scenario-status", "Saved “Plan A”."); err != nil {
		t.Fatalf("status %q after saving (%s)", text(t, ctx, "#scenario-status"), text(t, ctx, "#scenario-failure"))
	}
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("scenario-name"))); got != "" {
		t.Errorf("the name field keeps %q after saving", got)
	}
	// 4 % churn: $5,000, saved without a name, by Enter in the name field.
	if err := chromedp.Do(ctx, typeInto("mchurn", "4"), chromedp.Focus(chromedp.ID("scenario-name")), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if err := waitCount(ctx, "#scenario-list li", 2); err != nil {
		t.Fatalf("after two saves the list has %d items", count(ctx, "#scenario-list li"))
	}

	// A fresh page (default figures) lists both, the newest first.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription"), waitApp()); err != nil {
		t.Fatal(err)
	}
	if err := waitCount(ctx, "#scenario-list li", 2); err != nil {
		t.Fatalf("after a reload the list has %d items: %s", count(ctx, "#scenario-list li"), text(t, ctx, "#scenarios"))
	}
	if got := text(t, ctx, "#scenario-name-0"); !strings.HasPrefix(got, "Subscription 20") {
		t.Errorf("unnamed scenario is called %q, want the calculator and the time", got)
	}
	if got := text(t, ctx, "#scenario-name-1"); got != "Plan A" {
		t.Errorf("second scenario is called %q, want Plan A", got)
	}
	if got := text(t, ctx, "#ltv"); got != "$1,600.00" {
		t.Errorf("fresh page LTV %q, want the default $1,600.00", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-open-1"))); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$4,000.00"); err != nil {
		t.Errorf("Plan A opens with LTV %q, want $4,000.00", text(t, ctx, "#ltv"))
	}
	if got, err := waitValue(ctx, "arpa", "250"); err != nil {
		t.Errorf("Plan A opens with ARPA %q, want 250", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-open-0"))); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$5,000.00"); err != nil {
		t.Errorf("the second scenario opens with LTV %q, want $5,000.00", text(t, ctx, "#ltv"))
	}

	// Rename: the field starts with the name; Enter saves; Escape cancels.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-renamebtn-1")), chromedp.WaitVisible(chromedp.ID("scenario-rename-1"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement.id === "scenario-rename-1" && document.activeElement.value === "Plan A"`,
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		v, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("scenario-rename-1")))
		t.Errorf("rename field holds %q and has the focus: %v", v, err)
	}
	if err := chromedp.Do(ctx, typeInto("scenario-rename-1", "Plan A: $250 a month"), chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "scenario-name-1", "Plan A: $250 a month"); err != nil {
		t.Errorf("after rename the name is %q", text(t, ctx, "#scenario-name-1"))
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-renamebtn-0")), chromedp.WaitVisible(chromedp.ID("scenario-rename-0")),
		chromedp.KeyEvent("zzz"), chromedp.KeyEvent(kb.Escape), chromedp.WaitVisible(chromedp.ID("scenario-name-0"))); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#scenario-name-0"); !strings.HasPrefix(got, "Subscription 20") {
		t.Errorf("Escape did not cancel the rename: %q", got)
	}

	// Delete asks first; "Keep" keeps it, "Yes, delete" deletes it.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-delete-0")), chromedp.WaitVisible(chromedp.ID("scenario-keep-0"))); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#scenario-question-0"); !strings.HasPrefix(got, "Delete “Subscription 20") {
		t.Errorf("delete question %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-keep-0")), chromedp.WaitVisible(chromedp.ID("scenario-delete-0"))); err != nil {
		t.Fatal(err)
	}
	if n := count(ctx, "#scenario-list li"); n != 2 {
		t.Errorf("Keep: %d items left, want 2", n)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-delete-0")), chromedp.Click(chromedp.ID("scenario-confirm-0"))); err != nil {
		t.Fatal(err)
	}
	if err := waitCount(ctx, "#scenario-list li", 1); err != nil {
		t.Fatalf("after delete %d items", count(ctx, "#scenario-list li"))
	}
	if got := text(t, ctx, "#scenario-status"); !strings.HasPrefix(got, "Deleted “Subscription 20") {
		t.Errorf("status after delete: %q", got)
	}

	// From the purchase calculator, the subscription scenario opens its own.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), waitApp()); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "scenario-name-0", "Plan A: $250 a month"); err != nil {
		t.Fatalf("the purchase page lists %q", text(t, ctx, "#scenarios"))
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-open-0"))); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$4,000.00"); err != nil {
		t.Errorf("opened from /: LTV %q, want $4,000.00", text(t, ctx, "#ltv"))
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "/subscription?") || !strings.Contains(loc, "arpa=250") {
		t.Errorf("opened from / at %s, want the subscription calculator with arpa=250", loc)
	}
}

// TestBrowserSavedScenariosDamaged: a stored entry that cannot be read is
// reported and skipped; a document of a newer version or garbage is reported
// and left as it is.
func TestBrowserSavedScenariosDamaged(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), waitApp()); err != nil {
		t.Fatal(err)
	}
	store := func(doc string) {
		t.Helper()
		if err := chromedp.Do(ctx,
			chromedp.Evaluate[chromedp.Void](`localStorage.setItem("ltvlab.scenarios", `+jsString(doc)+`)`),
			chromedp.Reload(), waitApp()); err != nil {
			t.Fatal(err)
		}
	}
	stored := func() string {
		s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`localStorage.getItem("ltvlab.scenarios")`))
		return s
	}

	// One good entry, one whose scenario calc cannot read, one not an object.
	store(doc(`"junk"`, entry("a1", "Good one", purScenario), entry("b2", "Bad one", `{"model":"purchase","aov":"5"}`)))
	if err := waitText(ctx, "scenario-skipped", "2 saved scenarios could not be read and were skipped."); err != nil {
		t.Errorf("skipped note: %q", text(t, ctx, "#scenarios"))
	}
	if n := count(ctx, "#scenario-list li"); n != 1 || text(t, ctx, "#scenario-name-0") != "Good one" {
		t.Errorf("listed %d items: %q", n, text(t, ctx, "#scenarios"))
	}
	// Saving keeps the unreadable entries as they are.
	if err := chromedp.Do(ctx, typeInto("scenario-name", "New"), chromedp.Click(chromedp.ID("scenario-save"))); err != nil {
		t.Fatal(err)
	}
	if err := waitCount(ctx, "#scenario-list li", 2); err != nil {
		t.Fatalf("after saving: %q", text(t, ctx, "#scenarios"))
	}
	if s := stored(); !strings.Contains(s, `"junk"`) || !strings.Contains(s, `"aov":"5"`) {
		t.Errorf("saving dropped the unreadable entries: %s", s)
	}

	// A newer version: reported, no saving, not overwritten.
	const newer = `{"version":2,"scenarios":[{"id":"a1","title":"from the future"}]}`
	store(newer)
	if err := waitContains(ctx, "#scenario-problem", "newer version of LTV Lab"); err != nil {
		t.Errorf("newer document: %q", text(t, ctx, "#scenarios"))
	}
	if n := count(ctx, "#scenario-save"); n != 0 {
		t.Errorf("a Save button under a newer document")
	}
	if s := stored(); s != newer {
		t.Errorf("the newer document became %s", s)
	}

	// Garbage: reported, left alone until the visitor starts a new list.
	store(`{"version":1,"scenarios":[`)
	if err := waitContains(ctx, "#scenario-problem", "stored data is damaged"); err != nil {
		t.Errorf("damaged document: %q", text(t, ctx, "#scenarios"))
	}
	if s := stored(); s != `{"version":1,"scenarios":[` {
		t.Errorf("the damaged document became %s", s)
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-start-over")), chromedp.Click(chromedp.ID("scenario-confirm-all")),
		chromedp.WaitVisible(chromedp.ID("scenario-save"))); err != nil {
		t.Fatal(err)
	}
	if s := stored(); s != `{"version":1,"scenarios":[]}` {
		t.Errorf("after starting over the document is %s", s)
	}
}

// waitFile waits until the browser has written a download.
func waitFile(t *testing.T, path string) []byte {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		if b, err := os.ReadFile(path); err == nil && len(b) > 0 {
			return b
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(filepath.Dir(path))
			t.Fatalf("no download %s (the folder holds %v)", path, entries)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestBrowserExportImport: the scenario downloaded as JSON opens again,
// from another calculator, with the same figures; the projection downloads
// as CSV; a file too big and a bad file are refused with a clear message.
func TestBrowserExportImport(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir}); err != nil {
		t.Fatal(err)
	}
	// $250 at 80 % and 4 % churn: $5,000.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription"), waitApp(), typeInto("arpa", "250"), typeInto("mchurn", "4")); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$5,000.00"); err != nil {
		t.Fatalf("LTV %q, want $5,000.00", text(t, ctx, "#ltv"))
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-export-json"))); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(dir, "ltv-scenario-subscription.json")
	data := waitFile(t, file)
	s, err := calc.ParseScenario(data)
	if err != nil {
		t.Fatalf("the download is not a scenario: %v\n%s", err, data)
	}
	if s.Model != calc.ModelSubscription || s.ARPAMonthly != "250" || s.MonthlyChurnPct != "4" {
		t.Errorf("downloaded scenario %+v", s)
	}
	if r, err := s.Evaluate(); err != nil || r.LTV != "5000.00" {
		t.Errorf("the downloaded scenario evaluates to %q, %v; want 5000.00", r.LTV, err)
	}
	if err := waitText(ctx, "scenario-status", "Downloaded ltv-scenario-subscription.json."); err != nil {
		t.Errorf("status %q", text(t, ctx, "#scenario-status"))
	}

	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-export-csv"))); err != nil {
		t.Fatal(err)
	}
	csvData := string(waitFile(t, filepath.Join(dir, "ltv-projection-subscription.csv")))
	if !strings.HasPrefix(csvData, "month,survival_pct,cumulative_ltv\r\n1,100.00,200.00\r\n2,96.00,392.00\r\n") {
		t.Errorf("projection CSV starts\n%.200s", csvData)
	}

	// From the purchase calculator, the file opens the subscription one.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), waitApp(), chromedp.SetUploadFiles(chromedp.ID("scenario-import"), []string{file})); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$5,000.00"); err != nil {
		t.Errorf("after importing: LTV %q, want $5,000.00 (%s)", text(t, ctx, "#ltv"), text(t, ctx, "#scenario-import-errors"))
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.Contains(loc, "/subscription?") {
		t.Errorf("imported at %s, want the subscription calculator", loc)
	}

	bad := []struct {
		name, content string
		want          []string
	}{
		{"big.json", `{"model":"purchase","x":"` + strings.Repeat("1", 5<<20) + `"}`, []string{"“big.json” could not be opened:", "The file is 5,121 KiB; a scenario file may be at most 4,096 KiB."}},
		{"fields.json", `{"model":"subscription","arpa":"100","monthly_churn_pct":[5]}`,
			[]string{"“fields.json” could not be opened:", "arpa: not a field of the scenario format", "Monthly churn: must be a number"}},
		{"notes.txt", "ARPA 100, churn 5 %", []string{"“notes.txt” could not be opened:", "This file is not a scenario: it must be one JSON object"}},
		// 100 KiB of Latin-1: read as text, each byte became three.
		{"latin1.json", `{"model":"subscription","cash_timing":"` + strings.Repeat("\xe9", 100<<10) + `"}`,
			[]string{"“latin1.json” could not be opened:", "This file is not UTF-8 text"}},
	}
	for _, b := range bad {
		path := filepath.Join(t.TempDir(), b.name)
		if err := os.WriteFile(path, []byte(b.content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("scenario-import"), []string{path})); err != nil {
			t.Fatal(err)
		}
		if err := waitContains(ctx, "#scenario-import-errors", b.want[0]); err != nil {
			t.Errorf("%s: errors %q", b.name, text(t, ctx, "#scenario-import-errors"))
			continue
		}
		got := text(t, ctx, "#scenario-import-errors")
		for _, w := range b.want[1:] {
			if !strings.Contains(got, w) {
				t.Errorf("%s: errors %q lack %q", b.name, got, w)
			}
		}
		if got := text(t, ctx, "#ltv"); got != "$5,000.00" {
			t.Errorf("%s changed the LTV to %q", b.name, got)
		}
	}
	// The same good file again: the errors go, the figures stay.
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("scenario-import"), []string{file})); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "scenario-import-errors", ""); err != nil {
		t.Errorf("errors stay after a good file: %q", text(t, ctx, "#scenario-import-errors"))
	}
	// A file with a byte order mark opens: $300 a month at 80 % and 4 %
	// churn is $6,000.
	bom := filepath.Join(t.TempDir(), "bom.json")
	if err := os.WriteFile(bom, []byte("\xef\xbb\xbf"+`{"model":"subscription","arpa_monthly":"300","gross_margin_pct":"80","monthly_churn_pct":"4"}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.SetUploadFiles(chromedp.ID("scenario-import"), []string{bom})); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$6,000.00"); err != nil {
		t.Errorf("a file with a byte order mark: LTV %q (%s)", text(t, ctx, "#ltv"), text(t, ctx, "#scenario-import-errors"))
	}
}

// TestBrowserPrint: the print layout leaves out what is to click or type
// into, keeps the inputs, the results and the charts, and fits one A4 page.
func TestBrowserPrint(t *testing.T) {
	base := serveSite(t)
	pageObject := regexp.MustCompile(`/Type\s*/Page\b`)
	for _, path := range []string{"/", "/subscription", "/cohort"} {
		t.Run(path, func(t *testing.T) {
			ctx := newTab(t)
			// A what-if lever set: its comparison table prints too.
			if err := chromedp.Do(ctx, chromedp.Navigate(base+path+"?wcac=-10"), waitApp(), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
				_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
				return err
			})); err != nil {
				t.Fatal(err)
			}
			shown := func(sel string) bool {
				ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(function (el) { return !!el && el.getClientRects().length > 0; })(document.querySelector(`+jsString(sel)+`))`))
				if err != nil {
					t.Fatal(err)
				}
				return ok
			}
			for _, sel := range []string{"#scenarios", "#share-open", ".site-nav", "#lang", ".site-footer", ".whatif-levers", ".how"} {
				if shown(sel) {
					t.Errorf("%s is printed", sel)
				}
			}
			for _, sel := range []string{"h1", ".inputs input", "#ltv", ".result-rows", ".charts svg", "#compare"} {
				if !shown(sel) {
					t.Errorf("%s is not printed", sel)
				}
			}
			if pos, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(".result")).position`)); pos != "static" {
				t.Errorf("the result is %s in print, want static", pos)
			}
			pdf, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: new(true)})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(pageObject.FindAll(pdf.Data, -1)); n != 1 {
				t.Errorf("prints on %d pages, want 1", n)
			}
		})
	}
}
