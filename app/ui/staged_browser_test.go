//go:build !wasm

package ui

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"ltvlab/app/internal/webtest"
)

// stagedWatch records, when the app marks the document ready, the sections
// still waiting to be mounted (data-premount) and their marks, and the
// layout shifts of the whole load.
const stagedWatch = `window.ltvStaged = null; window.ltvShift = 0;
new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { if (!e.hadRecentInput) { window.ltvShift += e.value; } }); }).observe({type: "layout-shift", buffered: true});
new MutationObserver(function () {
  if (window.ltvStaged === null && document.documentElement.getAttribute("data-app") === "ready") {
    window.ltvStaged = Array.prototype.map.call(document.querySelectorAll("[data-premount]"), function (el) { return el.id + ":" + el.getAttribute("data-premount"); });
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-app", "data-staging"]});`

// TestBrowserStagedSections: the app's first render mounts the form and the
// result panel, and leaves the sections below as they were prerendered
// (shown as they were where the prerendered page is the page's, hidden
// where it is another language's); they are then mounted in later tasks,
// with nothing moving on screen, and work.
func TestBrowserStagedSections(t *testing.T) {
	base := serveSite(t)
	for _, c := range []struct {
		url   string
		width int64
		mark  string
		want  []string
	}{
		{"/", 1280, "", []string{"totals", "cac-builder", "charts", "whatif", "scenarios", "how"}},
		{"/", 360, "", []string{"totals", "cac-builder", "charts", "whatif", "scenarios", "how"}},
		{"/subscription?lang=fr", 1280, "hidden", []string{"cac-builder", "charts", "whatif", "scenarios", "how"}},
	} {
		t.Run(fmt.Sprint(c.url, "@", c.width), func(t *testing.T) {
			ctx := newTabFor(t, 60*time.Second)
			if _, err := chromedp.Call(ctx, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: c.width, Height: 800, DeviceScaleFactor: 1, Mobile: c.width < 600}); err != nil {
				t.Fatal(err)
			}
			if err := chromedp.Do(ctx, webtest.EvaluateOnNewDocument(stagedWatch), chromedp.Navigate(base+c.url), waitApp()); err != nil {
				t.Fatal(err)
			}
			var got struct {
				Staged []string
				Left   int
				Shift  float64
				Once   bool
			}
			js := `JSON.stringify({Staged: window.ltvStaged, Left: document.querySelectorAll("[data-premount]").length, Shift: window.ltvShift,
				Once: ["totals", "cac-builder", "charts", "whatif", "scenarios", "how"].every(function (id) { return document.querySelectorAll("[id='" + id + "']").length <= 1; })})`
			s, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal([]byte(s), &got); err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, id := range c.want {
				want = append(want, id+":"+c.mark)
			}
			if !slices.Equal(got.Staged, want) {
				t.Errorf("waiting when the app was ready: %q, want %q", got.Staged, want)
			}
			if got.Left != 0 || !got.Once {
				t.Errorf("after staging: %d sections still prerendered copies; each id once: %v", got.Left, got.Once)
			}
			if c.mark == "" && got.Shift > 0.01 {
				t.Errorf("layout shift %.3f while the app took over the page", got.Shift)
			}
			// The sections work: a what-if lever redoes the comparison.
			before := text(t, ctx, ".whatif-table")
			if err := chromedp.Do(ctx, typeInto("wcac", "-20")); err != nil {
				t.Fatal(err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.querySelector(".whatif-table").textContent !== `+jsString(before),
				chromedp.WithPollingTimeout(5*time.Second))); err != nil {
				t.Errorf("what-if table unchanged by a lever: %q", before)
			}
		})
	}
}

// stagedVisitor does, when the app marks the document ready and before the
// sections below the form are mounted, what a visitor could do in their
// prerendered copies: opens "How this is computed", types a what-if lever
// and stays in that field. (On a page whose prerendered figures are not its
// own the copies are hidden, out of reach: hence a page with none.)
const stagedVisitor = `window.ltvActed = false;
new MutationObserver(function () {
  if (!window.ltvActed && document.documentElement.getAttribute("data-app") === "ready") {
    window.ltvActed = true;
    var how = document.getElementById("how"), lever = document.getElementById("wcac");
    if (!how || !lever || !how.hasAttribute("data-premount") || !lever.closest("[data-premount]")) {
      window.ltvActed = "not waiting";
      return;
    }
    how.open = true;
    lever.value = "-20";
    lever.focus();
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["data-app"]});`

// TestBrowserStagedSectionsKeepWhatIsDone: what a visitor does in a section
// that waits to be mounted is not lost when it is: the fold stays open, the
// typed lever counts (the comparison, the address) and the caret stays in
// it.
func TestBrowserStagedSectionsKeepWhatIsDone(t *testing.T) {
	base := serveSite(t)
	ctx := newTabFor(t, 60*time.Second)
	if err := chromedp.Do(ctx, webtest.EvaluateOnNewDocument(stagedVisitor), chromedp.Navigate(base+"/"), waitApp()); err != nil {
		t.Fatal(err)
	}
	acted, err := chromedp.Run(ctx, chromedp.Evaluate[any](`window.ltvActed`))
	if err != nil {
		t.Fatal(err)
	}
	if acted != true {
		t.Fatalf("the visitor's actions on the waiting sections: %v", acted)
	}
	if loc, err := webtest.WaitURL(ctx, "wcac=-20"); err != nil {
		t.Errorf("the lever typed while its section waited is not in the address: %s", loc)
	}
	var got struct {
		Open           bool
		Value, Focused string
		Table          string
	}
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify({Open: document.getElementById("how").open,
		Value: document.getElementById("wcac").value, Focused: document.activeElement.id,
		Table: document.querySelector(".whatif-table") ? document.querySelector(".whatif-table").textContent : ""})`))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(s), &got); err != nil {
		t.Fatal(err)
	}
	if !got.Open || got.Value != "-20" || got.Focused != "wcac" || got.Table == "" {
		t.Errorf("after mounting: how open %v, lever %q, focus on %q, comparison %q; want open, \"-20\", wcac, a comparison", got.Open, got.Value, got.Focused, got.Table)
	}
}

// stagedLanguage changes the page's language as soon as the app runs,
// while sections still wait, and records how many copies are left when the
// title first shows in the new language.
const stagedLanguage = `window.ltvLeft = null; window.ltvChose = false;
new MutationObserver(function () {
  var h1 = document.querySelector("h1");
  if (!window.ltvChose && document.documentElement.getAttribute("data-app") === "ready") {
    window.ltvChose = document.querySelectorAll("[data-premount]").length > 0 ? true : "nothing waited";
    window.ltvTitle = h1.textContent;
    var s = document.getElementById("lang");
    s.value = "fr";
    s.dispatchEvent(new Event("change", {bubbles: true}));
  }
  if (window.ltvChose === true && window.ltvLeft === null && h1 && h1.textContent !== window.ltvTitle) {
    window.ltvLeft = document.querySelectorAll("[data-premount]").length;
  }
}).observe(document, {attributes: true, childList: true, characterData: true, subtree: true});`

// TestBrowserStagedSectionsNewLanguage: a language chosen while sections
// wait is the whole page's at once: the copies, in the prerendered
// language, do not stay beside a page in the new one.
func TestBrowserStagedSectionsNewLanguage(t *testing.T) {
	base := serveSite(t)
	ctx := newTabFor(t, 60*time.Second)
	if err := chromedp.Do(ctx, webtest.EvaluateOnNewDocument(stagedLanguage), chromedp.Navigate(base+"/"), waitApp()); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.ltvLeft !== null`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		chose, _ := chromedp.Run(ctx, chromedp.Evaluate[any](`window.ltvChose`))
		t.Fatalf("the title did not change language (chose: %v): %v", chose, err)
	}
	left, err := chromedp.Run(ctx, chromedp.Evaluate[int](`window.ltvLeft`))
	if err != nil {
		t.Fatal(err)
	}
	if left != 0 {
		t.Errorf("%d sections still prerendered copies when the page showed in French", left)
	}
}
