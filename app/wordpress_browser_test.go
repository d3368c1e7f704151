//go:build !wasm

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"ltvlab/app/internal/webtest"
	"ltvlab/app/serve"
	"ltvlab/app/site"
)

// TestBrowserWordPress embeds the calculators in a real WordPress, as
// bloggers do, and looks at the posts in Chromium: Debian's WordPress 6.1
// with Twenty Twenty-Three, MariaDB and Apache, set up by
// scripts/wordpress/wordpress.sh (make wordpress-deps installs them), and
// the site built with its origin and served by the serve command, oEmbed
// included. WordPress is at http://wordpress.test (Chromium maps the name
// to 127.0.0.1), another site than the calculator's, as a blog is.
//
// The posts: links pasted on lines of their own by an Author (the classic
// editor), a link pasted into the block editor by an Administrator, and the
// Share dialog's snippet in a Custom HTML block, by an Administrator and by
// an Author (whose HTML WordPress filters).
func TestBrowserWordPress(t *testing.T) {
	root := webtest.Root(t)
	script := filepath.Join(root, "scripts", "wordpress", "wordpress.sh")
	for _, f := range []string{"/usr/share/wordpress/wp-load.php", "/usr/sbin/mariadbd", "/usr/sbin/apache2", "/usr/lib/apache2/modules/libphp8.2.so"} {
		if _, err := os.Stat(f); err != nil {
			unavailable(t, "no %s: make wordpress-deps installs WordPress, MariaDB and Apache from Debian's packages", f)
		}
	}
	if os.Geteuid() != 0 {
		unavailable(t, "the WordPress test runs MariaDB and Apache as their users: it needs root")
	}
	chromiumPath(t)
	web := filepath.Join(root, "web")
	if _, err := os.Stat(filepath.Join(web, "app.wasm")); err != nil {
		unavailable(t, "no compiled %s (run make static): %v", filepath.Join(web, "app.wasm"), err)
	}

	// The calculator's site, with its origin: oEmbed documents and links.
	ltvPort, wpPort := freePort(t), freePort(t)
	origin := "http://127.0.0.1:" + ltvPort
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := site.Build(site.Options{Out: dir, Web: web, Origin: origin, SkipPrecompress: true}); err != nil {
		t.Fatal(err)
	}
	opts, err := withOembed(serve.Options{Addr: "127.0.0.1:" + ltvPort, Dir: dir}, "/")
	if err != nil || opts.Wrap == nil {
		t.Fatalf("the serve command has no oEmbed endpoint for a site built with -origin: %v", err)
	}
	var mu sync.Mutex
	var asked []string // what WordPress asked of the site
	front := opts.Wrap
	opts.Wrap = func(h http.Handler) http.Handler {
		h = front(h)
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if !strings.HasPrefix(r.Header.Get("User-Agent"), "Mozilla") {
				mu.Lock()
				asked = append(asked, r.URL.RequestURI())
				mu.Unlock()
			}
			h.ServeHTTP(w, r)
		})
	}
	webtest.StartServer(t, opts)

	// WordPress.
	start := time.Now()
	out, err := exec.Command("sh", script, "start", "wordpress.test", wpPort).Output()
	if err != nil {
		t.Fatalf("starting WordPress: %v\n%s", err, stderrOf(err))
	}
	wpDir := strings.TrimSpace(string(out))
	t.Cleanup(func() {
		if out, err := exec.Command("sh", script, "stop", wpDir).CombinedOutput(); err != nil {
			t.Errorf("stopping WordPress: %v\n%s", err, out)
		}
	})
	t.Logf("WordPress up at http://wordpress.test:%s in %v", wpPort, time.Since(start).Round(100*time.Millisecond))

	ctx := webtest.NewTabFor(t, 5*time.Minute,
		chromedp.Flag("host-resolver-rules", "MAP wordpress.test 127.0.0.1"),
		// A page of a public-looking origin frames 127.0.0.1 here; on the
		// Web both are public sites.
		chromedp.Flag("disable-features", "LocalNetworkAccessChecks"))
	pageErrs := webtest.ConsoleErrors(t, ctx)
	// Every height message a post receives, as wp-embed.js does.
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tgt *chromedp.Target) error {
		_, err := cdp.Call(ctx, tgt, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.ltvHeights = []; window.ltvWidths = [];
addEventListener("message", (e) => {
  if (e.data && e.data.message === "height") window.ltvHeights.push(e.data.value);
  if (e.data && e.data.type === "ltvlab:height") window.ltvWidths.push(e.data.width + "x" + e.data.height);
});`,
		})
		return err
	})); err != nil {
		t.Fatal(err)
	}

	// The snippet, as a blogger copies it from the Share dialog.
	if err := chromedp.Do(ctx, chromedp.Navigate(origin+"/cohort?m=200"), waitApp(),
		chromedp.Evaluate[chromedp.Void](`document.getElementById("share-open").click()`),
		chromedp.WaitVisible(chromedp.ID("share-dialog"))); err != nil {
		t.Fatalf("opening the Share dialog: %v", err)
	}
	snippet, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("share-embed")))
	if err != nil {
		t.Fatal(err)
	}

	sub := origin + "/subscription?arpa=70&mchurn=4"
	posts := map[string]wpPost{}
	for _, p := range []struct{ key, as, title, content string }{
		{"links", "author", "Three calculators, pasted by an Author",
			"Our calculators:\n\n" + origin + "/\n\n" + sub + "\n\n" + origin + "/cohort\n\nThat is all."},
		{"block", "admin", "A link in the block editor, by an Administrator",
			`<!-- wp:paragraph --><p>Our subscription:</p><!-- /wp:paragraph -->` + "\n\n" +
				`<!-- wp:embed {"url":"` + strings.ReplaceAll(sub, "&", `\u0026`) + `","type":"rich","providerNameSlug":"ltv-lab"} -->` + "\n" +
				`<figure class="wp-block-embed is-type-rich is-provider-ltv-lab wp-block-embed-ltv-lab"><div class="wp-block-embed__wrapper">` + "\n" +
				strings.ReplaceAll(sub, "&", "&amp;") + "\n</div></figure>\n<!-- /wp:embed -->"},
		{"snippet-admin", "admin", "The snippet, by an Administrator", snippetPost(snippet)},
		{"snippet-author", "author", "The snippet, by an Author", snippetPost(snippet)},
	} {
		posts[p.key] = publish(t, script, wpDir, p.as, p.title, p.content)
	}

	for _, width := range []int64{390, 1280} {
		t.Run(strconv.Itoa(int(width))+"px", func(t *testing.T) {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 844)); err != nil {
				t.Fatal(err)
			}
			// Pasted links: each its own calculator, with its figures.
			checkOembedPost(t, ctx, posts["links"], width, []embedWant{
				{origin + "/embed", "", "$300.00"},
				{origin + "/embed/subscription?", "arpa=70&mchurn=4", "$1,400.00"},
				{origin + "/embed/cohort", "", "$325.81"},
			})
			checkOembedPost(t, ctx, posts["block"], width, []embedWant{
				{origin + "/embed/subscription?", "arpa=70&mchurn=4", "$1,400.00"},
			})
			checkSnippetPosts(t, ctx, origin, posts["snippet-admin"], posts["snippet-author"], width)
		})
	}

	// "Open in LTV Lab" in WordPress's sandbox: WordPress follows the
	// embed's link message in the top window.
	t.Run("link", func(t *testing.T) {
		if err := chromedp.Do(ctx, chromedp.Navigate(posts["block"].URL)); err != nil {
			t.Fatal(err)
		}
		if err := webtest.PollJS(ctx, `[...document.querySelectorAll("iframe.wp-embedded-content")].some((f) => !f.hasAttribute("style"))`, 30*time.Second); err != nil {
			t.Fatalf("the embed was never shown: %v", err)
		}
		frame := webtest.Frames(t, ctx, origin+"/embed/subscription", 1)[0]
		if err := webtest.PollJS(frame.Ctx, `document.documentElement.dataset.app === "ready"`, 30*time.Second); err != nil {
			t.Fatal(err)
		}
		if err := webtest.ClickInFrame(ctx, frame, "iframe.wp-embedded-content", "#open-full"); err != nil {
			t.Fatal(err)
		}
		loc, err := waitLocation(ctx, origin+"/subscription?")
		if err != nil || !strings.Contains(loc, "arpa=70") || !strings.Contains(loc, "mchurn=4") {
			t.Errorf("after Open in LTV Lab the window is at %s (%v); want the subscription calculator with the figures", loc, err)
		} else {
			t.Logf("Open in LTV Lab: the window went to %s", loc)
		}
	})

	mu.Lock()
	t.Logf("WordPress asked the site for:\n  %s", strings.Join(asked, "\n  "))
	mu.Unlock()
	// WordPress's own: its theme names no favicon.
	if e := slices.DeleteFunc(pageErrs(), func(e string) bool { return strings.HasSuffix(e, "/favicon.ico") }); len(e) > 0 {
		t.Errorf("errors in the console of the posts: %q", e)
	}
}

// snippetPost is a post with the snippet in a Custom HTML block, after a
// paragraph: the post's column.
func snippetPost(snippet string) string {
	return "<!-- wp:paragraph -->\n<p id=\"column\">Our cohorts:</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:html -->\n" + snippet + "\n<!-- /wp:html -->"
}

// wpPost is a published post.
type wpPost struct {
	ID      int    `json:"id"`
	URL     string `json:"url"`
	Content string `json:"content"` // as saved, after the filters of its author's role
}

// publish publishes a post as a user, through the filters of their role.
func publish(t *testing.T, script, dir, as, title, content string) wpPost {
	t.Helper()
	spec, _ := json.Marshal(map[string]string{"as": as, "title": title, "content": content})
	cmd := exec.Command("sh", script, "php", dir, "post")
	cmd.Stdin = bytes.NewReader(spec)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("publishing %q: %v\n%s%s", title, err, out, stderrOf(err))
	}
	var p wpPost
	if err := json.Unmarshal(out, &p); err != nil {
		t.Fatalf("publishing %q: %v\n%s", title, err, out)
	}
	return p
}

// embedWant is an embed that a post must show: its frame's address, the
// query it must carry, and the LTV it must show.
type embedWant struct {
	src, query, ltv string
}

// checkOembedPost loads a post whose links WordPress embeds through
// oEmbed, and checks each embed: its calculator and figures, the blockquote
// hidden and the frame shown once sized, the frame's height its document's
// (at most WordPress's 1,000 px), no error in its console, and the post no
// wider than the window.
func checkOembedPost(t *testing.T, ctx context.Context, post wpPost, width int64, want []embedWant) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(post.URL)); err != nil {
		t.Fatal(err)
	}
	if err := webtest.PollJS(ctx, fmt.Sprintf(`document.querySelectorAll("iframe.wp-embedded-content").length === %d &&
		[...document.querySelectorAll("iframe.wp-embedded-content")].every((f) => !f.hasAttribute("style"))`, len(want)), 30*time.Second); err != nil {
		html, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector(".wp-block-post-content") || document.body).innerHTML`))
		t.Fatalf("%s: %d embeds, shown once sized: %v\n%s", post.URL, len(want), err, webtest.ClipText(html))
	}
	type frameInfo struct {
		Src          string  `json:"src"`
		Height       int     `json:"height"`
		Width        float64 `json:"width"`
		Blockquote   string  `json:"blockquote"`
		Sandbox      string  `json:"sandbox"`
		ScrollWidth  int     `json:"scrollWidth"`
		ClientWidth  int     `json:"clientWidth"`
		HasSecretSrc bool    `json:"secret"`
	}
	infos, err := chromedp.Run(ctx, chromedp.Evaluate[[]frameInfo](`[...document.querySelectorAll("iframe.wp-embedded-content")].map((f) => {
		const q = document.querySelector('blockquote[data-secret="' + f.dataset.secret + '"]');
		return {src: f.src, height: +f.getAttribute("height"), width: f.getBoundingClientRect().width,
			blockquote: q ? getComputedStyle(q).display : "none there", sandbox: f.getAttribute("sandbox"),
			scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth,
			secret: f.src.includes("#?secret=")};
	})`))
	if err != nil {
		t.Fatal(err)
	}
	frames := webtest.Frames(t, ctx, "", len(want))
	for i, w := range want {
		info := infos[i]
		if !strings.HasPrefix(info.Src, w.src) || !strings.Contains(info.Src, w.query) || strings.Contains(info.Src, "model=") || !info.HasSecretSrc {
			t.Errorf("%s embed %d: src %s, want %s with %s", post.URL, i, info.Src, w.src, w.query)
			continue
		}
		if info.Blockquote != "none" || info.Sandbox != "allow-scripts" {
			t.Errorf("%s embed %d: blockquote %s, sandbox %q; want it hidden once the frame is sized, WordPress's sandbox", post.URL, i, info.Blockquote, info.Sandbox)
		}
		var frame webtest.Frame
		for _, f := range frames {
			if strings.Split(info.Src, "#")[0] == strings.Split(f.URL, "#")[0] {
				frame = f
			}
		}
		if frame.Ctx == nil {
			t.Errorf("%s embed %d: no frame of %s", post.URL, i, info.Src)
			continue
		}
		// Chromium runs no frame of another site that is out of sight: an
		// embed starts as the reader scrolls to it.
		if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](fmt.Sprintf(
			`document.querySelectorAll("iframe.wp-embedded-content")[%d].scrollIntoView({block: "start"})`, i))); err != nil {
			t.Fatal(err)
		}
		if err := webtest.PollJS(frame.Ctx, `document.documentElement.dataset.app === "ready" && document.getElementById("ltv").textContent === `+webtest.JSString(w.ltv), 30*time.Second); err != nil {
			got, _ := chromedp.Run(frame.Ctx, chromedp.Evaluate[string](`(document.getElementById("ltv") || {}).textContent`))
			t.Errorf("%s embed %d (%s): LTV %q, want %s (%v)", post.URL, i, info.Src, got, w.ltv, err)
		}
		// The frame's height once the embed has told it again.
		time.Sleep(300 * time.Millisecond)
		docH, _ := chromedp.Run(frame.Ctx, chromedp.Evaluate[int](`Math.ceil(document.documentElement.getBoundingClientRect().height)`))
		frameH, _ := chromedp.Run(ctx, chromedp.Evaluate[int](fmt.Sprintf(`+document.querySelectorAll("iframe.wp-embedded-content")[%d].getAttribute("height")`, i)))
		if docH != frameH || frameH > 1000 || frameH < 200 {
			t.Errorf("%s embed %d at %d px: frame %d px tall for a %d px document", post.URL, i, width, frameH, docH)
		}
		if e := frame.Errors(); len(e) > 0 {
			t.Errorf("%s embed %d: errors in its console: %q", post.URL, i, e)
		}
		t.Logf("%s, embed %d at a %d px window: %s, %.0f x %d px (its document %d px), LTV %s", post.URL, i, width, info.Src, info.Width, frameH, docH, w.ltv)
	}
	// Only heights of the document: never 0. (A frame loaded before its
	// page is laid out may tell a height at a width it will not keep:
	// WordPress shows it then, and it tells the right one; the frames'
	// heights are checked above.)
	heights, err := chromedp.Run(ctx, chromedp.Evaluate[[]int](`window.ltvHeights`))
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(heights, 0) {
		t.Errorf("%s at %d px: height messages %v", post.URL, width, heights)
	}
	sizes, _ := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.ltvWidths`))
	t.Logf("%s at a %d px window: the height messages it got: %v (frame width x height: %v)", post.URL, width, heights, sizes)
	if len(infos) > 0 && infos[0].ScrollWidth > infos[0].ClientWidth {
		t.Errorf("%s at %d px: the page is %d px wide in a %d px window", post.URL, width, infos[0].ScrollWidth, infos[0].ClientWidth)
	}
}

// checkSnippetPosts loads the posts of the Share dialog's snippet: an
// Administrator's shows the calculator in the post's column, sized by its
// messages; an Author's, whose HTML WordPress filters, shows a link to it,
// and no script as text.
func checkSnippetPosts(t *testing.T, ctx context.Context, origin string, admin, author wpPost, width int64) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(admin.URL)); err != nil {
		t.Fatal(err)
	}
	if err := webtest.PollJS(ctx, `(() => { const f = document.querySelector(".ltvlab-embed iframe"); return !!f && f.dataset.ltvlab === "1" && f.style.height !== "900px"; })()`, 30*time.Second); err != nil {
		state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => { const f = document.querySelector(".ltvlab-embed iframe"); return f ? f.outerHTML + " data-ltvlab=" + f.dataset.ltvlab + " height " + f.style.height : "no frame"; })()`))
		t.Errorf("%s: the snippet's frame was never sized: %v\n%s", admin.URL, err, state)
	}
	box, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]float64](`(() => {
		const f = document.querySelector(".ltvlab-embed iframe").getBoundingClientRect();
		const c = document.getElementById("column").getBoundingClientRect();
		return {left: f.left, right: f.right, height: f.height, colLeft: c.left, colRight: c.right,
			scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if box["left"] < box["colLeft"] || box["right"] > box["colRight"] || box["scroll"] > box["client"] || box["height"] > 1000 {
		t.Errorf("%s at %d px: the snippet's frame spans %.0f-%.0f px in a column of %.0f-%.0f px, %.0f px tall; the page is %.0f px wide in %.0f",
			admin.URL, width, box["left"], box["right"], box["colLeft"], box["colRight"], box["height"], box["scroll"], box["client"])
	}
	t.Logf("%s at a %d px window: the snippet's frame %.0f x %.0f px in the post's column (%.0f-%.0f px)", admin.URL, width,
		box["right"]-box["left"], box["height"], box["colLeft"], box["colRight"])

	if err := chromedp.Do(ctx, chromedp.Navigate(author.URL)); err != nil {
		t.Fatal(err)
	}
	got, err := chromedp.Run(ctx, chromedp.Evaluate[map[string]string](`(() => {
		const c = document.querySelector(".wp-block-post-content");
		const a = c && c.querySelector('a[href*="/cohort"]');
		return {frames: String(c ? c.querySelectorAll("iframe").length : -1), text: c ? c.innerText : "", link: a ? a.href : ""};
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	if got["frames"] != "0" || strings.Contains(got["text"], "addEventListener") || strings.Contains(got["text"], "postMessage") ||
		got["link"] != origin+"/cohort?m=200" && !strings.HasPrefix(got["link"], origin+"/cohort?") {
		t.Errorf("%s: the Author's snippet shows %s frames, the text %q, the link %q; want no frame, no script, a link to the calculator",
			author.URL, got["frames"], webtest.ClipText(got["text"]), got["link"])
	}
	if width == 390 {
		t.Logf("the Author's snippet, as saved: %s", webtest.ClipText(author.Content))
		t.Logf("%s: %s frames, the link %s, the text %q", author.URL, got["frames"], got["link"], webtest.ClipText(got["text"]))
	}
}

// waitLocation waits until the tab's address starts with prefix.
func waitLocation(ctx context.Context, prefix string) (string, error) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		loc, err := chromedp.Run(ctx, chromedp.Location())
		if err == nil && strings.HasPrefix(loc, prefix) || time.Now().After(deadline) {
			return loc, err
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// freePort is a loopback port that nothing listens on.
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, _ := net.SplitHostPort(ln.Addr().String())
	return port
}

func stderrOf(err error) string {
	if ee, ok := err.(*exec.ExitError); ok {
		return string(ee.Stderr)
	}
	return ""
}
