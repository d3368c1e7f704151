//go:build !wasm

package ui

import (
	"testing"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// TestBrowserTypingBeforeAppStarts: what a visitor types into the
// prerendered page while app.wasm is still downloading is kept when the app
// takes over the page, the result is computed from it, and the caret stays
// in the field.
func TestBrowserTypingBeforeAppStarts(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	// Hold app.wasm until the visitor has typed.
	held := openHolding(t, ctx, base+"/", "*.wasm", "aov", "app.wasm")
	if ready, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.documentElement.dataset.app === "ready"`)); ready {
		t.Fatal("the app runs without its wasm")
	}
	if err := chromedp.Do(ctx, typeInto("aov", "80")); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: held.RequestID}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, waitApp()); err != nil {
		t.Fatal(err)
	}
	if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("aov"))); got != "80" {
		t.Errorf("after the app started, the field shows %q, want the typed 80", got)
	}
	// 80 x 2 x 3 = 480.
	if err := waitText(ctx, "ltv", "$480.00"); err != nil {
		t.Errorf("LTV %q, want $480.00 from what was typed", text(t, ctx, "#ltv"))
	}
	if id, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.activeElement.id`)); id != "aov" {
		t.Errorf("focus on %q after the app started, want it kept in aov", id)
	}
}
