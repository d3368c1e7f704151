//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromiumPath finds the system Chromium.
func chromiumPath() (string, error) {
	for _, p := range []string{os.Getenv("CHROME_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := exec.LookPath(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("chromium not found (apt-get install -y chromium)")
}

// chromeFlags are the flags every Chromium of the benchmark starts with, as
// in the browser tests, Lighthouse's included.
var chromeFlags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--no-default-browser-check", "--disable-background-networking",
	"--disable-component-update", "--disable-sync",
}

// newBrowser starts a headless Chromium with a fresh profile in profileDir
// and returns a context for one tab and the function that closes it.
func newBrowser(chrome, profileDir string) (context.Context, func(), error) {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(chrome),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profileDir),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	closeAll := func() {
		cancelTimeout()
		cancelTab()
		cancelAlloc()
	}
	if err := chromedp.Do(ctx); err != nil {
		closeAll()
		return nil, nil, fmt.Errorf("starting Chromium: %w", err)
	}
	return ctx, closeAll, nil
}

// probeSite says how to tell that a site's app runs and has answered an
// input: once ready, the probe types Value into the input and waits until
// the output shows Expect.
type probeSite struct {
	Name   string `json:"-"`
	URL    string `json:"-"`
	Ready  string `json:"ready"` // "data-app": <html data-app="ready">; "loader": go-app's loader removed
	Input  string `json:"input"`
	Value  string `json:"value"`
	Output string `json:"output"`
	Expect string `json:"expect"`
}

// probeJS runs in every new document before the page's scripts. Times are
// performance.now(), milliseconds since the navigation started.
const probeJS = `(() => {
  const cfg = %s;
  const b = window.__bench = { ready: null, input: null, interactive: null };
  const ready = () => {
    if (document.readyState === "loading") return false;
    if (cfg.ready === "data-app") return document.documentElement.getAttribute("data-app") === "ready";
    return document.getElementById("app-wasm-loader") === null;
  };
  const done = () => {
    const o = document.getElementById(cfg.output);
    if (b.interactive === null && o && o.textContent.trim() === cfg.expect) {
      b.interactive = performance.now();
      return true;
    }
    return false;
  };
  const poll = () => {
    if (!ready()) { setTimeout(poll, 1); return; }
    b.ready = performance.now();
    const obs = new MutationObserver(() => { if (done()) obs.disconnect(); });
    obs.observe(document.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
    const el = document.getElementById(cfg.input);
    b.input = performance.now();
    el.value = cfg.value;
    el.dispatchEvent(new Event("input", { bubbles: true }));
  };
  poll();
})();`

// loadTiming is one page load.
type loadTiming struct {
	FCP         float64 `json:"fcp"`         // first contentful paint
	Ready       float64 `json:"ready"`       // the app runs
	Interactive float64 `json:"interactive"` // the first result recomputed after an input
	Controlled  bool    `json:"controlled"`  // served under the service worker
}

// measureLoad navigates the tab to the site and returns its timings.
func measureLoad(ctx context.Context, s probeSite) (loadTiming, error) {
	var t loadTiming
	cfg, _ := json.Marshal(s)
	script, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: fmt.Sprintf(probeJS, cfg)})
	if err != nil {
		return t, err
	}
	defer chromedp.Call(ctx, page.RemoveScriptToEvaluateOnNewDocument, page.RemoveScriptToEvaluateOnNewDocumentParams{Identifier: script.Identifier})
	if err := chromedp.Do(ctx, chromedp.Navigate(s.URL)); err != nil {
		return t, err
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.__bench && window.__bench.interactive !== null`,
		chromedp.WithPollingTimeout(60*time.Second), chromedp.WithPollingInterval(20*time.Millisecond))); err != nil {
		state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.__bench) + " " + (document.getElementById(`+jsString(s.Output)+`) || {}).textContent`))
		return t, fmt.Errorf("%s never showed %q after typing %q into #%s: %v (state %s)", s.URL, s.Expect, s.Value, s.Input, err, state)
	}
	// First paint entries are queued after the frame; give them a moment.
	js := `(async () => {
  for (let i = 0; i < 50 && !performance.getEntriesByName("first-contentful-paint").length; i++) await new Promise(r => setTimeout(r, 20));
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return { fcp: fcp ? fcp.startTime : -1, ready: window.__bench.ready, interactive: window.__bench.interactive,
    controlled: !!(navigator.serviceWorker && navigator.serviceWorker.controller) };
})()`
	t, err = chromedp.Run(ctx, chromedp.Evaluate[loadTiming](js, chromedp.EvalAwaitPromise))
	if err == nil && t.FCP < 0 {
		err = fmt.Errorf("%s: no first-contentful-paint entry", s.URL)
	}
	return t, err
}

// waitWorker waits until the site's service worker is active and a cache
// holds an app.wasm, so that the next load comes from it.
func waitWorker(ctx context.Context) error {
	js := `(async () => {
  const reg = await navigator.serviceWorker.getRegistration();
  if (!reg || !reg.active || reg.active.state !== "activated") return false;
  for (const name of await caches.keys()) {
    const keys = await (await caches.open(name)).keys();
    if (keys.some((r) => r.url.endsWith(".wasm"))) return true;
  }
  return false;
})()`
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("service worker not installed with app.wasm cached after 30 s (last error %v)", err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// coldWarm loads a site in a fresh Chromium (cold), waits for the service
// worker, and loads it again (warm).
func coldWarm(chrome, profile string, s probeSite) (cold, warm loadTiming, err error) {
	ctx, closeBrowser, err := newBrowser(chrome, profile)
	if err != nil {
		return cold, warm, err
	}
	defer closeBrowser()
	if cold, err = measureLoad(ctx, s); err != nil {
		return cold, warm, fmt.Errorf("cold load: %w", err)
	}
	if err = waitWorker(ctx); err != nil {
		return cold, warm, err
	}
	if err = chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return cold, warm, err
	}
	if warm, err = measureLoad(ctx, s); err != nil {
		return cold, warm, fmt.Errorf("warm load: %w", err)
	}
	if !warm.Controlled {
		err = fmt.Errorf("warm load of %s was not under the service worker", s.URL)
	}
	return cold, warm, err
}

// keyLatencies types n keys into the input with the given id, each once
// the page has settled after the previous one, and returns for each key
// the milliseconds from its keydown (a capturing listener) to the mutation
// of the output that follows it (a MutationObserver), and to the last
// mutation of the page it caused (settled: the last one before the page
// has been still for settleQuietMs), and the number of charts drawn.
func keyLatencies(chrome, profile, url, inputID, outputID string, n int) (result, settled []float64, charts int, err error) {
	ctx, closeBrowser, err := newBrowser(chrome, profile)
	if err != nil {
		return nil, nil, 0, err
	}
	defer closeBrowser()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(url),
		chromedp.WaitVisible(chromedp.CSS(`html[data-app="ready"] body`)),
		chromedp.Sleep(500*time.Millisecond),
	); err != nil {
		return nil, nil, 0, err
	}
	setup := fmt.Sprintf(`(() => {
  const input = %s, output = %s;
  window.__keys = [];
  window.__settled = [];
  window.__lastMutation = performance.now();
  let pending = [], last = document.getElementById(output).textContent;
  document.addEventListener("keydown", (e) => { if (e.target.id === input) { pending.push(performance.now()); window.__keyAt = performance.now(); } }, true);
  new MutationObserver(() => {
    const now = performance.now();
    window.__lastMutation = now;
    const o = document.getElementById(output);
    if (!o || o.textContent === last) return;
    last = o.textContent;
    for (const t of pending) window.__keys.push(now - t);
    pending = [];
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  const el = document.getElementById(input);
  el.focus();
  el.setSelectionRange(el.value.length, el.value.length);
  return document.querySelectorAll("svg").length;
})()`, jsString(inputID), jsString(outputID))
	if charts, err = chromedp.Run(ctx, chromedp.Evaluate[int](setup)); err != nil {
		return nil, nil, 0, err
	}
	// Alternate a digit and Backspace, so that every key changes the value
	// and the result: 50 -> 503 -> 50 -> 507 ...
	digits := "3579"
	for i := 0; i < n; i++ {
		key := kb.Backspace
		if i%2 == 0 {
			key = string(digits[(i/2)%len(digits)])
		}
		if err := chromedp.Do(ctx, chromedp.KeyEvent(key)); err != nil {
			return nil, nil, charts, err
		}
		still := fmt.Sprintf(`window.__keys.length >= %d && performance.now() - window.__lastMutation > %d`, i+1, settleQuietMs)
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](still,
			chromedp.WithPollingTimeout(5*time.Second), chromedp.WithPollingInterval(2*time.Millisecond))); err != nil {
			val, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID(inputID)))
			return nil, nil, charts, fmt.Errorf("key %d (%q, value now %q): no update of #%s, or no rest after it: %v", i, key, val, outputID, err)
		}
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.__settled.push(window.__lastMutation - window.__keyAt)`)); err != nil {
			return nil, nil, charts, err
		}
	}
	if result, err = chromedp.Run(ctx, chromedp.Evaluate[[]float64](`window.__keys`)); err != nil {
		return nil, nil, charts, err
	}
	settled, err = chromedp.Run(ctx, chromedp.Evaluate[[]float64](`window.__settled`))
	return result, settled, charts, err
}

// settleQuietMs is how long the page stays without a DOM change before a
// keystroke's redraw counts as over.
const settleQuietMs = 150

// jsString is s as a JavaScript string literal.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func profileDir(out, name string) (string, error) {
	return os.MkdirTemp(out, "chromium-"+strings.ReplaceAll(name, " ", "-")+"-")
}

// Lighthouse's mobile profile as DevTools applies it (its "devtools"
// throttling of slow 4G: 150 ms RTT and 1.6 Mbit/s, with the packet-level
// factors 3.75 and 0.9) and a 4x slower processor.
const (
	phoneLatencyMs    = 562.5
	phoneDownBytesSec = 1474.56 * 1024 / 8
	phoneCPUSlowdown  = 4
)

// phoneTiming is a first visit under the phone profile: loadTiming, and
// for LTV Lab the steps of app.wasm (wasmStartJS's ltvWasmTimes, in ms
// from the navigation; 0 when the page has none).
type phoneTiming struct {
	loadTiming
	Downloaded   float64 `json:"downloaded"`   // app.wasm's last byte
	Compiled     float64 `json:"compiled"`     // compiled, as it downloaded, in the worker
	Received     float64 `json:"received"`     // the page has the module, warmed up
	Instantiated float64 `json:"instantiated"` // Go starts
}

// phoneFirstVisit loads a site once in a fresh Chromium under the phone
// profile: s.URL is to be served through a slowLink, and the processor is
// slowed down by Chromium.
func phoneFirstVisit(chrome, profile string, s probeSite) (phoneTiming, error) {
	var t phoneTiming
	ctx, closeBrowser, err := newBrowser(chrome, profile)
	if err != nil {
		return t, err
	}
	defer closeBrowser()
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: phoneCPUSlowdown}); err != nil {
		return t, err
	}
	if t.loadTiming, err = measureLoad(ctx, s); err != nil {
		return t, err
	}
	steps, err := chromedp.Run(ctx, chromedp.Evaluate[phoneTiming](`window.ltvWasmTimes || {}`))
	if err != nil {
		return t, err
	}
	t.Downloaded, t.Compiled, t.Received, t.Instantiated = steps.Downloaded, steps.Compiled, steps.Received, steps.Instantiated
	return t, nil
}

// slowLink serves target's responses as a slow network would: each
// response waits latency before its first byte, and all of them share
// one download rate. Chromium's own throttling (DevTools' network
// conditions) leaves out what the page's workers fetch, app.wasm among
// them, so the phone profile's network is this proxy in front of the
// server, and every request of the page goes through it.
type slowLink struct {
	latency time.Duration
	rate    float64 // bytes a second
	proxy   *httputil.ReverseProxy

	mu   sync.Mutex
	free time.Time // when the link can next send
}

func newSlowLink(target string, latency time.Duration, rate float64, noScript bool) (*slowLink, error) {
	u, err := url.Parse(target)
	if err != nil {
		return nil, err
	}
	l := &slowLink{latency: latency, rate: rate, proxy: httputil.NewSingleHostReverseProxy(u)}
	l.proxy.FlushInterval = -1
	if noScript {
		// The same pages with no script at all: the reference of the
		// first paint. HTML is asked for uncompressed, to take its
		// scripts out.
		direct := l.proxy.Director
		l.proxy.Director = func(r *http.Request) {
			direct(r)
			r.Header.Set("Accept-Encoding", "identity")
		}
		l.proxy.ModifyResponse = func(res *http.Response) error {
			if !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
				return nil
			}
			b, err := io.ReadAll(res.Body)
			res.Body.Close()
			if err != nil {
				return err
			}
			b = scriptRE.ReplaceAll(b, nil)
			res.Body = io.NopCloser(bytes.NewReader(b))
			res.ContentLength = int64(len(b))
			res.Header.Set("Content-Length", strconv.Itoa(len(b)))
			res.Header.Del("Content-Encoding")
			return nil
		}
	}
	return l, nil
}

// scriptRE matches a script element.
var scriptRE = regexp.MustCompile(`(?is)<script\b[^>]*>.*?</script>`)

func (l *slowLink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	time.Sleep(l.latency)
	l.proxy.ServeHTTP(&slowWriter{ResponseWriter: w, link: l}, r)
}

// send waits until n bytes have crossed the link.
func (l *slowLink) send(n int) {
	l.mu.Lock()
	now := time.Now()
	if l.free.Before(now) {
		l.free = now
	}
	l.free = l.free.Add(time.Duration(float64(n) / l.rate * float64(time.Second)))
	until := l.free
	l.mu.Unlock()
	time.Sleep(time.Until(until))
}

type slowWriter struct {
	http.ResponseWriter
	link *slowLink
}

func (w *slowWriter) Write(p []byte) (int, error) {
	const chunk = 16 << 10
	written := 0
	for len(p) > 0 {
		n := min(len(p), chunk)
		w.link.send(n)
		m, err := w.ResponseWriter.Write(p[:n])
		written += m
		if err != nil {
			return written, err
		}
		if f, ok := w.ResponseWriter.(http.Flusher); ok {
			f.Flush()
		}
		p = p[n:]
	}
	return written, nil
}

func (w *slowWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// serveSlowLink starts a slowLink to target on a loopback port (noScript:
// its pages without their scripts) and returns its URL and the func that
// stops it.
func serveSlowLink(target string, noScript bool) (string, func(), error) {
	link, err := newSlowLink(target, time.Duration(phoneLatencyMs*float64(time.Millisecond)), phoneDownBytesSec, noScript)
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := &http.Server{Handler: link}
	go srv.Serve(ln)
	return "http://" + ln.Addr().String(), func() { srv.Close() }, nil
}

// phoneFirstPaint loads url once in a fresh Chromium with the phone
// profile's processor and returns its first contentful paint.
func phoneFirstPaint(chrome, profile, url string) (float64, error) {
	ctx, closeBrowser, err := newBrowser(chrome, profile)
	if err != nil {
		return 0, err
	}
	defer closeBrowser()
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: phoneCPUSlowdown}); err != nil {
		return 0, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		return 0, err
	}
	return chromedp.Run(ctx, chromedp.Evaluate[float64](`(async () => {
  for (let i = 0; i < 250 && !performance.getEntriesByName("first-contentful-paint").length; i++) await new Promise(r => setTimeout(r, 20));
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  return fcp ? fcp.startTime : -1;
})()`, chromedp.EvalAwaitPromise))
}
