//go:build !wasm

package ui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// holdWasm opens url with app.wasm held back, and returns once the
// prerendered document has loaded, with the held request to let go.
func holdWasm(t *testing.T, ctx context.Context, url string) *fetch.EventRequestPaused {
	t.Helper()
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: "*.wasm"}},
	}); err != nil {
		t.Fatal(err)
	}
	waitCtx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	paused := chromedp.Events(waitCtx, fetch.RequestPaused)
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatal(err)
	}
	for ev, err := range paused {
		if err != nil {
			t.Fatalf("app.wasm was never requested: %v", err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`, chromedp.WithPollingTimeout(10*time.Second))); err != nil {
			t.Fatal(err)
		}
		return &ev
	}
	t.Fatal("app.wasm was never requested")
	return nil
}

// release lets the held app.wasm through and waits for the app.
func release(t *testing.T, ctx context.Context, held *fetch.EventRequestPaused) {
	t.Helper()
	if _, err := chromedp.Call(ctx, fetch.ContinueRequest, fetch.ContinueRequestParams{RequestID: held.RequestID}); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, waitApp()); err != nil {
		t.Fatal(err)
	}
}

// shownText is the text a visitor sees on the page: hidden elements left
// out (innerText), and the generated content of the pending marks.
func shownText(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText + " " +
	  getComputedStyle(document.body, "::before").content + " " +
	  getComputedStyle(document.querySelector(".result") || document.body, "::after").content`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestBrowserLinkBeforeAppStarts: until the app runs, a link with other
// figures or another language shows none of the prerendered page's default
// figures as its own, and its fields show the link's figures.
func TestBrowserLinkBeforeAppStarts(t *testing.T) {
	base := serveSite(t)

	t.Run("other figures", func(t *testing.T) {
		ctx := newTab(t)
		held := holdWasm(t, ctx, base+"/?cur=EUR&aov=80")
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!document.documentElement.hasAttribute("data-fill")`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatal("the fields were never filled from the link")
		}
		shown := shownText(t, ctx)
		for _, bad := range []string{"$300.00", "$100.00", "$200.00"} {
			if strings.Contains(shown, bad) {
				t.Errorf("before the app runs, the page shows the default figure %s as the link's", bad)
			}
		}
		if !strings.Contains(shown, "Working out your figures…") {
			t.Errorf("the result does not say it is being worked out: %q", clipText(shown))
		}
		if got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("aov"))); got != "80" {
			t.Errorf("before the app runs, the order value shows %q, want the link's 80", got)
		}
		release(t, ctx, held)
		if err := waitText(ctx, "ltv", "€480.00"); err != nil {
			t.Errorf("LTV %q, want €480.00", text(t, ctx, "#ltv"))
		}
		if strings.Contains(shownText(t, ctx), "Working out") {
			t.Error("the app runs and the page still says it is working out the figures")
		}
	})

	t.Run("another language, bad input", func(t *testing.T) {
		ctx := newTab(t)
		held := holdWasm(t, ctx, base+"/subscription?lang=fr&mchurn=0")
		shown := shownText(t, ctx)
		if !strings.Contains(shown, "Chargement du calculateur…") {
			t.Errorf("before the app runs, a French link does not say it is loading, in French: %q", clipText(shown))
		}
		for _, bad := range []string{"$", "Subscription LTV", "Lifetime value", "Monthly churn"} {
			if strings.Contains(shown, bad) {
				t.Errorf("before the app runs, a French link shows %q", bad)
			}
		}
		release(t, ctx, held)
		if err := waitText(ctx, "ltv", "–"); err != nil {
			t.Errorf("LTV %q, want no figure (–) for a link with a bad churn", text(t, ctx, "#ltv"))
		}
		results := text(t, ctx, ".result")
		for _, bad := range []string{"$", "1 600", "1,600", "Lifetime value", "Out of date"} {
			if strings.Contains(results, bad) {
				t.Errorf("a French link with a bad churn shows %q in its results: %q", bad, results)
			}
		}
		if !strings.Contains(results, "Corrigez les champs signalés") {
			t.Errorf("the results do not say, in French, what to do: %q", results)
		}
	})

	t.Run("the page as prerendered", func(t *testing.T) {
		ctx := newTab(t)
		held := holdWasm(t, ctx, base+"/")
		if shown := shownText(t, ctx); !strings.Contains(shown, "$300.00") || strings.Contains(shown, "Working out") {
			t.Errorf("before the app runs, / does not show its own figures: %q", clipText(shown))
		}
		release(t, ctx, held)
	})
}

// TestBrowserNotFoundInLanguage: the 404 page speaks the browser's
// language.
func TestBrowserNotFoundInLanguage(t *testing.T) {
	base := serveSite(t)
	for lang, want := range map[string]string{"en-US": "Page not found", "fr-FR": "Page introuvable", "ro-RO": "Pagina nu a fost găsită", "th-TH": "ไม่พบหน้านี้"} {
		ctx := newTabFor(t, time.Minute, chromedp.Flag("accept-lang", lang))
		if err := chromedp.Do(ctx, chromedp.Navigate(base+"/no-such-page")); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`)); err != nil {
			t.Fatal(err)
		}
		if got := shownText(t, ctx); !strings.Contains(got, want) || strings.Count(got, "LTV") > 2 {
			t.Errorf("404 page with the browser in %s shows %q, want only %q", lang, clipText(got), want)
		}
	}
}
