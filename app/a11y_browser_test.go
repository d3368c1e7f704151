//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
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

// TestBrowserAccessibility runs axe-core (WCAG 2.0 A and AA, 2.1 AA, 2.2 AA)
// on every route in every language, once the app runs, and fails on any
// violation.
func TestBrowserAccessibility(t *testing.T) {
	base := serveSite(t)
	axe := axeSource(t)
	ctx := newTab(t)
	for _, route := range []string{"/", "/subscription", "/cohort", "/embed", "/embed?model=cohort"} {
		for _, lg := range languages {
			sep := "?"
			if strings.Contains(route, "?") {
				sep = "&"
			}
			url := base + route + sep + "lang=" + lg.Code
			t.Run(strings.TrimPrefix(route, "/")+"-"+lg.Code, func(t *testing.T) {
				if err := chromedp.Do(ctx, chromedp.Navigate(url), waitApp()); err != nil {
					t.Fatalf("loading %s: %v", url, err)
				}
				// Open every collapsed section so that its content is checked too.
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
			})
		}
	}
}
