//go:build !wasm

package ui

import (
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestBrowserEmbed: a page on another origin embeds /embed in a sandboxed
// iframe, as WordPress does for an oEmbed provider; the calculator runs in it
// (origin "null") and the frame grows to its content from the height
// messages, both the generic one and WordPress's.
func TestBrowserEmbed(t *testing.T) {
	base := serveSite(t)
	host := `<!doctype html><html><head><title>A blog post</title></head><body>
<p>Our numbers:</p>
<iframe id="calc" sandbox="allow-scripts allow-popups" style="width:480px;height:150px;border:0"
  src="` + base + `/embed?model=subscription&arpa=200&gm=80&mchurn=4#?secret=abc123"></iframe>
<script>
window.generic = 0; window.wp = 0; window.ready = false;
window.addEventListener("message", function (e) {
  var d = e.data || {};
  if (d.type === "ltvlab:height") { window.generic = d.height; window.ready = window.ready || d.ready; }
  if (d.message === "height" && d.secret === "abc123") {
    window.wp = d.value;
    document.getElementById("calc").style.height = d.value + "px";
  }
});
</script></body></html>`
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	blog := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(host))
	}))
	blog.Listener.Close()
	blog.Listener = ln
	blog.Start()
	defer blog.Close()
	if strings.HasPrefix(blog.URL, base) {
		t.Fatalf("the blog %s must be another origin than the site %s", blog.URL, base)
	}

	ctx := newTab(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(blog.URL)); err != nil {
		t.Fatal(err)
	}
	// The frame grows past its 150 px to the calculator's height.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.wp > 300 && window.generic === window.wp`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		wp, _ := chromedp.Run(ctx, chromedp.Evaluate[int](`window.wp`))
		t.Fatalf("iframe height messages: WordPress %d px; want > 300 and equal to the generic one (%v)", wp, err)
	}
	// The app itself ran in the sandbox (origin "null"): app.wasm loaded.
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.ready === true`,
		chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Errorf("the app did not start inside the sandboxed iframe: %v", err)
	}
	h, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.getElementById("calc").getBoundingClientRect().height`))
	if err != nil || h <= 300 {
		t.Errorf("iframe height %d px (%v), want it grown past 300", h, err)
	}
}
