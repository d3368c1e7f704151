//go:build !wasm

package ui

import (
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func TestBrowserPurchase(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)

	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/"), waitApp()); err != nil {
		t.Fatalf("loading the app: %v", err)
	}
	// The seeds' example: 2 purchases a year x $50 x 3 years.
	if got := text(t, ctx, "#ltv"); got != "$300.00" {
		t.Errorf("default LTV = %q, want $300.00", got)
	}

	// Typing recomputes on every keystroke: 80 x 2 x 3 = 480.
	if err := chromedp.Do(ctx, typeInto("aov", "80")); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$480.00"); err != nil {
		t.Fatalf("after typing 80: LTV = %q, want $480.00 (%v)", text(t, ctx, "#ltv"), err)
	}
	if err := chromedp.Do(ctx, typeInto("years", "2.5")); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$400.00"); err != nil {
		t.Fatalf("after typing 2.5 years: LTV = %q, want $400.00 (%v)", text(t, ctx, "#ltv"), err)
	}

	// Bad input: a message by the field, the typed text kept, the last valid
	// result kept and marked out of date.
	if err := chromedp.Do(ctx, typeInto("freq", "two")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("freq-error"))); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#freq-error"); got != "not a number" {
		t.Errorf("error under purchases per year = %q, want %q", got, "not a number")
	}
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("freq"))); got != "two" {
		t.Errorf("typed text became %q, want it kept as \"two\"", got)
	}
	if got := text(t, ctx, "#ltv"); got != "$400.00" {
		t.Errorf("LTV during bad input = %q, want the last valid $400.00", got)
	}
	if got := text(t, ctx, "#stale-note"); !strings.Contains(got, "Out of date") {
		t.Errorf("no out-of-date note, got %q", got)
	}

	// The URL carries the state, so a reload shows the same figures. It
	// follows the typing at most every urlEvery.
	if loc, err := waitURL(ctx, "aov=80", "years=2.5"); err != nil {
		t.Errorf("URL %s does not carry the inputs", loc)
	}
	if err := chromedp.Do(ctx, typeInto("freq", "3")); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$600.00"); err != nil {
		t.Fatalf("after typing 3: LTV = %q, want $600.00", text(t, ctx, "#ltv"))
	}
	loc, err := waitURL(ctx, "aov=80", "years=2.5", "freq=3")
	if err != nil {
		t.Fatalf("URL %s does not carry the inputs", loc)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(loc), waitApp()); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#ltv"); got != "$600.00" {
		t.Errorf("after reloading %s: LTV = %q, want $600.00", loc, got)
	}
}

func TestBrowserSubscriptionWhatIfAndGoalSeek(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription"), waitApp()); err != nil {
		t.Fatalf("loading /subscription: %v", err)
	}
	// FORMULAS.md: ARPA $100, churn 5 %, margin 80 %: $1,600.
	if got := text(t, ctx, "#ltv"); got != "$1,600.00" {
		t.Errorf("default subscription LTV = %q, want $1,600.00", got)
	}
	// What-if: churn down one point, 5 % -> 4 %: $80 / 4 % = $2,000.
	if err := chromedp.Do(ctx, typeInto("wchurn", "-1")); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#cmp-ltv", "$2,000.00"); err != nil {
		t.Fatalf("what-if row = %q, want the scenario at $2,000.00", text(t, ctx, "#cmp-ltv"))
	}
	if got := text(t, ctx, "#cmp-ltv"); !strings.Contains(got, "$1,600.00") || !strings.Contains(got, "+$400.00") || !strings.Contains(got, "+25%") {
		t.Errorf("what-if row = %q, want baseline $1,600.00, change +$400.00, +25%%", got)
	}
	// Goal seek: the churn that gives LTV = 3 x CAC. With CAC $400,
	// LTV must be $1,200: churn = $80 / $1,200 = 6.6667 %.
	if err := chromedp.Do(ctx, typeInto("cac", "400"), chromedp.Click(chromedp.ID("goal-churn3"))); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#goal-answer", "6.6667%"); err != nil {
		t.Fatalf("goal answer = %q, want a churn of 6.6667%%", text(t, ctx, "#goal-answer"))
	}
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("goal-apply"))); err != nil {
		t.Fatal(err)
	}
	if got, err := waitValue(ctx, "mchurn", "6.6667"); err != nil {
		t.Errorf("after applying the goal, churn field = %q, want 6.6667", got)
	}
	if err := waitContains(ctx, "#ratio", "3x"); err != nil {
		t.Errorf("after applying the goal, LTV:CAC = %q, want 3x", text(t, ctx, "#ratio"))
	}
}

// TestBrowserTypingEndsConsistent: a keystroke shows the result panel
// first and the charts, the what-if comparison and the URL after it; fast
// typing, one edit on top of the last before those have caught up, ends
// with everything as a fresh load of the URL shows it.
func TestBrowserTypingEndsConsistent(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription?wchurn=-1"), waitApp()); err != nil {
		t.Fatal(err)
	}
	// The keys go in without waiting for the page in between.
	steps := []chromedp.Action[chromedp.Void]{chromedp.Focus(chromedp.ID("arpa"))}
	// 100 -> 1005 -> (empty: out of date) -> 2507 -> 250, then churn 5 -> 4.
	for _, k := range []string{kb.End, "5", kb.Backspace, kb.Backspace, kb.Backspace, kb.Backspace, "2", "5", "0", "7", kb.Backspace} {
		steps = append(steps, chromedp.KeyEvent(k))
	}
	steps = append(steps, chromedp.Focus(chromedp.ID("mchurn")), chromedp.KeyEvent(kb.End), chromedp.KeyEvent(kb.Backspace), chromedp.KeyEvent("4"))
	if err := chromedp.Do(ctx, steps...); err != nil {
		t.Fatal(err)
	}
	// $250 x 80 % / 4 % = $5,000; the what-if's 3 %: $6,666.67.
	if err := waitText(ctx, "ltv", "$5,000.00"); err != nil {
		t.Fatalf("LTV %q, want $5,000.00", text(t, ctx, "#ltv"))
	}
	loc, err := waitURL(ctx, "arpa=250&", "mchurn=4&")
	if err != nil {
		t.Fatalf("URL %s, want arpa=250 and mchurn=4", loc)
	}
	// What the page shows: the visible texts and the charts' drawing.
	const shown = `JSON.stringify([".result", ".charts", "#compare"].map((s) => document.querySelector(s).textContent)
		.concat(Array.from(document.querySelectorAll(".charts svg"), (e) => e.outerHTML)))`
	typed, err := chromedp.Run(ctx, chromedp.Poll[string](`(() => { const s = `+shown+`; return s.includes("$6,666.67") && s; })()`,
		chromedp.WithPollingTimeout(5*time.Second)))
	if err != nil {
		t.Fatalf("the what-if comparison never showed the typed figures: %v", err)
	}
	// Anything still to come would show within a few frames.
	time.Sleep(300 * time.Millisecond)
	if typed, err = chromedp.Run(ctx, chromedp.Evaluate[string](shown)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(loc), waitApp()); err != nil {
		t.Fatal(err)
	}
	loaded, err := chromedp.Run(ctx, chromedp.Evaluate[string](shown))
	if err != nil {
		t.Fatal(err)
	}
	if typed != loaded {
		t.Errorf("after typing, the page shows\n%s\nand loading its URL %s shows\n%s", typed, loc, loaded)
	}
}

// TestBrowserURLFlushedOnHide: the URL follows typing at most every
// urlEvery, but a page hidden or left in between still records the last
// keystroke, and a reload then shows it.
func TestBrowserURLFlushedOnHide(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?aov=50"), waitApp()); err != nil {
		t.Fatal(err)
	}
	// Two keys in a row: the first writes the URL, the second falls within
	// urlEvery of it. As soon as the page shows the second, it is hidden.
	// Should the machine stall past urlEvery first, type two more.
	aov := 50
	for try := 0; ; try++ {
		if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("aov")), chromedp.KeyEvent(kb.End), chromedp.KeyEvent("7"), chromedp.KeyEvent("1")); err != nil {
			t.Fatal(err)
		}
		aov = aov*100 + 71
		want := "$" + groupThousands(strconv.Itoa(2*3*aov)) + ".00" // 2 purchases a year for 3 years
		got, err := chromedp.Run(ctx, chromedp.Poll[[]string](`(() => {
  if (document.getElementById("ltv").textContent !== `+strconv.Quote(want)+`) return false;
  const before = location.search;
  window.dispatchEvent(new PageTransitionEvent("pagehide"));
  return [before, location.search];
})()`, chromedp.WithPollingTimeout(10*time.Second)))
		if err != nil {
			t.Fatalf("LTV %q, want %s", text(t, ctx, "#ltv"), want)
		}
		key := "aov=" + strconv.Itoa(aov) + "&"
		if strings.Contains(got[0], key) {
			if try < 3 {
				continue // the URL was written before the page was hidden
			}
			t.Fatalf("the URL caught up before every pagehide: %v", got)
		}
		if !strings.Contains(got[1], key) {
			t.Fatalf("after pagehide the URL is %s, want %s", got[1], key)
		}
		if err := chromedp.Do(ctx, chromedp.Reload(), waitApp()); err != nil {
			t.Fatal(err)
		}
		if err := waitText(ctx, "ltv", want); err != nil {
			t.Fatalf("after a reload LTV %q, want %s", text(t, ctx, "#ltv"), want)
		}
		return
	}
}

func TestBrowserCohortPaste(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/cohort?surv="), waitApp()); err != nil {
		t.Fatalf("loading /cohort: %v", err)
	}
	// Paste the "regular" segment of Fader & Hardie (2007), years 0-7, as a
	// spreadsheet column: the fit gives a = 0.704, b = 1.182 (FORMULAS.md).
	paste := "100\n63.1\n46.8\n38.2\n32.6\n28.9\n26.2\n24.1\n"
	if err := chromedp.Do(ctx, pasteInto("surv", paste)); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#alpha", "0.704"); err != nil {
		t.Fatalf("alpha = %q, want 0.704...", text(t, ctx, "#alpha"))
	}
	if got := text(t, ctx, "#beta"); !strings.HasPrefix(got, "1.18") {
		t.Errorf("beta = %q, want 1.18...", got)
	}
	// The chart shows the observed and the projected curves, with a data
	// table. It follows the result panel by a frame.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelectorAll("#survival-chart polyline").length === 2`,
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		n, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#survival-chart polyline").length`))
		t.Errorf("survival chart has %d lines (%v), want 2", n, err)
	}
	// A rising curve cannot be fitted: a message under the field.
	if err := chromedp.Do(ctx, pasteInto("surv", "100 80 90")); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("surv-error"))); err != nil {
		t.Fatalf("no error under the survival curve: %v", err)
	}
	if got := text(t, ctx, "#alpha"); !strings.HasPrefix(got, "0.704") {
		t.Errorf("during bad input alpha = %q, want the last valid 0.704...", got)
	}
}

func TestBrowserShareDialog(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription?arpa=250"), waitApp(),
		typeInto("mchurn", "4"), chromedp.Click(chromedp.ID("share-open")),
		chromedp.WaitVisible(chromedp.ID("share-dialog"))); err != nil {
		t.Fatalf("opening the share dialog: %v", err)
	}
	link, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("share-link")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(link, base+"/subscription?") || !strings.Contains(link, "arpa=250") || !strings.Contains(link, "mchurn=4") {
		t.Errorf("share link %q does not carry the view", link)
	}
	snippet, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("share-embed")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(snippet, `<div `) || !strings.Contains(snippet, `<iframe src="`+base+`/embed/subscription?`) ||
		!strings.Contains(snippet, "arpa=250") || strings.Contains(snippet, "model=") || !strings.Contains(snippet, `sandbox="allow-scripts`) {
		t.Errorf("embed snippet lacks the iframe of this view:\n%s", snippet)
	}
	// Escape closes the dialog.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape), chromedp.WaitNotPresent(chromedp.ID("share-dialog"))); err != nil {
		t.Errorf("Escape did not close the dialog: %v", err)
	}
	// The link opens the same view: $250 x 80 % / 4 % = $5,000.
	if err := chromedp.Do(ctx, chromedp.Navigate(link), waitApp()); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#ltv"); got != "$5,000.00" {
		t.Errorf("shared link shows LTV %q, want $5,000.00", got)
	}
}

// TestBrowserPrerenderMatchesApp: the prerendered figures and the running
// app's agree character for character, so nothing jumps when app.wasm takes
// over (the Go formatter against Intl.NumberFormat("en-US")). The static
// site is prerendered once per page, with its default figures, in English.
func TestBrowserPrerenderMatchesApp(t *testing.T) {
	base := serveSite(t)
	for _, path := range []string{"/", "/subscription", "/cohort"} {
		ctx := newTab(t)
		// The prerendered page alone: ?wasm=false keeps go-app from starting.
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path+"?wasm=false"), chromedp.WaitVisible(chromedp.ID("ltv"))); err != nil {
			t.Fatal(err)
		}
		pre, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".result").innerText`))
		if err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), waitApp()); err != nil {
			t.Fatal(err)
		}
		live, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector(".result").innerText`))
		if err != nil {
			t.Fatal(err)
		}
		if pre != live {
			t.Errorf("%s: prerendered result\n%s\ndiffers from the app's\n%s", path, pre, live)
		}
	}
}

// TestBrowserLanguages: each language shows its own labels and number
// formats, reads numbers typed its way, and keeps lang= in the URL.
func TestBrowserLanguages(t *testing.T) {
	base := serveSite(t)
	tests := []struct {
		lang     string
		label    string // the label of the average order value
		typed    string // a number typed the language's way
		wantLTV  string // 1234.5 x 2 x 3 in the language's default currency
		htmlLang string
	}{
		{"en", "Average order value", "1,234.5", "$7,407.00", "en-US"},
		{"fr", catalog("fr")["Average order value"], "1 234,5", "7\u202f407,00\u00a0€", "fr-FR"},
		{"ro", catalog("ro")["Average order value"], "1.234,5", "7.407,00\u00a0lei", "ro-RO"},
		{"th", catalog("th")["Average order value"], "๑,๒๓๔.๕", "฿7,407.00", "th-TH"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			ctx := newTab(t)
			if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?lang="+tt.lang), waitApp()); err != nil {
				t.Fatal(err)
			}
			if got := text(t, ctx, `label[for="aov"]`); !strings.HasPrefix(got, tt.label) {
				t.Errorf("label %q, want %q", got, tt.label)
			}
			if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`)); got != tt.htmlLang {
				t.Errorf("<html lang=%q>, want %q", got, tt.htmlLang)
			}
			wantTitle := "Customer lifetime value · LTV Lab"
			if tt.lang != "en" {
				wantTitle = catalog(tt.lang)["Customer lifetime value"] + " · LTV Lab"
			}
			if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.title`)); got != wantTitle {
				t.Errorf("title %q, want %q", got, wantTitle)
			}
			if err := chromedp.Do(ctx, pasteInto("aov", tt.typed)); err != nil {
				t.Fatal(err)
			}
			if err := waitText(ctx, "ltv", tt.wantLTV); err != nil {
				t.Errorf("typed %q: LTV %q, want %q", tt.typed, text(t, ctx, "#ltv"), tt.wantLTV)
			}
			if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("aov"))); got != tt.typed {
				t.Errorf("the field shows %q, want it kept as typed %q", got, tt.typed)
			}
			loc, _ := chromedp.Run(ctx, chromedp.Location())
			if !strings.Contains(loc, "lang="+tt.lang) {
				t.Errorf("URL %s lost lang=%s", loc, tt.lang)
			}
		})
	}
}
