//go:build !wasm

package ui

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"ltvlab/app/internal/webtest"
	"ltvlab/app/site/headscript"

	"ltvlab/calc"
)

// browserPayloads each hold several ways to break out into markup, so that
// one page load tries them all in every parameter: out of an attribute
// with either quote, out of a text area or a title, a tag that runs script
// by itself, an event attribute. The second starts as a javascript: URL.
var browserPayloads = []string{
	`"'></textarea></title><script>window.__x=1</script><img src=x onerror=window.__x=2><svg onload=window.__x=3>`,
	`javascript:window.__x=4" autofocus onfocus="window.__x=5' autofocus onfocus='window.__x=6`,
}

// injectionReportJS lists what markup injection leaves in a page: script
// that ran, a blocked script, an inline script, an event attribute, a
// javascript: URL, an element that runs script.
var injectionReportJS = `(() => {
	const bad = [];
	if (window.__x !== undefined) bad.push("window.__x = " + window.__x);
	for (const v of window.cspViolations || []) bad.push("CSP violation: " + v);
	for (const s of document.querySelectorAll("script:not([src])")) if (s.textContent !== ` + jsString(headscript.Script) + `) bad.push("inline script: " + s.textContent.slice(0, 80));
	for (const el of document.querySelectorAll("*")) {
		for (const a of el.attributes) {
			if (a.name.startsWith("on")) bad.push("event attribute " + a.name + " on <" + el.localName + ">");
			if (["href", "src", "action", "formaction"].includes(a.name) && /^\s*javascript:/i.test(a.value)) bad.push("javascript: URL on <" + el.localName + ">");
		}
	}
	for (const el of document.querySelectorAll("img[src=x], svg[onload], iframe, object, embed, base")) bad.push("injected " + el.outerHTML.slice(0, 80));
	return bad;
})()`

// securityTab is a tab that records CSP violations in every document.
func securityTab(t *testing.T, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	ctx := newTabFor(t, timeout, extra...)
	if err := chromedp.Do(ctx, recordCSPViolations()); err != nil {
		t.Fatal(err)
	}
	return ctx
}

// checkInjection fails the test for each trace of markup injection in the
// page.
func checkInjection(t *testing.T, ctx context.Context, what string) {
	t.Helper()
	bad, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](injectionReportJS))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	for _, b := range bad {
		t.Errorf("%s: %s", what, b)
	}
}

// TestBrowserURLPayloads loads every page with a payload in every URL
// parameter, as the running app and as the prerendered page alone
// (?wasm=false): no injected markup, no script run or blocked; in the app
// every text input holds the payload as typed, and the Share dialog
// carries it only encoded.
func TestBrowserURLPayloads(t *testing.T) {
	base := serveSite(t)
	ctx := securityTab(t, 3*time.Minute)
	for _, pg := range routeParams() {
		for i, payload := range browserPayloads {
			q := url.Values{}
			for _, p := range pg.Params {
				q.Set(p, payload)
			}
			if pg.Model != "" {
				q.Set("model", pg.Model)
			}
			target := base + pg.Path + "?" + q.Encode()
			what := pg.Path + " " + pg.Model + " payload " + string(rune('A'+i))
			if i == 0 {
				if err := chromedp.Do(ctx, chromedp.Navigate(target+"&wasm=false"), chromedp.WaitVisible(chromedp.ID("ltv"))); err != nil {
					t.Fatalf("%s, prerendered: %v", what, err)
				}
				checkInjection(t, ctx, what+", prerendered")
			}
			if err := chromedp.Do(ctx, chromedp.Navigate(target), waitApp()); err != nil {
				t.Fatalf("%s: %v", what, err)
			}
			checkInjection(t, ctx, what)
			held, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](
				`Object.fromEntries(Array.from(document.querySelectorAll("input.field-input, textarea.field-input")).map(e => [e.id, e.value]))`))
			if err != nil {
				t.Fatal(err)
			}
			for id, v := range held {
				if slices.Contains(pg.Params, id) && v != payload {
					t.Errorf("%s: input %s holds %q, want the payload as typed", what, id, v)
				}
			}
			if pg.Path == "/cohort" {
				// A script click: the button sits low in the sticky result
				// panel, which here is taller than the window.
				if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("share-open").click()`),
					chromedp.WaitVisible(chromedp.ID("share-dialog"))); err != nil {
					t.Fatalf("%s: opening the share dialog: %v", what, err)
				}
				checkInjection(t, ctx, what+", share dialog")
				// The snippet is HTML for another site: a block with one
				// iframe of this view, its URL encoded, whose only script
				// is our own onload, and a link to the view.
				snippet, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID("share-embed")))
				tags := webtest.HTMLTags(snippet)
				if len(tags) != 3 || tags[0].Name != "div" || tags[1].Name != "iframe" || tags[2].Name != "a" || strings.Contains(snippet, payload) {
					t.Errorf("%s: the embed snippet is not a div, an iframe and a link:\n%s", what, snippet)
				}
				for _, tag := range tags {
					for _, a := range tag.Attrs {
						switch {
						case tag.Name == "iframe" && a[0] == "onload" && a[1] == escapeHTML(snippetOnload):
						case strings.HasPrefix(a[0], "on"),
							a[0] == "src" && (!strings.HasPrefix(a[1], base+"/embed/cohort?") || strings.ContainsAny(a[1], "\"'<> ")),
							a[0] == "href" && (!strings.HasPrefix(a[1], base+"/cohort?") || strings.ContainsAny(a[1], "\"'<> ")):
							t.Errorf("%s: the embed snippet's %s has %s=%q", what, tag.Name, a[0], a[1])
						}
					}
				}
				if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape), chromedp.WaitNotPresent(chromedp.ID("share-dialog"))); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
}

// TestBrowserFilePayloads opens a scenario file with a payload in every
// field and saves scenarios with payloads in their name, in the running
// app, and reads a stored document full of payloads: nothing of it becomes
// markup.
func TestBrowserFilePayloads(t *testing.T) {
	base := serveSite(t)
	ctx := securityTab(t, 2*time.Minute)
	payload := browserPayloads[0]

	// A scenario file whose every figure and option is a payload.
	doc := map[string]any{"model": calc.ModelSubscription}
	for _, in := range subscriptionSpec.allInputs() {
		if in.Field != "" && !strings.Contains(in.Field, ".") {
			doc[in.Field] = payload
		}
	}
	b, _ := json.Marshal(doc)
	file := filepath.Join(t.TempDir(), "hostile.json")
	if err := os.WriteFile(file, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/subscription"), waitApp(),
		chromedp.SetUploadFiles(chromedp.ID("scenario-import"), []string{file})); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(document.getElementById("arpa") || {}).value === `+jsString(payload),
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Fatalf("the file did not open: arpa holds %q; %s", text(t, ctx, "#arpa"), text(t, ctx, "#scenario-import-errors"))
	}
	checkInjection(t, ctx, "opened file")

	// A scenario saved under a payload name, then renamed to another.
	if err := chromedp.Do(ctx, pasteInto("scenario-name", payload), chromedp.Click(chromedp.ID("scenario-save")),
		chromedp.WaitVisible(chromedp.ID("scenario-name-0"))); err != nil {
		t.Fatal(err)
	}
	if got := text(t, ctx, "#scenario-name-0"); !strings.HasPrefix(payload, got) {
		t.Errorf("saved scenario named %q, want the payload as text", got)
	}
	checkInjection(t, ctx, "saved scenario")

	// A stored document written by someone else: payloads in the name, the
	// date and the figures of a readable entry; entries with a payload for
	// id or scenario, which are skipped.
	stored, _ := json.Marshal(map[string]any{"version": 1, "scenarios": []any{
		map[string]any{"id": "s1", "name": payload, "model": calc.ModelCohort, "saved_at": payload,
			"scenario": map[string]any{"model": calc.ModelCohort, "customers": payload, "margin_per_period": payload,
				"survival_pct": []string{payload}, "cohorts": [][]string{{payload}}, "period": payload}},
		map[string]any{"id": payload, "name": payload, "scenario": map[string]any{"model": calc.ModelPurchase}},
		map[string]any{"id": "x", "name": "<b>bold</b>", "model": payload, "scenario": payload},
	}})
	if err := chromedp.Do(ctx,
		chromedp.Evaluate[chromedp.Void](`localStorage.setItem("ltvlab.scenarios", `+jsString(string(stored))+`)`),
		chromedp.Navigate(base+"/cohort"), waitApp(), chromedp.WaitVisible(chromedp.ID("scenario-name-0"))); err != nil {
		t.Fatal(err)
	}
	checkInjection(t, ctx, "stored scenarios")
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.ID("scenario-open-0"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`(document.getElementById("n") || {}).value === `+jsString(payload),
		chromedp.WithPollingTimeout(10*time.Second))); err != nil {
		t.Errorf("the stored scenario did not open: n holds %q", text(t, ctx, "#n"))
	}
	checkInjection(t, ctx, "opened stored scenario")
}

// chromiumServices are the hosts TestBrowserNoOutboundRequests sends
// Chromium's own services to.
var chromiumServices = map[string]bool{"gaia.invalid": true, "lso.invalid": true, "apis.invalid": true, "updates.invalid": true}

// TestBrowserNoOutboundRequests runs a whole session through a recording
// proxy that Chromium must use for every request, loopback included: every
// route, typing, a what-if, a goal seek, the Share dialog, the language
// and currency menus, a saved scenario, the embed view and a reload from
// the service worker. Every request goes to the site's own origin.
func TestBrowserNoOutboundRequests(t *testing.T) {
	base := serveSite(t)
	origin, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	var (
		mu               sync.Mutex
		outbound, inside []string
	)
	forward := httputil.NewSingleHostReverseProxy(origin)
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		if chromiumServices[r.URL.Hostname()] {
			mu.Unlock()
			http.Error(w, "Chromium's own service, off in this test", http.StatusForbidden)
			return
		}
		if r.Method == http.MethodConnect || r.URL.Host != origin.Host || r.URL.Scheme != "http" {
			outbound = append(outbound, r.Method+" "+r.URL.String()+" "+r.Host)
			mu.Unlock()
			http.Error(w, "outbound request refused by the test", http.StatusForbidden)
			return
		}
		inside = append(inside, r.URL.Path)
		mu.Unlock()
		forward.ServeHTTP(w, r)
	}))
	defer proxy.Close()
	// Chromium's own services (autofill, network time, safe browsing...)
	// are turned off; those that no switch turns off (the component updater,
	// the sign-in account list) are sent to hosts of their own under
	// .invalid, which the proxy tells apart. What else goes out is the
	// page's.
	ctx := securityTab(t, 3*time.Minute,
		chromedp.ProxyServer(proxy.URL),
		chromedp.Flag("proxy-bypass-list", "<-loopback>"),
		chromedp.Flag("disable-features", "AutofillServerCommunication,Translate,OptimizationHints,MediaRouter,"+
			"DialMediaRouteProvider,CertificateTransparencyComponentUpdater,InterestFeedContentSuggestions,NetworkTimeServiceQuerying"),
		chromedp.Flag("gaia-url", "http://gaia.invalid/"),
		chromedp.Flag("lso-url", "http://lso.invalid/"),
		chromedp.Flag("google-apis-url", "http://apis.invalid/"),
		chromedp.Flag("component-updater", "url-source=http://updates.invalid/"),
		chromedp.Flag("disable-client-side-phishing-detection", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-domain-reliability", true),
		chromedp.Flag("no-pings", true),
		chromedp.Flag("safebrowsing-disable-auto-update", true),
		chromedp.Flag("metrics-recording-only", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.Flag("use-mock-keychain", true),
		chromedp.Flag("variations-server-url", proxy.URL+"/variations-off"))

	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	step("loading /", chromedp.Navigate(base+"/"), waitApp())
	step("typing", typeInto("aov", "80"), typeInto("freq", "3"))
	if err := waitText(ctx, "ltv", "$720.00"); err != nil {
		t.Fatalf("LTV %q after typing, want $720.00", text(t, ctx, "#ltv"))
	}
	step("what-if", typeInto("wprice", "10"))
	if err := waitContains(ctx, "#compare", "+10%"); err != nil {
		t.Errorf("no what-if comparison: %q", text(t, ctx, "#compare"))
	}
	step("goal seek", chromedp.Click(chromedp.ID("goal-cac3")), chromedp.WaitVisible(chromedp.ID("goal-answer")))
	step("share dialog", chromedp.Click(chromedp.ID("share-open")), chromedp.WaitVisible(chromedp.ID("share-dialog")),
		chromedp.Click(chromedp.ID("share-close")), chromedp.WaitNotPresent(chromedp.ID("share-dialog")))
	step("language", chooseOption("lang", "fr"))
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.documentElement.lang === "fr-FR"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("the page did not switch to French: %v", err)
	}
	step("currency", chooseOption("cur", "GBP"))
	if err := waitContains(ctx, "#ltv", "£"); err != nil {
		t.Errorf("LTV %q after choosing GBP", text(t, ctx, "#ltv"))
	}
	step("saving a scenario", typeInto("scenario-name", "Plan"), chromedp.Click(chromedp.ID("scenario-save")),
		chromedp.WaitVisible(chromedp.ID("scenario-name-0")))
	step("subscription", chromedp.Click(chromedp.CSS(`.site-nav a[href^="/subscription"]`)), chromedp.WaitVisible(chromedp.ID("arpa")), waitApp())
	step("typing", typeInto("mchurn", "4"), chromedp.Click(chromedp.ID("goal-churn3")), chromedp.WaitVisible(chromedp.ID("goal-answer")))
	step("cohort", chromedp.Navigate(base+"/cohort?lang=th"), waitApp(), pasteInto("surv", "100 70 55 47"))
	if err := waitContains(ctx, "#ltv", "฿"); err != nil {
		t.Errorf("cohort LTV %q", text(t, ctx, "#ltv"))
	}
	step("embed", chromedp.Navigate(base+"/embed?model=subscription"), waitApp(), typeInto("arpa", "120"))
	step("reload", chromedp.Navigate(base+"/?aov=90"), waitApp())
	// Let the service worker finish its precache.
	if cached, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => {
		for (const end = Date.now() + 20000; Date.now() < end; await new Promise(r => setTimeout(r, 100))) {
			if ((await caches.keys()).length > 0) return true;
		}
		return false;
	})()`, chromedp.EvalAwaitPromise)); err != nil || !cached {
		t.Errorf("the service worker cached nothing (%v)", err)
	}
	time.Sleep(500 * time.Millisecond) // any late beacon
	checkInjection(t, ctx, "after the session")

	mu.Lock()
	defer mu.Unlock()
	for _, r := range outbound {
		t.Errorf("request outside the site's origin: %s", r)
	}
	if !slices.ContainsFunc(inside, func(p string) bool { return strings.HasSuffix(p, ".wasm") }) || len(inside) < 10 {
		t.Errorf("the proxy saw only %d requests to the site (%v): Chromium did not use it", len(inside), inside)
	}
	t.Logf("%d requests to %s: %v", len(inside), origin.Host, inside)
}

// TestBrowserCSP: the pages' Content-Security-Policy, as the browser gets
// it, allows scripts only from the site (and app.wasm's compilation), no
// inline script, no eval.
func TestBrowserCSP(t *testing.T) {
	base := serveSite(t)
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"/?wasm=false")); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/subscription", "/cohort", "/embed", "/nope"} {
		csp, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(`+jsString(path)+`).then(r => r.headers.get("content-security-policy") || "")`,
			chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatal(err)
		}
		checkScriptSrc(t, path, csp)
	}
}
