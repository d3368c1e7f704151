//go:build !wasm

package ui

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/fetch"
	"github.com/chromedp/chromedp"

	"ltvlab/app/internal/webtest"
)

// blogServer serves page as a blog post on another origin than the site's
// (another port of 127.0.0.1), as WordPress does when it embeds the site.
func blogServer(t *testing.T, base string, page func(r *http.Request) string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	blog := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page(r)))
	}))
	blog.Listener.Close()
	blog.Listener = ln
	blog.Start()
	t.Cleanup(blog.Close)
	if strings.HasPrefix(blog.URL, base) {
		t.Fatalf("the blog %s must be another origin than the site %s", blog.URL, base)
	}
	return blog.URL
}

// TestBrowserEmbed: a page on another origin embeds a calculator's embed
// view in a sandboxed iframe, as WordPress does for an oEmbed provider
// (sandbox="allow-scripts", the secret in the fragment); the calculator
// runs in it (origin "null"), the frame grows to its content from the
// height messages, both the generic one and WordPress's, the embed says its
// height again when the page says it is ready to listen, its link out asks
// the page to open it (no popups in that sandbox), and nothing in it logs
// an error: no service worker is registered there.
func TestBrowserEmbed(t *testing.T) {
	base := serveSite(t)
	blog := blogServer(t, base, func(*http.Request) string {
		return `<!doctype html><html><head><title>A blog post</title></head><body>
<p>Our numbers:</p>
<iframe id="calc" sandbox="allow-scripts" style="width:480px;height:150px;border:0"
  src="` + base + `/embed/subscription?arpa=200&gm=80&mchurn=4#?secret=abc123"></iframe>
<script>
window.generic = 0; window.wp = 0; window.ready = false; window.heights = []; window.links = [];
window.addEventListener("message", function (e) {
  var d = e.data || {};
  if (d.type === "ltvlab:height") { window.generic = d.height; window.ready = window.ready || d.ready; }
  if (d.message === "height" && d.secret === "abc123") {
    window.wp = d.value;
    window.heights.push(d.value);
    document.getElementById("calc").style.height = d.value + "px";
  }
  if (d.message === "link" && d.secret === "abc123") { window.links.push(d.value); }
});
</script></body></html>`
	})

	ctx := newTab(t)
	errs := webtest.ConsoleErrors(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(blog)); err != nil {
		t.Fatal(err)
	}
	// The app itself runs in the sandbox (origin "null"): app.wasm loaded.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.ready === true`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("the app did not start inside the sandboxed iframe: %v", err)
	}
	// The frame grows past its 150 px to the calculator's height.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.wp > 300 && window.generic === window.wp`,
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		wp, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.wp`))
		t.Fatalf("iframe height messages: WordPress %d px; want > 300 and equal to the generic one (%v)", wp, err)
	}
	h, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.getElementById("calc").getBoundingClientRect().height`))
	if err != nil || h <= 300 {
		t.Errorf("iframe height %d px (%v), want it grown past 300", h, err)
	}
	// Only real heights: never 0, never more than the page holds.
	time.Sleep(500 * time.Millisecond)
	heights, _ := chromedp.Run(ctx, chromedp.Evaluate[[]int](`window.heights`))
	for _, v := range heights {
		if v < 300 || v > 1000 {
			t.Errorf("height messages %v: %d is no height of the calculator", heights, v)
		}
	}

	// WordPress's "ready" (its wp-embed.js loads after the frame told its
	// height): the embed says the same height again.
	n := len(heights)
	if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](
		`document.getElementById("calc").contentWindow.postMessage({message: "ready", secret: "abc123"}, "*")`)); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`window.heights.length > %d && window.heights[window.heights.length-1] === window.wp`, n),
		chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Errorf("no height after the page's ready message: %v", err)
	}

	// The link out: WordPress's sandbox opens no window; the embed asks
	// the page to follow the link, with the figures. (Chromium runs a
	// sandboxed frame in a process of its own: a target of its own.)
	frame := webtest.Frames(t, ctx, base+"/embed/subscription", 1)[0]
	if err := webtest.ClickInFrame(ctx, frame, "#calc", "#open-full"); err != nil {
		t.Fatalf("clicking Open in LTV Lab: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.links.length === 1`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
		t.Fatalf("no link message for Open in LTV Lab: %v", err)
	}
	links, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.links`))
	if !strings.HasPrefix(links[0], base+"/subscription?") || !strings.Contains(links[0], "arpa=200") || strings.Contains(links[0], "model=") {
		t.Errorf("link message %q, want the subscription calculator with the figures", links[0])
	}
	if e := append(errs(), frame.Errors()...); len(e) > 0 {
		t.Errorf("errors in the console: %q", e)
	}
}

// TestBrowserEmbedHiddenFrame: WordPress hides its frame until the embed
// has told a height, and Chromium tells a hidden frame of another origin
// no new width: a frame loaded before its page was laid out (here 120 px
// wide) tells the height it has there, is shown, and then tells its real
// height.
func TestBrowserEmbedHiddenFrame(t *testing.T) {
	base := serveSite(t)
	blog := blogServer(t, base, func(*http.Request) string {
		return `<!doctype html><html><body><div style="position:relative;width:400px">
<iframe id="calc" sandbox="allow-scripts" style="position:absolute;visibility:hidden;width:120px;height:300px;border:0"
  src="` + base + `/embed/cohort#?secret=abc123"></iframe></div>
<script>window.heights = [];
addEventListener("message", (e) => {
  if (e.data && e.data.message === "height") {
    window.heights.push(e.data.value);
    const f = document.getElementById("calc");
    f.removeAttribute("style");
    f.style.cssText = "width:400px;border:0;height:" + e.data.value + "px";
  }
});</script></body></html>`
	})
	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(blog)); err != nil {
		t.Fatal(err)
	}
	if err := webtest.PollJS(ctx, `window.heights.length > 1 && window.heights[window.heights.length - 1] > 300 && window.heights[window.heights.length - 1] <= 1000`, 20*time.Second); err != nil {
		heights, _ := chromedp.Run(ctx, chromedp.Evaluate[[]int](`window.heights`))
		t.Errorf("heights %v (%v); want one at 120 px, then the frame's at 400", heights, err)
	}
}

// TestBrowserSnippet: the Share dialog's snippet, pasted into another
// site, holds the calculator in a block the width of the post, sizes the
// frame from the embed's messages, and opens the full calculator in a new
// window.
func TestBrowserSnippet(t *testing.T) {
	base := serveSite(t)
	d := shareDialog{Origin: base, Path: "/cohort", Model: "cohort", Loc: defaultLocale}
	d.Query = map[string][]string{"m": {"200"}}
	blog := blogServer(t, base, func(*http.Request) string {
		return `<!doctype html><html><head><title>A blog post</title></head><body style="margin:0">
<article style="width:600px">` + d.snippet() + `</article></body></html>`
	})
	ctx := newTab(t)
	errs := webtest.ConsoleErrors(t, ctx)
	if err := chromedp.Do(ctx, chromedp.Navigate(blog)); err != nil {
		t.Fatal(err)
	}
	// The frame takes the height the embed tells (not the snippet's 900 px).
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](
		`(() => { const f = document.querySelector(".ltvlab-embed iframe"); return f.dataset.ltvlab === "1" && f.style.height !== "900px"; })()`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("the snippet's frame was never sized: %v", err)
	}
	box, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](
		`(() => { const r = document.querySelector(".ltvlab-embed iframe").getBoundingClientRect(); return {w: r.width, h: r.height}; })()`))
	if err != nil || box["w"] != 600 || box["h"] < 400 || box["h"] > 1000 {
		t.Errorf("the snippet's frame is %v (%v), want 600 px wide, the post's width, and its calculator's height", box, err)
	}
	frame := webtest.Frames(t, ctx, base+"/embed/cohort", 1)[0]
	if e := append(errs(), frame.Errors()...); len(e) > 0 {
		t.Errorf("errors in the console: %q", e)
	}
}

// TestBrowserEmbedBeforeApp: before app.wasm runs, an embed shows its own
// calculator, and the link's figures in its fields with the results hidden
// until the app has computed them (in another language, nothing of the
// English prerender); the old /embed?model= address of another
// calculator shows nothing of the purchase one it is prerendered with.
func TestBrowserEmbedBeforeApp(t *testing.T) {
	base := serveSite(t)
	tests := []struct {
		path          string
		embed, result string // visibility before the app runs
		field, value  string // a field and what it shows
	}{
		{"/embed/subscription", "visible", "visible", "arpa", "100"},
		{"/embed/subscription?arpa=70&mchurn=4", "visible", "hidden", "arpa", "70"},
		// Another language: the English prerender is hidden behind a
		// loading line in French until the app renders the embed in it.
		{"/embed/cohort?lang=fr", "hidden", "hidden", "m", "100"},
		{"/embed?model=subscription&arpa=70", "hidden", "hidden", "aov", "50"},
		{"/embed?model=purchase", "visible", "visible", "aov", "50"},
	}
	ctx := newTab(t)
	// app.wasm is held: it never comes.
	if _, err := chromedp.Call(ctx, fetch.Enable, fetch.EnableParams{
		Patterns: []*fetch.RequestPattern{{URLPattern: "*.wasm"}},
	}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		if err := chromedp.Do(ctx, chromedp.Navigate(base+tt.path), chromedp.WaitReady(chromedp.ID(tt.field))); err != nil {
			t.Fatal(err)
		}
		// page.js runs deferred: wait for its verdict.
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`document.readyState === "complete"`, chromedp.WithPollingTimeout(5*time.Second))); err != nil {
			t.Fatal(err)
		}
		got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`({
			app: document.documentElement.dataset.app || "",
			embed: getComputedStyle(document.querySelector("main.embed")).visibility,
			result: getComputedStyle(document.getElementById("ltv")).visibility,
			value: document.getElementById(`+jsString(tt.field)+`).value})`))
		if err != nil {
			t.Fatal(err)
		}
		if got["app"] == "ready" {
			t.Fatalf("%s: the app runs without its wasm", tt.path)
		}
		if got["embed"] != tt.embed || got["result"] != tt.result || got["value"] != tt.value {
			t.Errorf("%s before the app: embed %s, result %s, %s shows %q; want %s, %s, %q",
				tt.path, got["embed"], got["result"], tt.field, got["value"], tt.embed, tt.result, tt.value)
		}
	}
}

// embedWidths are the widths at which the embeds are measured: phones'
// post columns, WordPress's default maxwidth and the embed's own width, and
// a wide column.
var embedWidths = []int{320, 360, 640, 800}

// TestBrowserEmbedHeights measures each calculator's embed, in every
// language, at embedWidths, from the heights it tells its page (WordPress
// clamps a frame to 1,000 px: at 640 px and below an embed must fit).
func TestBrowserEmbedHeights(t *testing.T) {
	base := serveSite(t)
	langs := []string{"en", "fr", "ro", "th"}
	blog := blogServer(t, base, func(r *http.Request) string {
		var b strings.Builder
		b.WriteString(`<!doctype html><html><head><title>Heights</title></head><body style="margin:0">`)
		for _, l := range langs {
			fmt.Fprintf(&b, `<iframe id="%s" sandbox="allow-scripts" style="display:block;width:%dpx;height:200px;border:0" src="%s%s?lang=%s#?secret=s%s"></iframe>`,
				l, embedWidths[0], base, r.URL.Query().Get("embed"), l, l)
		}
		b.WriteString(`<script>
window.last = {}; window.ready = {}; window.all = [];
addEventListener("message", function (e) {
  var d = e.data || {};
  for (const f of document.querySelectorAll("iframe")) {
    if (f.contentWindow !== e.source) continue;
    if (d.type === "ltvlab:height") { window.ready[f.id] = window.ready[f.id] || d.ready; }
    if (d.message === "height" && d.secret === "s" + f.id) { window.last[f.id] = d.value; window.all.push(d.value); }
  }
});
function ask() {
  window.last = {};
  for (const f of document.querySelectorAll("iframe")) f.contentWindow.postMessage({message: "ready", secret: "s" + f.id}, "*");
}
</script></body></html>`)
		return b.String()
	})
	ctx := newTabFor(t, 3*time.Minute)
	table := map[string]map[int]int{}
	for _, s := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		if err := chromedp.Do(ctx, chromedp.Navigate(blog+"/?embed="+embedPath(s))); err != nil {
			t.Fatal(err)
		}
		if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`["en", "fr", "ro", "th"].every((l) => window.ready[l])`,
			chromedp.WithPollingTimeout(60*time.Second))); err != nil {
			t.Fatalf("%s: the embeds did not all start: %v", s.Model, err)
		}
		for _, w := range embedWidths {
			// Once laid out at the width, each embed answers "ready" with
			// its height.
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
				`document.querySelectorAll("iframe").forEach((f) => f.style.width = "%dpx")`, w))); err != nil {
				t.Fatal(err)
			}
			time.Sleep(300 * time.Millisecond)
			if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`ask()`)); err != nil {
				t.Fatal(err)
			}
			last, err := chromedp.Run(ctx, chromedp.Poll[map[string]int](
				`Object.keys(window.last).length === 4 && window.last`, chromedp.WithPollingTimeout(10*time.Second)))
			if err != nil {
				t.Fatalf("%s at %d px: not every embed told its height: %v", s.Model, w, err)
			}
			for _, l := range langs {
				key := s.Model + " " + l
				if table[key] == nil {
					table[key] = map[int]int{}
				}
				table[key][w] = last[l]
				if w <= 640 && last[l] > 1000 {
					t.Errorf("%s embed in %s at %d px: %d px tall; WordPress shows at most 1,000", s.Model, l, w, last[l])
				}
			}
		}
		all, _ := chromedp.Run(ctx, chromedp.Evaluate[[]int](`window.all`))
		for _, h := range all {
			if h <= 0 {
				t.Errorf("%s: a height of %d among %v", s.Model, h, all)
			}
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "embed heights (px) at %v px wide:", embedWidths)
	for _, s := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		for _, l := range langs {
			fmt.Fprintf(&b, "\n  %-12s %s:", s.Model, l)
			for _, w := range embedWidths {
				fmt.Fprintf(&b, " %5d", table[s.Model+" "+l][w])
			}
		}
	}
	t.Log(b.String())
}
