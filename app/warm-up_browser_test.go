//go:build !wasm

package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// TestBrowserWasmWarmUp: on every page the worker that compiles app.wasm
// runs the page's first render to its end before it hands the module over
// (web/wasm-compile.js, app/warm-up_wasm.go): a render that meets something
// the stand-in document lacks would stop it early.
func TestBrowserWasmWarmUp(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	for _, path := range []string{"/", "/subscription", "/cohort", "/embed?model=subscription"} {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+path), waitApp()); err != nil {
			t.Fatalf("loading %s: %v", path, err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.ltvWasmWarmUp)`))
		if err != nil {
			t.Fatal(err)
		}
		if got != "done" {
			t.Errorf("%s: warm-up %q, want done", path, got)
		}
	}
	// The order-file page: the compiling worker renders it with results
	// (through the order worker's messages), and the order worker warms
	// up on a larger file and says so.
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/transactions"), waitApp()); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.ltvWasmWarmUp)`)); got != "done" {
		t.Errorf("/transactions: warm-up %q, want done", got)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.ltvOrderWorkerState === "warm"`, chromedp.WithPollingTimeout(time.Minute))); err != nil {
		t.Errorf("/transactions: the order worker did not warm up (%v)", err)
	}
}

// TestBrowserWarmUpStopsHarmlessly: when the warm-up stops early (here the
// stand-in document lacks createElement), the page still gets the module
// from the worker, the app starts and computes.
func TestBrowserWarmUpStopsHarmlessly(t *testing.T) {
	base := serveSite(t)
	workers, err := filepath.Glob(filepath.Join(siteDir(t), "web", "wasm-compile.*.js"))
	if err != nil || len(workers) != 1 {
		t.Fatalf("the site's compiling worker: %v %v", workers, err)
	}
	src, err := os.ReadFile(workers[0])
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(src), "createElement: element,", "", 1)
	if broken == string(src) {
		t.Fatal("the worker's stand-in document has no createElement to remove: update this test")
	}
	ctx := newTab(t)
	held := openHolding(t, ctx, base+"/", "*/wasm-compile.*", "aov", "the compiling worker")
	if _, err := chromedp.Call(ctx, fetch.FulfillRequest, fetch.FulfillRequestParams{
		RequestID:       held.RequestID,
		ResponseCode:    200,
		ResponseHeaders: []*fetch.HeaderEntry{{Name: "Content-Type", Value: "text/javascript; charset=utf-8"}},
		Body:            []byte(broken),
	}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, waitApp()); err != nil {
		t.Fatalf("the app did not start after the warm-up stopped: %v", err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`String(window.ltvWasmWarmUp)`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(got, "stopped: ") {
		t.Errorf("warm-up %q, want it stopped", got)
	}
	if err := chromedp.Do(ctx, typeInto("aov", "80")); err != nil {
		t.Fatal(err)
	}
	// 80 x 2 x 3 = 480.
	if err := waitText(ctx, "ltv", "$480.00"); err != nil {
		t.Errorf("LTV %q, want $480.00", text(t, ctx, "#ltv"))
	}
}
