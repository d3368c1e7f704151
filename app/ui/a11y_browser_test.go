//go:build !wasm

package ui

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeSource is axe-core's script, installed by make test with npm ci from
// testdata/axe/package-lock.json.
func axeSource(tb testing.TB) string {
	tb.Helper()
	p := os.Getenv("AXE_PATH")
	if p == "" {
		p = filepath.Join("testdata", "axe", "node_modules", "axe-core", "axe.min.js")
	}
	b, err := os.ReadFile(p)
	if err != nil {
		unavailable(tb, "axe-core not installed (npm ci): %v", err)
	}
	return string(b)
}

// axeViolation is the part of axe-core's result the test reports.
type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// runAxe runs axe-core (WCAG 2.0 A and AA, 2.1 AA, 2.2 AA) on the page of
// the tab, every collapsed section opened, and reports each violation.
func runAxe(t *testing.T, ctx context.Context, axe, url string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
		`document.querySelectorAll("details").forEach(function (d) { d.open = true; })`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](axe+";true")); err != nil {
		t.Fatalf("injecting axe-core: %v", err)
	}
	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]axeViolation](
		`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]}}).then(function (r) { return r.violations; })`,
		chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe.run: %v", err)
	}
	for _, v := range violations {
		var where []string
		for _, n := range v.Nodes {
			where = append(where, n.HTML)
		}
		t.Errorf("%s: %s (%s): %s", url, v.ID, v.Help, strings.Join(where, " | "))
	}
}

// TestBrowserAccessibility runs axe-core on every route in every language,
// once the app runs, and fails on any violation; then on every route in
// dark mode.
func TestBrowserAccessibility(t *testing.T) {
	base := serveSite(t)
	axe := axeSource(t)
	// 43 pages: about 5 s each on a busy 2-core machine.
	ctx := newTabFor(t, 8*time.Minute)
	routes := []string{"/", "/subscription", "/cohort", "/transactions", "/embed", "/embed/subscription", "/embed?model=cohort"}
	withLang := func(route, lang string) string {
		sep := "?"
		if strings.Contains(route, "?") {
			sep = "&"
		}
		return base + route + sep + "lang=" + lang
	}
	for _, route := range routes {
		for _, lg := range languages {
			url := withLang(route, lg.Code)
			t.Run(strings.TrimPrefix(route, "/")+"-"+lg.Code, func(t *testing.T) {
				if err := chromedp.Do(ctx, chromedp.Navigate(url), waitApp()); err != nil {
					t.Fatalf("loading %s: %v", url, err)
				}
				runAxe(t, ctx, axe, url)
			})
		}
	}
	// Dark mode (prefers-color-scheme: dark): the colours change, so does
	// their contrast.
	if err := chromedp.Do(ctx, emulateMedia("prefers-color-scheme", "dark")); err != nil {
		t.Fatal(err)
	}
	for _, route := range routes {
		url := withLang(route, "en")
		t.Run(strings.TrimPrefix(route, "/")+"-dark", func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.Navigate(url), waitApp()); err != nil {
				t.Fatalf("loading %s: %v", url, err)
			}
			if bg, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`getComputedStyle(document.body).backgroundColor`)); bg != "rgb(15, 18, 22)" {
				t.Errorf("dark mode not applied: body background %s", bg)
			}
			runAxe(t, ctx, axe, url)
		})
	}
}

// emulateMedia sets a CSS media feature, e.g. prefers-color-scheme: dark.
func emulateMedia(name, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: name, Value: value}},
		})
		return err
	})
}

// TestBrowserReflow: at 320 CSS pixels wide (a phone, or 400 % zoom of a
// 1280-pixel window) and at 640 (200 % zoom) every page fits without
// horizontal scrolling (WCAG 1.4.10).
func TestBrowserReflow(t *testing.T) {
	base := serveSite(t)
	ctx := newTabFor(t, 3*time.Minute)
	for _, width := range []int64{320, 640} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 800)); err != nil {
			t.Fatal(err)
		}
		for _, route := range []string{"/?lang=fr", "/subscription?lang=ro", "/cohort?lang=th", "/transactions?lang=th", "/embed?model=subscription"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(base+route), waitApp()); err != nil {
				t.Fatal(err)
			}
			overflow, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
			if err != nil {
				t.Fatal(err)
			}
			if overflow > 0 {
				wide, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll("body *")).filter(function (e) { return e.getBoundingClientRect().right > document.documentElement.clientWidth + 1; }).slice(0, 5).map(function (e) { return e.tagName + "." + e.className; }).join(", ")`))
				t.Errorf("%s at %d px: %d px of horizontal scrolling (too wide: %s)", route, width, overflow, wide)
			}
		}
	}
}

// TestBrowserKeyboard: the whole flow with the keyboard alone: skip to the
// calculator, type a figure, switch the language from its menu, open the
// share dialog and close it with Escape; every focused control shows a
// visible focus ring.
func TestBrowserKeyboard(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?lang=en"), waitApp()); err != nil {
		t.Fatal(err)
	}
	focused := func() string {
		id, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id || document.activeElement.className`))
		return id
	}
	ring := func() string {
		s, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(function (s) { return s.outlineStyle + " " + s.outlineWidth; })(getComputedStyle(document.activeElement))`))
		return s
	}
	// The first Tab reaches the skip link; Enter follows it.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
		t.Fatal(err)
	}
	if got := focused(); got != "skip-link" {
		t.Fatalf("first Tab focuses %q, want the skip link", got)
	}
	if r := ring(); strings.HasPrefix(r, "none") || strings.HasSuffix(r, " 0px") {
		t.Errorf("skip link focus ring: %q", r)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Enter)); err != nil {
		t.Fatal(err)
	}
	// Tab on to the first input and type over it.
	for i := 0; i < 10 && focused() != "aov"; i++ {
		if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Tab)); err != nil {
			t.Fatal(err)
		}
	}
	if got := focused(); got != "aov" {
		t.Fatalf("Tab from the skip target does not reach the first input (at %q)", got)
	}
	if r := ring(); strings.HasPrefix(r, "none") || strings.HasSuffix(r, " 0px") {
		t.Errorf("input focus ring: %q", r)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.End), chromedp.KeyEvent(kb.Backspace), chromedp.KeyEvent(kb.Backspace), chromedp.KeyEvent("80")); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$480.00"); err != nil {
		t.Errorf("after typing 80: LTV %q", text(t, ctx, "#ltv"))
	}
	// The language menu, with the keyboard: focus it, pick the next language.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("lang")), chromedp.KeyEvent(kb.ArrowDown)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.documentElement.lang === "fr-FR"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		lang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
		t.Errorf("ArrowDown on the language menu: lang %q, want fr-FR", lang)
	}
	want := catalog("fr")["Customer lifetime value"] + " · LTV Lab"
	if title, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.title`)); title != want {
		t.Errorf("after switching to French the title is %q, want %q", title, want)
	}
	// The share dialog opens with Enter and closes with Escape, giving the
	// focus back to its button.
	if err := chromedp.Do(ctx, chromedp.Focus(chromedp.ID("share-open")), chromedp.KeyEvent(kb.Enter),
		chromedp.WaitVisible(chromedp.ID("share-dialog"))); err != nil {
		t.Fatalf("Enter on Share: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape), chromedp.WaitNotPresent(chromedp.ID("share-dialog"))); err != nil {
		t.Fatalf("Escape: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.activeElement.id === "share-open"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("after Escape the focus is on %q, want the Share button", focused())
	}
}
