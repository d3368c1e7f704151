//go:build !wasm

package ui

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestBrowserWhatIfReadable: every row and column of the what-if
// comparison is in view without scrolling inside it, on a desktop and on a
// phone (there a block per figure), in every language; a lever calc
// refuses is said to be wrong; the levers set are named.
func TestBrowserWhatIfReadable(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	for _, width := range []int64{1280, 360} {
		for _, lang := range []string{"en", "fr", "ro", "th"} {
			url := base + "/subscription?wchurn=-1&wprice=10&wcac=-20&lang=" + lang
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(url), waitApp(),
				chromedp.WaitVisible(chromedp.ID("cmp-ltv"))); err != nil {
				t.Fatal(err)
			}
			hidden, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`(() => {
			  const box = document.querySelector(".whatif-table").getBoundingClientRect(), out = [];
			  for (const el of document.querySelectorAll("#compare tbody th, #compare tbody td")) {
			    const r = el.getBoundingClientRect();
			    if (r.width === 0 || r.left < box.left - 1 || r.right > box.right + 1) out.push(el.textContent);
			  }
			  let p = document.querySelector(".whatif-table");
			  for (; p; p = p.parentElement) { const s = getComputedStyle(p); if (/auto|scroll/.test(s.overflowX + s.overflowY) && p !== document.documentElement && p !== document.body) out.push("a scroll box: " + p.className); }
			  return out;
			})()`))
			if err != nil {
				t.Fatal(err)
			}
			if len(hidden) > 0 {
				t.Errorf("%s at %d px: out of view in the comparison: %q", url, width, hidden)
			}
			rows, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`document.querySelectorAll("#compare tbody tr").length`))
			if rows < 5 {
				t.Errorf("%s: %d rows in the comparison", url, rows)
			}
			display, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector("#cmp-ltv")).display`))
			if want := map[int64]string{1280: "table-row", 360: "block"}[width]; display != want {
				t.Errorf("%s at %d px: a comparison row is shown as %s, want %s", url, width, display, want)
			}
		}
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(base+"/subscription?wchurn=-1"), waitApp(),
		chromedp.WaitVisible(chromedp.ID("cmp-ltv"))); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#whatif-set"); got != "Scenario: Churn change: -1 points." {
		t.Errorf("levers named %q", got)
	}
	if err := chromedp.Do(ctx, typeInto("wchurn", "x")); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#compare", "Fix the highlighted lever to see how the figures change."); err != nil {
		t.Errorf("with a bad lever the comparison says %q", text(t, ctx, "#compare tbody"))
	}
	if strings.Contains(text(t, ctx, "#compare tbody"), "Set a lever") {
		t.Error("with a bad lever the comparison asks to set one")
	}
}

// TestBrowserSmallThings: the Share dialog's copy buttons say what they
// did; switching the cohort's period converts the discount rate in its
// field and says so.
func TestBrowserSmallThings(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription"), waitApp(), chromedp.Click(chromedp.ID("share-open")),
		chromedp.WaitVisible(chromedp.ID("share-copy-link")), chromedp.Click(chromedp.ID("share-copy-link"))); err != nil {
		t.Fatal(err)
	}
	if err := waitContains(ctx, "#share-link-copied", "."); err != nil {
		t.Errorf("copying the link says nothing: %q", text(t, ctx, "#share-link-copied"))
	}
	if got := text(t, ctx, "#share-link-copied"); got != "Copied." && !strings.HasPrefix(got, "Selected:") {
		t.Errorf("copying the link says %q", got)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/cohort?d=10"), waitApp()); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chooseOption("per", "month")); err != nil {
		v, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " " + document.getElementById("per").outerHTML + " " + document.querySelectorAll("#per").length`))
		t.Fatalf("%v: %s", err, v)
	}
	if err := waitContains(ctx, "#per-note", "10% a year is 0.7974% a month"); err != nil {
		t.Errorf("no note of the conversion: %v", err)
	}
	if got, err := waitValue(ctx, "d", "0.7974"); err != nil {
		t.Errorf("the discount rate field shows %q after the switch to months, want 0.7974", got)
	}
}
