//go:build !wasm

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"ltvlab/app/internal/orderdata"
	"ltvlab/app/internal/webtest"
	"ltvlab/app/serve"
	"ltvlab/app/site"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// The tests here build their own sites, from the real web/ directory with
// app.wasm, and serve each with a server of its own, which they stop or
// restart: going offline is closing the server.

// buildBrowserSite builds the site for base into a temporary directory.
// Without a compiled web/app.wasm it skips (fails under CI).
func buildBrowserSite(t *testing.T, base string) string {
	t.Helper()
	web := filepath.Join(webtest.Root(t), "web")
	if _, err := os.Stat(filepath.Join(web, "app.wasm")); err != nil {
		unavailable(t, "no compiled %s (run make static): %v", filepath.Join(web, "app.wasm"), err)
	}
	out := filepath.Join(t.TempDir(), "site")
	if _, err := site.Build(site.Options{Out: out, Web: web, Base: base, SkipPrecompress: true}); err != nil {
		t.Fatalf("building the site for %s: %v", base, err)
	}
	return out
}

// workerInstalled is true once the site's service worker is active and its
// cache, the only one of the site, holds every URL of the precache list.
func workerInstalled(precache []string) string {
	return `(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  if (!reg || !reg.active || reg.active.state !== "activated") return false;
  const names = await caches.keys();
  if (names.length !== 1) return false;
  const cache = await caches.open(names[0]);
  const have = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  return ` + jsStringArray(precache) + `.every((u) => have.has(u));
})()`
}

// installWorker loads url, waits for the service worker to install with a
// complete cache, and loads url again, now under the worker's control.
func installWorker(t *testing.T, ctx context.Context, url string, precache []string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(url), waitApp()); err != nil {
		t.Fatalf("loading %s: %v", url, err)
	}
	if err := pollJS(ctx, workerInstalled(precache), 20*time.Second); err != nil {
		t.Fatalf("service worker: %v", err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url), waitApp()); err != nil {
		t.Fatalf("loading %s again: %v", url, err)
	}
	if err := pollJS(ctx, `navigator.serviceWorker.controller !== null`, 5*time.Second); err != nil {
		t.Fatalf("service worker does not control %s: %v", url, err)
	}
}

// checkInstallable asks Chromium whether the page it shows is an installable
// web app, and checks the manifest it parsed: scope and start URL at base.
func checkInstallable(t *testing.T, ctx context.Context, base string) {
	t.Helper()
	var installErrs []string
	var manifest page.GetAppManifestResult
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
		res, err := cdp.Call(ctx, target, page.GetInstallabilityErrors, cdp.Empty{})
		if err != nil {
			return err
		}
		for _, e := range res.InstallabilityErrors {
			installErrs = append(installErrs, e.ErrorID)
		}
		manifest, err = cdp.Call(ctx, target, page.GetAppManifest, page.GetAppManifestParams{})
		return err
	}))
	if err != nil {
		t.Fatalf("asking Chromium about the manifest: %v", err)
	}
	if len(installErrs) > 0 {
		t.Errorf("not installable: %q", installErrs)
	}
	for _, e := range manifest.Errors {
		t.Errorf("manifest error: %s", e.Message)
	}
	if m := manifest.Manifest; m == nil || !strings.HasSuffix(m.Scope, base) || !strings.HasSuffix(m.StartURL, base) {
		t.Errorf("parsed manifest %+v, want scope and start_url %s", m, base)
	}
}

// TestBrowserOffline loads the app once, lets the service worker install,
// stops the server, and opens deep links with the calculator's inputs in
// the query string: they load from the cache and compute.
func TestBrowserOffline(t *testing.T) {
	chromiumPath(t)
	for _, tt := range []struct{ name, base string }{
		{"root", "/"},
		{"sub-path", "/ltv/"},
	} {
		base := tt.base
		t.Run(tt.name, func(t *testing.T) {
			dir := buildBrowserSite(t, base)
			precache := workerPrecache(t, readSiteFile(t, dir, "app-worker.js"))
			addr, stop := webtest.StartServer(t, serve.Options{Dir: dir, Base: base})
			root := "http://" + addr + base
			ctx := newTab(t)
			installWorker(t, ctx, root, precache)
			checkInstallable(t, ctx, base)
			stop()

			for _, link := range []string{
				root + "?aov=80&freq=3&years=2",
				root + "?years=2&freq=3&aov=80&utm_source=newsletter",
			} {
				if err := chromedp.Do(ctx, chromedp.Navigate(link), waitApp()); err != nil {
					t.Fatalf("offline %s: %v", link, err)
				}
				if err := waitText(ctx, "ltv", "$480.00"); err != nil {
					got, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("ltv")))
					t.Errorf("offline %s: LTV = %q, want $480.00", link, got)
				}
			}
			// The order-file page works offline too: it reads and fits a file.
			orders := filepath.Join(t.TempDir(), "orders.csv")
			if err := os.WriteFile(orders, orderdata.Simulate(300, orderdata.Small, 5), 0o644); err != nil {
				t.Fatal(err)
			}
			link := root + "transactions?period=month&horizon=6"
			if err := chromedp.Do(ctx, chromedp.Navigate(link), waitApp(), chromedp.SetUploadFiles("#tx-file", []string{orders})); err != nil {
				t.Fatalf("offline %s: %v", link, err)
			}
			if err := webtest.WaitContains(ctx, "#tx-progress", "done in"); err != nil {
				got, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("tx-status")))
				t.Errorf("offline %s: the file was not fitted (%q)", link, got)
			}
		})
	}
}

// TestBrowserSubPath serves a site built with -base /ltv/ under /ltv/, as a
// GitHub Pages project site, with the server's headers: /ltv redirects to
// /ltv/, the app computes there and links home under /ltv/, and every page
// starts without a CSP violation.
func TestBrowserSubPath(t *testing.T) {
	chromiumPath(t)
	dir := buildBrowserSite(t, "/ltv/")
	addr, _ := webtest.StartServer(t, serve.Options{Dir: dir, Base: "/ltv/"})
	ctx := newTab(t)
	if err := chromedp.Do(ctx, recordCSPViolations()); err != nil {
		t.Fatal(err)
	}
	link := "http://" + addr + "/ltv?aov=80&freq=3&years=2"
	if err := chromedp.Do(ctx, chromedp.Navigate(link), waitApp()); err != nil {
		t.Fatalf("loading %s: %v", link, err)
	}
	if loc, _ := chromedp.Run(ctx, chromedp.Location()); !strings.HasPrefix(loc, "http://"+addr+"/ltv/?") {
		t.Errorf("%s landed on %s, want /ltv/?...", link, loc)
	}
	if err := waitText(ctx, "ltv", "$480.00"); err != nil {
		t.Errorf("under /ltv/: %v", err)
	}
	if err := chromedp.Do(ctx, typeInto("aov", "100")); err != nil {
		t.Fatal(err)
	}
	if err := waitText(ctx, "ltv", "$600.00"); err != nil {
		t.Errorf("after typing 100 under /ltv/: %v", err)
	}
	brand, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("a.brand").getAttribute("href")`))
	// The home link keeps the language and currency: /ltv/?lang=en&cur=USD.
	if err != nil || !strings.HasPrefix(brand, "/ltv/?") || !strings.Contains(brand, "lang=en") {
		t.Errorf("home link in the running app = %q (%v), want /ltv/?lang=en...", brand, err)
	}
	logo, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const i = document.querySelector("a.brand img"); return i.complete && i.naturalWidth > 0; })()`))
	if err != nil || !logo {
		t.Errorf("logo did not load under /ltv/ (%v)", err)
	}

	// Every page of the site starts under /ltv/, within the CSP.
	pages, err := filepath.Glob(filepath.Join(dir, "*.html"))
	if err != nil || len(pages) < 2 {
		t.Fatalf("pages of the site: %q (%v)", pages, err)
	}
	for _, p := range pages {
		name := strings.TrimSuffix(filepath.Base(p), ".html")
		if name == "404" {
			continue
		}
		if name == "index" {
			name = ""
		}
		url := "http://" + addr + "/ltv/" + name
		if err := chromedp.Do(ctx, chromedp.Navigate(url), waitApp()); err != nil {
			t.Errorf("loading %s: %v", url, err)
			continue
		}
		violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.cspViolations`))
		if err != nil || len(violations) > 0 {
			t.Errorf("%s: Content-Security-Policy violations %q (%v)", url, violations, err)
		}
	}
}

// TestBrowserUpdateNotice installs one version, deploys another (a new
// service worker) and checks that the page offers a reload, that the
// earlier cache is dropped and that Reload brings the new version.
func TestBrowserUpdateNotice(t *testing.T) {
	chromiumPath(t)
	dir := buildBrowserSite(t, "/")
	worker := readSiteFile(t, dir, "app-worker.js")
	precache := workerPrecache(t, worker)
	addr, stop := webtest.StartServer(t, serve.Options{Dir: dir})
	ctx := newTab(t)
	installWorker(t, ctx, "http://"+addr+"/", precache)
	if shown, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.getElementById("update-reload")`)); shown {
		t.Error("update notice shown before any update")
	}

	// The next deployment: the same site under another version.
	stop()
	const next = "0123456789ab"
	version := strings.TrimSpace(readSiteFile(t, dir, ".ltvlab-site"))
	if !strings.Contains(worker, `"`+version+`"`) {
		t.Fatalf("worker does not name its cache after version %s", version)
	}
	if err := os.WriteFile(filepath.Join(dir, "app-worker.js"), []byte(strings.ReplaceAll(worker, `"`+version+`"`, `"`+next+`"`)), 0o644); err != nil {
		t.Fatal(err)
	}
	webtest.StartServer(t, serve.Options{Addr: addr, Dir: dir})

	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`goappTryUpdate()`)); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.WaitVisible(chromedp.ID("update-reload"))); err != nil {
		t.Fatalf("no update notice: %v", err)
	}
	names, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`caches.keys()`, chromedp.EvalAwaitPromise))
	if err != nil || len(names) != 1 || !strings.HasSuffix(names[0], " "+next) {
		t.Errorf("caches after the update = %q (%v), want only version %s", names, err, next)
	}
	// A mark on the window tells the reloaded page from this one.
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.beforeReload = true`), chromedp.Click(chromedp.ID("update-reload"))); err != nil {
		t.Fatal(err)
	}
	if err := pollJS(ctx, `!window.beforeReload && document.documentElement.dataset.app === "ready"`, 20*time.Second); err != nil {
		t.Fatalf("Reload: %v", err)
	}
	if shown, _ := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.getElementById("update-reload")`)); shown {
		t.Error("update notice still shown after reloading")
	}
}
