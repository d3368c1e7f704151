//go:build !wasm

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// xssPayloads are texts that would run script if a page copied them into
// its markup unescaped: out of a double-quoted attribute, a text area or a
// title; out of a single-quoted attribute; as a javascript: URL, out of a
// comment, as tags that run script. Each would set window.__x.
var xssPayloads = []string{
	`"></textarea></title><script>window.__x=1</script>`,
	`" autofocus onfocus="window.__x=1`,
	`' autofocus onfocus='window.__x=1`,
	`javascript:window.__x=1 --><img src=x onerror=window.__x=1><svg onload=window.__x=1>`,
}

// pageParams is a page and the URL parameters it reads.
type pageParams struct {
	Path   string
	Model  string // for /embed: the model= of the calculator it shows
	Params []string
}

// routeParams lists every page with the parameters it reads: every input
// of its calculator, lang, cur, and model (/embed once per calculator).
func routeParams() []pageParams {
	keys := func(s *pageSpec) []string {
		out := []string{"lang", "cur", "model"}
		for _, in := range s.allInputs() {
			out = append(out, in.Key)
		}
		return out
	}
	out := []pageParams{
		{"/", "", keys(purchaseSpec)},
		{"/subscription", "", keys(subscriptionSpec)},
		{"/cohort", "", keys(cohortSpec)},
	}
	for _, s := range []*pageSpec{purchaseSpec, subscriptionSpec, cohortSpec} {
		out = append(out, pageParams{"/embed", s.Model, slices.DeleteFunc(keys(s), func(k string) bool { return k == "model" })})
	}
	return out
}

// htmlTag is a start tag as a browser reads it.
type htmlTag struct {
	Name  string
	Attrs [][2]string // name and value, in order
}

// htmlTags reads the start tags of an HTML document the way a browser's
// tokenizer does (attribute values end at their quote, with no backslash
// escapes; comments are skipped; the text of script, style, textarea and
// title is text up to their end tag), so that a test sees what a browser
// would build, and not what a generator meant.
func htmlTags(s string) []htmlTag {
	var tags []htmlTag
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
		tag := htmlTag{Name: strings.ToLower(s[i+1 : j])}
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
			i += end
		}
	}
}

// checkMarkup fails when a page holds markup that a URL parameter put
// there: an inline script, an event attribute, a javascript: URL, an
// element that carries script, or an attribute value cut short by a quote
// (go-app quotes attribute values with strconv.Quote: a quote inside shows
// as \" and ends the attribute).
func checkMarkup(t *testing.T, what, body string) {
	t.Helper()
	for _, tag := range htmlTags(body) {
		if tag.Name == "script" && !slices.ContainsFunc(tag.Attrs, func(a [2]string) bool { return a[0] == "src" }) {
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
				t.Errorf("%s: an event attribute on <%s>: %s=%q", what, tag.Name, name, clipText(a[1]))
			case (name == "href" || name == "src" || name == "action" || name == "formaction") && strings.HasPrefix(value, "javascript:"):
				t.Errorf("%s: a javascript: URL on <%s>", what, tag.Name)
			case strings.HasSuffix(a[1], `\`) || strings.ContainsAny(name, `"'\<`):
				t.Errorf("%s: an attribute cut short on <%s>: %s=%q", what, tag.Name, name, clipText(a[1]))
			case tag.Name == "img" && name == "src" && value == "x":
				t.Errorf("%s: an injected <img src=x>", what)
			}
		}
	}
}

// TestPrerenderPayloads puts each payload into every parameter of every
// page, one at a time, and checks the page the handler prerenders (what
// the static site, a crawler and ?wasm=false get) for injected markup.
func TestPrerenderPayloads(t *testing.T) {
	h := newHandler("test", hashedResources{}, 1)
	for _, page := range routeParams() {
		for _, param := range page.Params {
			for _, payload := range xssPayloads {
				q := url.Values{param: {payload}}
				if page.Model != "" {
					q.Set("model", page.Model)
				}
				target := page.Path + "?" + q.Encode()
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
				if rec.Code != http.StatusOK {
					t.Fatalf("GET %s: %d", target, rec.Code)
				}
				body, _ := io.ReadAll(rec.Body)
				checkMarkup(t, "GET "+target, string(body))
			}
		}
	}
}

// TestPrerenderTextArea: the prerendered text areas show their text,
// escaped, as element content (a value attribute is ignored on a textarea).
func TestPrerenderTextArea(t *testing.T) {
	h := newHandler("test", hashedResources{}, 1)
	for target, want := range map[string]string{
		"/cohort":                               `>100 63.1 46.8 38.2 32.6 28.9 26.2 24.1</textarea>`,
		"/cohort?surv=%3Cb%3E%221%27%3C%2Fb%3E": `>&lt;b&gt;&#34;1&#39;&lt;/b&gt;</textarea>`,
	} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if body := rec.Body.String(); !strings.Contains(body, want) {
			t.Errorf("GET %s: no %s in the page", target, want)
		}
	}
}

// checkScriptSrc fails unless the Content-Security-Policy csp limits
// scripts to the site itself and app.wasm's compilation: no inline script,
// no eval, no other host, no plugins, no <base> hijack.
func checkScriptSrc(t *testing.T, what, csp string) {
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
		if src != "'self'" && src != "'wasm-unsafe-eval'" {
			t.Errorf("%s: the CSP lets scripts come from %s: %q", what, src, csp)
		}
	}
	for name, want := range map[string]string{"default-src": "'self'", "object-src": "'none'", "base-uri": "'none'"} {
		if got := strings.Join(directives[name], " "); got != want {
			t.Errorf("%s: CSP %s %q, want %q", what, name, got, want)
		}
	}
}

// TestPagesCSP checks the CSP the server sends with every page, the 404
// page and the embed view included.
func TestPagesCSP(t *testing.T) {
	for _, name := range []string{"index.html", "subscription.html", "cohort.html", "embed.html", "404.html"} {
		h := http.Header{}
		setHeaders(h, "/"+strings.TrimSuffix(name, ".html"), name)
		csp := h.Get("Content-Security-Policy")
		if csp == "" {
			t.Errorf("%s: no Content-Security-Policy", name)
			continue
		}
		checkScriptSrc(t, name, csp)
	}
}

// TestSiteMarkup reads every page of the generated site (make static; the
// test skips without one) as a browser would: no inline script, no event
// attribute, nothing that the CSP would have to block.
func TestSiteMarkup(t *testing.T) {
	dir := os.Getenv("LTV_SITE")
	if dir == "" {
		dir = filepath.Join("..", "static")
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(pages) == 0 {
		t.Skipf("no generated site in %s (run make static)", dir)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		checkMarkup(t, filepath.Base(p), string(b))
	}
}
