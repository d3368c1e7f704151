//go:build !wasm

// Package webtest helps the tests of the whole site: the generated site
// served by the project's server on a loopback port, headless Chromium
// driven with chromedp, and reading markup as a browser does. Tests only:
// nothing the site ships imports it.
//
// Without Chromium or a generated site the browser tests skip, except
// under CI=true, where they fail: CI must never pass without running them.
package webtest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"ltvlab/app/serve"
	"ltvlab/app/site/headscript"
)

// The browser tests drive the real app in headless Chromium: the generated
// site (make static) served by the project's own server on a loopback port.
// Without Chromium or a generated site they skip, except under CI=true, where
// they fail: CI must never pass without running them.

// SiteDir is the generated site the browser tests serve.
func SiteDir(tb testing.TB) string {
	tb.Helper()
	dir := os.Getenv("LTV_SITE")
	if dir == "" {
		dir = filepath.Join(Root(tb), "static")
	}
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		Unavailable(tb, "no generated site in %s (run make static): %v", dir, err)
	}
	return dir
}

func ChromiumPath(tb testing.TB) string {
	tb.Helper()
	for _, p := range []string{os.Getenv("CHROME_PATH"), "/usr/bin/chromium", "/usr/bin/chromium-browser"} {
		if p == "" {
			continue
		}
		if _, err := exec.LookPath(p); err == nil {
			return p
		}
	}
	Unavailable(tb, "Chromium not found (apt-get install -y chromium)")
	return ""
}

func Unavailable(tb testing.TB, format string, args ...any) {
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

// ServeSite starts the project's server on the generated site once for all
// tests and returns its base URL, e.g. "http://127.0.0.1:41234".
func ServeSite(tb testing.TB) string {
	tb.Helper()
	dir := SiteDir(tb)
	siteOnce.Do(func() {
		ready := make(chan string, 1)
		done := make(chan error, 1)
		go func() { done <- serve.Run(context.Background(), serve.Options{Addr: "127.0.0.1:0", Dir: dir}, ready) }()
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

// NewTab opens a fresh headless Chromium (its own profile) and returns a
// context for one tab, closed at the end of the test or after a minute.
func NewTab(tb testing.TB) context.Context {
	tb.Helper()
	return NewTabFor(tb, 60*time.Second)
}

// NewTabFor is NewTab for a test that may take up to timeout, with extra
// Chromium options.
func NewTabFor(tb testing.TB, timeout time.Duration, extra ...chromedp.ExecAllocatorOption) context.Context {
	tb.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath(tb)),
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

// WaitApp waits until app.wasm runs and has taken over the whole page: its
// first render, and the sections it mounts after it (app/ui/staged.go).
func WaitApp() chromedp.Action[chromedp.Void] {
	return chromedp.WaitVisible(chromedp.CSS(`html[data-app="ready"]:not([data-staging]) body`))
}

// OpenHolding opens url in the tab with the first request whose URL
// matches pattern held (Fetch domain), waits until the prerendered page
// shows the input inputID, and returns the held request: the test
// continues or fulfils it. what names the request in the failure.
func OpenHolding(t *testing.T, ctx context.Context, url, pattern, inputID, what string) *fetch.EventRequestPaused {
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

// TypeInto replaces the text of an input by typing keys, as a person would.
func TypeInto(id, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Focus(chromedp.ID(id)),
		chromedp.Evaluate[chromedp.Void](`document.getElementById(`+JSString(id)+`).select()`),
		chromedp.SendKeys(chromedp.ID(id), text),
	)
}

// PasteInto replaces the text of a field in one edit, as a paste does.
func PasteInto(id, text string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.Focus(chromedp.ID(id)),
		chromedp.Evaluate[chromedp.Void](`document.getElementById(`+JSString(id)+`).select()`),
		chromedp.Evaluate[chromedp.Void](`document.execCommand("insertText", false, `+JSString(text)+`)`),
	)
}

// ChooseOption picks value in the select with id, and tells the page as a
// change (chromedp's SetValue sets the value without the event).
func ChooseOption(id, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Steps(
		chromedp.SetValue(chromedp.ID(id), value),
		chromedp.Evaluate[chromedp.Void](`document.getElementById(`+JSString(id)+`).dispatchEvent(new Event("change", {bubbles: true}))`),
	)
}

// WaitText waits until the element with id shows want. The element may
// not be there yet (a re-render brings it): a predicate that throws would
// end the wait at once.
func WaitText(ctx context.Context, id, want string) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`(document.getElementById(`+JSString(id)+`) || {}).textContent === `+JSString(want),
		chromedp.WithPollingTimeout(5*time.Second)))
	return err
}

// WaitValue waits until the input or text area with id holds want, and
// returns what it holds at the end. A click that changes a field (a goal
// applied, a scenario opened) sets the field after the render it causes.
func WaitValue(ctx context.Context, id, want string) (string, error) {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`(document.getElementById(`+JSString(id)+`) || {}).value === `+JSString(want),
		chromedp.WithPollingTimeout(5*time.Second)))
	got, _ := chromedp.Run(ctx, chromedp.Value(chromedp.ID(id)))
	return got, err
}

// JSString is s as a JavaScript string literal.
func JSString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// WaitURL waits until the page's URL holds every one of wants, and returns
// it.
func WaitURL(ctx context.Context, wants ...string) (string, error) {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`(() => { const u = location.href; return `+JSStringArray(wants)+`.every((w) => u.includes(w)); })()`,
		chromedp.WithPollingTimeout(5*time.Second)))
	loc, _ := chromedp.Run(ctx, chromedp.Location())
	return loc, err
}

// Text returns the text of the first element matching a CSS selector.
func Text(t *testing.T, ctx context.Context, sel string) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

// WaitContains waits until the element matching sel contains want.
func WaitContains(ctx context.Context, sel, want string) error {
	_, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`(document.querySelector(`+JSString(sel)+`) || {}).textContent?.includes(`+JSString(want)+`) === true`,
		chromedp.WithPollingTimeout(5*time.Second)))
	return err
}

// PollJS evaluates an asynchronous JavaScript expression until it yields
// true.
func PollJS(ctx context.Context, expr string, timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](expr, chromedp.EvalAwaitPromise))
		if err == nil && ok {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("still not true after %v (last error: %v): %s", timeout, err, expr)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func JSStringArray(list []string) string {
	quoted := make([]string, len(list))
	for i, s := range list {
		quoted[i] = JSString(s)
	}
	return "[" + strings.Join(quoted, ",") + "]"
}

// HTMLTag is a start tag as a browser reads it.
type HTMLTag struct {
	Name  string
	Attrs [][2]string // name and value, in order
	Text  string      // the text of a script, style, textarea or title element
}

// HTMLTags reads the start tags of an HTML document the way a browser's
// tokenizer does (attribute values end at their quote, with no backslash
// escapes; comments are skipped; the text of script, style, textarea and
// title is text up to their end tag), so that a test sees what a browser
// would build, and not what a generator meant.
func HTMLTags(s string) []HTMLTag {
	var tags []HTMLTag
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
	isLetter := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
	i := 0
	for {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 || i+lt+1 >= len(s) {
			return tags
		}
		i += lt
		switch {
		case strings.HasPrefix(s[i:], "<!--"):
			end := strings.Index(s[i+4:], "-->")
			if end < 0 {
				return tags
			}
			i += 4 + end + 3
			continue
		case !isLetter(s[i+1]): // an end tag, a doctype, or a lone "<"
			i++
			continue
		}
		j := i + 1
		for j < len(s) && !isSpace(s[j]) && s[j] != '/' && s[j] != '>' {
			j++
		}
		tag := HTMLTag{Name: strings.ToLower(s[i+1 : j])}
		for j < len(s) && s[j] != '>' {
			if isSpace(s[j]) || s[j] == '/' {
				j++
				continue
			}
			k := j + 1 // an attribute name may start with "=" or a quote
			for k < len(s) && !isSpace(s[k]) && s[k] != '/' && s[k] != '>' && s[k] != '=' {
				k++
			}
			name, value := strings.ToLower(s[j:k]), ""
			for k < len(s) && isSpace(s[k]) {
				k++
			}
			if k < len(s) && s[k] == '=' {
				k++
				for k < len(s) && isSpace(s[k]) {
					k++
				}
				if k < len(s) && (s[k] == '"' || s[k] == '\'') {
					end := strings.IndexByte(s[k+1:], s[k])
					if end < 0 {
						end = len(s) - k - 1
					}
					value, k = s[k+1:k+1+end], k+1+end+1
				} else {
					v := k
					for k < len(s) && !isSpace(s[k]) && s[k] != '>' {
						k++
					}
					value = s[v:k]
				}
			}
			tag.Attrs = append(tag.Attrs, [2]string{name, value})
			j = k
		}
		tags = append(tags, tag)
		i = j
		switch tag.Name {
		case "script", "style", "textarea", "title":
			end := strings.Index(strings.ToLower(s[i:]), "</"+tag.Name)
			if end < 0 {
				return tags
			}
			tags[len(tags)-1].Text = strings.TrimPrefix(s[i:i+end], ">")
			i += end
		}
	}
}

// CheckMarkup fails when a page holds markup that a URL parameter put
// there: an inline script (but the site's own, headscript.Script), an
// event attribute, a javascript: URL, an
// element that carries script, or an attribute value cut short by a quote
// (go-app quotes attribute values with strconv.Quote: a quote inside shows
// as \" and ends the attribute).
func CheckMarkup(t *testing.T, what, body string) {
	t.Helper()
	for _, tag := range HTMLTags(body) {
		if tag.Name == "script" && !slices.ContainsFunc(tag.Attrs, func(a [2]string) bool { return a[0] == "src" }) &&
			tag.Text != headscript.Script {
			t.Errorf("%s: an inline script", what)
		}
		switch tag.Name {
		case "iframe", "object", "embed", "base", "frame":
			t.Errorf("%s: an injected <%s>", what, tag.Name)
		}
		for _, a := range tag.Attrs {
			name, value := a[0], strings.ToLower(strings.TrimSpace(a[1]))
			switch {
			case strings.HasPrefix(name, "on"):
				t.Errorf("%s: an event attribute on <%s>: %s=%q", what, tag.Name, name, ClipText(a[1]))
			case (name == "href" || name == "src" || name == "action" || name == "formaction") && strings.HasPrefix(value, "javascript:"):
				t.Errorf("%s: a javascript: URL on <%s>", what, tag.Name)
			case strings.HasSuffix(a[1], `\`) || strings.ContainsAny(name, `"'\<`):
				t.Errorf("%s: an attribute cut short on <%s>: %s=%q", what, tag.Name, name, ClipText(a[1]))
			case tag.Name == "img" && name == "src" && value == "x":
				t.Errorf("%s: an injected <img src=x>", what)
			}
		}
	}
}

// ClipText shortens a text quoted in a failure message.
func ClipText(s string) string {
	if len(s) > 200 {
		return s[:200] + "..."
	}
	return s
}

// CheckScriptSrc fails unless the Content-Security-Policy csp limits
// scripts to the site itself and app.wasm's compilation: no inline script
// but headscript.Script by its hash, no eval, no other host, no plugins, no
// <base> hijack.
func CheckScriptSrc(t *testing.T, what, csp string) {
	t.Helper()
	directives := map[string][]string{}
	for _, d := range strings.Split(csp, ";") {
		if f := strings.Fields(d); len(f) > 0 {
			directives[f[0]] = f[1:]
		}
	}
	script, ok := directives["script-src"]
	if !ok {
		script = directives["default-src"]
	}
	if len(script) == 0 {
		t.Errorf("%s: no script-src in the CSP %q", what, csp)
	}
	for _, src := range script {
		if src != "'self'" && src != "'wasm-unsafe-eval'" && src != headscript.Source() {
			t.Errorf("%s: the CSP lets scripts come from %s: %q", what, src, csp)
		}
	}
	for name, want := range map[string]string{"default-src": "'self'", "object-src": "'none'", "base-uri": "'none'"} {
		if got := strings.Join(directives[name], " "); got != want {
			t.Errorf("%s: CSP %s %q, want %q", what, name, got, want)
		}
	}
}

// Root is the project's root, the folder of go.mod, found from the test's
// working directory.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

// RecordCSPViolations makes every document the tab loads collect the
// Content-Security-Policy violations it reports in window.cspViolations.
func RecordCSPViolations() chromedp.Action[chromedp.Void] {
	return EvaluateOnNewDocument(`window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});`)
}

// EvaluateOnNewDocument makes every document the tab loads run src before
// its own scripts.
func EvaluateOnNewDocument(src string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: src})
		return err
	})
}

// ReadSiteFile returns the content of a file of a generated site.
func ReadSiteFile(t testing.TB, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// WorkerPrecache returns the URLs a generated service worker precaches.
func WorkerPrecache(t testing.TB, worker string) []string {
	t.Helper()
	m := regexp.MustCompile(`const resourcesToCache = (\[.*\]);`).FindStringSubmatch(worker)
	if m == nil {
		t.Fatal("service worker has no resourcesToCache list")
	}
	var urls []string
	if err := json.Unmarshal([]byte(m[1]), &urls); err != nil {
		t.Fatalf("resourcesToCache: %v", err)
	}
	return urls
}

// StartServer runs the project's server with o until stop is called or
// the test ends, and returns its address; o.Addr defaults to a free
// loopback port.
func StartServer(tb testing.TB, o serve.Options) (addr string, stop func()) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready, done := make(chan string, 1), make(chan error, 1)
	if o.Addr == "" {
		o.Addr = "127.0.0.1:0"
	}
	go func() { done <- serve.Run(ctx, o, ready) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				tb.Errorf("serve: %v", err)
			}
		})
	}
	select {
	case addr = <-ready:
	case err := <-done:
		tb.Fatalf("serve: %v", err)
	case <-time.After(5 * time.Second):
		tb.Fatal("server did not start")
	}
	tb.Cleanup(stop)
	return addr, stop
}

// ConsoleErrors collects the errors of the tab of ctx from now on, and
// those it had logged before: console.error calls, exceptions not caught,
// and the browser's own error messages (a blocked popup, a failed
// request). The func returns those collected so far.
func ConsoleErrors(tb testing.TB, ctx context.Context) func() []string {
	tb.Helper()
	l := &errorLog{}
	if err := chromedp.Listen(ctx, l.add); err != nil {
		tb.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, log.Enable, cdp.Empty{}); err != nil {
		tb.Fatal(err)
	}
	return l.list
}

// errorLog collects the errors of a target from its events.
type errorLog struct {
	mu   sync.Mutex
	errs []string
}

func (l *errorLog) add(ev any) {
	var e string
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError {
			var args []string
			for _, a := range ev.Args {
				args = append(args, strings.Trim(string(a.Value), `"`)+a.Description)
			}
			e = "console.error: " + strings.Join(args, " ")
		}
	case *runtime.EventExceptionThrown:
		e = "exception: " + ev.ExceptionDetails.Text
		if ev.ExceptionDetails.Exception != nil {
			e += " " + ev.ExceptionDetails.Exception.Description
		}
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			e = string(ev.Entry.Source) + ": " + ev.Entry.Text + " " + ev.Entry.URL
		}
	}
	if e != "" {
		l.mu.Lock()
		defer l.mu.Unlock()
		l.errs = append(l.errs, e)
	}
}

func (l *errorLog) list() []string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.errs...)
}

// Frame is a frame that Chromium runs in a process of its own (a
// cross-site or sandboxed iframe: the nodes of its page do not reach into
// it), attached as a target of its own.
type Frame struct {
	Ctx    context.Context // runs actions in the frame
	URL    string          // its address when attached
	Errors func() []string // its errors (as ConsoleErrors), those before the attach included
}

// Frames attaches to the frames of the tab of ctx whose URL starts with
// prefix, once there are want of them (20 s at most), in the order of the
// browser's list.
func Frames(tb testing.TB, ctx context.Context, prefix string, want int) []Frame {
	tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		infos, err := chromedp.Targets(ctx)
		if err != nil {
			tb.Fatal(err)
		}
		var frames []Frame
		for _, info := range infos {
			if info.Type == "iframe" && strings.HasPrefix(info.URL, prefix) {
				l := &errorLog{}
				// The listener is there before the attach: the console
				// messages that Runtime.enable replays reach it.
				fctx, cancel := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID), chromedp.WithListener(l.add),
					chromedp.WithDetachOnCancel())
				tb.Cleanup(cancel)
				if _, err := chromedp.Call(fctx, log.Enable, cdp.Empty{}); err != nil {
					tb.Fatal(err)
				}
				frames = append(frames, Frame{Ctx: fctx, URL: info.URL, Errors: l.list})
			}
		}
		if len(frames) >= want {
			return frames
		}
		if time.Now().After(deadline) {
			tb.Fatalf("%d frames of %s, want %d", len(frames), prefix, want)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// ClickInFrame clicks as a mouse does, on the page of ctx, the middle of
// the element sel of frame, which the page shows in its iframe iframeSel:
// the iframe then has the page's focus, as a visitor's click gives it.
func ClickInFrame(ctx context.Context, frame Frame, iframeSel, sel string) error {
	// Where the element is on the page, measured until two measures 250 ms
	// apart agree: an embed that is still being laid out or resized (its
	// app starting, its host page setting its height) would take the
	// click elsewhere.
	var at []float64
	for try := 0; ; try++ {
		first, err := frameElementAt(ctx, frame, iframeSel, sel)
		if err != nil {
			return err
		}
		time.Sleep(250 * time.Millisecond)
		if at, err = frameElementAt(ctx, frame, iframeSel, sel); err != nil {
			return err
		}
		if slices.Equal(first, at) || try == 20 {
			break
		}
	}
	return chromedp.Do(ctx, chromedp.MouseClickXY(at[0], at[1]))
}

// frameElementAt scrolls the page to the element sel of frame, shown in the
// page's iframe iframeSel, and returns the middle of the element in the
// page's coordinates.
func frameElementAt(ctx context.Context, frame Frame, iframeSel, sel string) ([]float64, error) {
	in, err := chromedp.Run(frame.Ctx, chromedp.Evaluate[[]float64](`(() => { const r = document.querySelector(`+JSString(sel)+
		`).getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; })()`))
	if err != nil {
		return nil, fmt.Errorf("%s in the frame: %w", sel, err)
	}
	// Scrolled there, and the scroll on screen (two frames): the browser
	// finds what is under the mouse on what it shows.
	at, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(async () => {
  const f = document.querySelector(%s);
  const y = f.getBoundingClientRect().top + window.scrollY + f.clientTop + %f;
  window.scrollTo(0, Math.max(0, y - window.innerHeight / 2));
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const r = f.getBoundingClientRect();
  return [r.left + f.clientLeft + %f, r.top + f.clientTop + %f];
})()`, JSString(iframeSel), in[1], in[0], in[1]), chromedp.EvalAwaitPromise))
	if err != nil {
		return nil, fmt.Errorf("%s on the page: %w", iframeSel, err)
	}
	return at, nil
}
