//go:build !wasm

package main

import (
	"context"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"
)

// The browser tests drive the real app in headless Chromium: the generated
// site (make static) served by the project's own server on a loopback port.
// Without Chromium or a generated site they skip, except under CI=true, where
// they fail: CI must never pass without running them.

// siteDir is the generated site the browser tests serve.
func siteDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("LTV_SITE")
	if dir == "" {
		dir = filepath.Join("..", "static")
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		unavailable(tb, "no generated site in %s (run make static): %v", dir, err)
	}
	return dir
}

func chromiumPath(tb testing.TB) string {
	tb.Helper()
	for _, p := range []string{os.Getenv("CHROME_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	unavailable(tb, "Chromium not found (apt-get install -y chromium)")
	return ""
}

func unavailable(tb testing.TB, format string, args ...any) {
	tb.Helper()
	if os.Getenv("CI") == "true" {
		tb.Fatalf("browser test cannot run under CI: "+format, args...)
	}
	tb.Skipf("browser test skipped: "+format, args...)
}

var (
	siteOnce sync.Once
	siteURL  string
	siteErr  error
)

// serveSite starts the project's server on the generated site once for all
// tests and returns its base URL, e.g. "http://127.0.0.1:41234".
func serveSite(tb testing.TB) string {
	tb.Helper()
	dir := siteDir(tb)
	siteOnce.Do(func() {
		ready := make(chan string, 1)
		done := make(chan error, 1)
		logger := slog.New(slog.NewTextHandler(io.Discard, nil))
		go func() { done <- serve(context.Background(), "127.0.0.1:0", dir, logger, ready) }()
		select {
		case addr := <-ready:
			siteURL = "http://" + addr
		case siteErr = <-done:
		case <-time.After(10 * time.Second):
			siteErr = context.DeadlineExceeded
		}
	})
	if siteErr != nil {
		tb.Fatalf("serving %s: %v", dir, siteErr)
	}
	return siteURL
}

// newTab opens a fresh headless Chromium (its own profile) and returns a
// context for one tab, closed at the end of the test or after a minute.
func newTab(tb testing.TB) context.Context {
	tb.Helper()
	return newTabFor(tb, 60*time.Second)
}

// newTabFor is newTab for a test that may take up to timeout, with extra
// Chromium options.
func newTabFor(tb testing.TB, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	tb.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chromiumPath(tb)),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(tb.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	opts = append(opts, extra...)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, timeout)
	tb.Cleanup(func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		tb.Fatalf("starting Chromium: %v", err)
	}
	return ctx
}

// waitApp waits until app.wasm runs and has taken over the page.
func waitApp() chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(`html[data-app="ready"] body`))
}

// openHolding opens url in the tab with the first request whose URL
// matches pattern held (Fetch domain), waits until the prerendered page
// shows the input inputID, and returns the held request: the test
// continues or fulfils it. what names the request in the failure.
func openHolding(t *testing.T, ctx context.Context, url, pattern, inputID, what string) *fetch.EventRequestPaused {
	t.Helper()
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: pattern}},
	}); err != nil {
		t.Fatal(err)
	}
	waitCtx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	paused := chromedp.Events(waitCtx, fetch.RequestPaused)
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.ID(inputID))); err != nil {
		t.Fatal(err)
	}
	for ev, err := range paused {
		if err != nil {
			t.Fatalf("%s was never requested: %v", what, err)
		}
		return &ev
	}
	t.Fatalf("%s was never requested", what)
	return nil
}
