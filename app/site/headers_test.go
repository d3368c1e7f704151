//go:build !wasm

package site

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"ltvlab/app/serve"
)

func TestSetHeaders(t *testing.T) {
	var (
		framedCSP = cspCommon + "; frame-ancestors 'self'"
		embedCSP  = cspCommon + "; frame-ancestors *"
		immutable = "public, max-age=31536000, immutable"
	)
	tests := []struct {
		urlPath, name string
		want          map[string]string // "" means absent
	}{
		{"/", "index.html", map[string]string{
			"Content-Security-Policy": framedCSP, "X-Frame-Options": "SAMEORIGIN",
			"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
			"Referrer-Policy": "strict-origin-when-cross-origin", "Access-Control-Allow-Origin": "",
		}},
		{"/cohort", "cohort.html", map[string]string{
			"Content-Security-Policy": framedCSP, "X-Frame-Options": "SAMEORIGIN",
		}},
		{"/embed", "embed.html", map[string]string{
			"Content-Security-Policy": embedCSP, "X-Frame-Options": "",
			"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff",
		}},
		{"/embed.html", "embed.html", map[string]string{
			"Content-Security-Policy": embedCSP, "X-Frame-Options": "",
		}},
		{"/embed/subscription", "embed/subscription.html", map[string]string{
			"Content-Security-Policy": embedCSP, "X-Frame-Options": "",
		}},
		{"/embedded", "embedded.html", map[string]string{
			"Content-Security-Policy": framedCSP, "X-Frame-Options": "SAMEORIGIN",
		}},
		{"/web/app.0123456789ab.wasm", "web/app.0123456789ab.wasm", map[string]string{
			"Access-Control-Allow-Origin": "*", "Cache-Control": immutable,
			"Content-Security-Policy": "", "X-Frame-Options": "", "X-Content-Type-Options": "nosniff",
		}},
		{"/web/icon.svg", "web/icon.svg", map[string]string{
			"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache",
		}},
		{"/app.js", "app.js", map[string]string{"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache"}},
		{"/wasm_exec.js", "wasm_exec.js", map[string]string{"Access-Control-Allow-Origin": "*"}},
		{"/app-worker.js", "app-worker.js", map[string]string{"Access-Control-Allow-Origin": "", "Cache-Control": "no-cache"}},
		{"/manifest.webmanifest", "manifest.webmanifest", map[string]string{"Cache-Control": "no-cache", "Content-Security-Policy": ""}},
		// A missing file under /web/: only the path rules.
		{"/web/missing.png", "", map[string]string{"Access-Control-Allow-Origin": "*", "Cache-Control": "", "X-Content-Type-Options": "nosniff"}},
	}
	for _, tt := range tests {
		h := http.Header{}
		setHeaders(h, tt.urlPath, tt.name)
		for name, want := range tt.want {
			if got := h.Get(name); got != want {
				t.Errorf("setHeaders(%s, %s): %s = %q, want %q", tt.urlPath, tt.name, name, got, want)
			}
		}
	}
}

// headersBlock is one rule of a _headers file.
type headersBlock struct {
	pattern string
	header  [][2]string
}

// parseHeadersFile reads the _headers syntax of Netlify and Cloudflare Pages:
// a URL pattern on a line of its own, then its headers indented, "#"
// comments.
func parseHeadersFile(t *testing.T, path string) []headersBlock {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var blocks []headersBlock
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch trimmed := strings.TrimSpace(line); {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t"):
			if !strings.HasPrefix(trimmed, "/") {
				t.Fatalf("_headers line %d: URL pattern %q does not start with /", n, trimmed)
			}
			blocks = append(blocks, headersBlock{pattern: trimmed})
		default:
			name, value, ok := strings.Cut(trimmed, ":")
			if !ok || len(blocks) == 0 {
				t.Fatalf("_headers line %d: %q is not a header of a rule", n, line)
			}
			last := &blocks[len(blocks)-1]
			last.header = append(last.header, [2]string{strings.TrimSpace(name), strings.TrimSpace(value)})
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return blocks
}

// headersFromFile returns what a host applying blocks sends for urlPath:
// the headers of every matching block. A header set by two matching blocks
// is an error: Netlify keeps one of them, Cloudflare Pages joins both.
func headersFromFile(t *testing.T, blocks []headersBlock, urlPath string) map[string]string {
	t.Helper()
	got := map[string]string{}
	from := map[string]string{}
	for _, b := range blocks {
		prefix, splat := strings.CutSuffix(b.pattern, "*")
		if !(splat && strings.HasPrefix(urlPath, prefix) || !splat && urlPath == b.pattern) {
			continue
		}
		for _, h := range b.header {
			if p, ok := from[h[0]]; ok {
				t.Errorf("%s: %s set by two rules, %s and %s: hosts disagree on the result", urlPath, h[0], p, b.pattern)
			}
			from[h[0]] = b.pattern
			got[h[0]] = h[1]
		}
	}
	return got
}

// TestHeadersFileAgreesWithServer writes _headers for a site with an embed
// page, and checks that a host following it sends, for every URL of every
// file, the same headers as serve.
func TestHeadersFileAgreesWithServer(t *testing.T) {
	ruled := map[string]bool{}
	for _, r := range headerRules {
		for _, f := range r.Header {
			ruled[http.CanonicalHeaderKey(f.Name)] = true
		}
	}
	for _, tt := range []struct{ name, base string }{
		{"root", "/"},
		{"sub-path", "/ltv/"},
	} {
		base := tt.base
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			names := []string{
				"index.html", "embed.html", "cohort.html", "404.html", "app.js", "app.css",
				"app-worker.js", "wasm_exec.js", "manifest.webmanifest", "web/app.0123456789ab.wasm",
				"web/ltv.css", "web/ltv.0123456789ab.css", "web/icon.svg", "index.html.br", ".ltvlab-site",
			}
			for _, name := range names {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(name), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := writeHeadersFile(dir, base); err != nil {
				t.Fatal(err)
			}
			blocks := parseHeadersFile(t, filepath.Join(dir, headersFileName))
			s, err := serve.NewHandler(dir, base)
			if err != nil {
				t.Fatal(err)
			}
			var urls []string
			for _, name := range names {
				if !servedFile(name) || name == notFoundFile {
					continue
				}
				for _, u := range fileURLs(name) {
					urls = append(urls, strings.TrimSuffix(base, "/")+u)
				}
			}
			sort.Strings(urls)
			for _, want := range []string{base + "embed", base + "embed.html", base, base + "index.html", base + "web/app.0123456789ab.wasm"} {
				if !containsString(urls, want) {
					t.Fatalf("URL %s not checked; URLs %q", want, urls)
				}
			}
			for _, u := range urls {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
				if rec.Code != http.StatusOK {
					t.Errorf("GET %s: status %d", u, rec.Code)
					continue
				}
				fromFile := headersFromFile(t, blocks, u)
				if len(fromFile) == 0 {
					t.Errorf("_headers has no rule for %s", u)
				}
				for name := range ruled {
					if got, want := rec.Header().Get(name), fromFile[name]; got != want {
						t.Errorf("%s: server sends %s %q, _headers %q", u, name, got, want)
					}
				}
			}
			// The embed page can be framed by any site; the others only by
			// the site itself.
			embed := headersFromFile(t, blocks, base+"embed")
			if !strings.HasSuffix(embed["Content-Security-Policy"], "frame-ancestors *") || embed["X-Frame-Options"] != "" {
				t.Errorf("%sembed: CSP %q, X-Frame-Options %q", base, embed["Content-Security-Policy"], embed["X-Frame-Options"])
			}
			home := headersFromFile(t, blocks, base)
			if !strings.HasSuffix(home["Content-Security-Policy"], "frame-ancestors 'self'") || home["X-Frame-Options"] != "SAMEORIGIN" {
				t.Errorf("%s: CSP %q, X-Frame-Options %q", base, home["Content-Security-Policy"], home["X-Frame-Options"])
			}
			for _, hidden := range []string{"index.html.br", ".ltvlab-site", headersFileName} {
				for _, b := range blocks {
					if strings.Contains(b.pattern, hidden) {
						t.Errorf("_headers has a rule for %s, which is not served", hidden)
					}
				}
			}
		})
	}
}

func TestFileURLs(t *testing.T) {
	tests := []struct {
		name string
		want []string
	}{
		{"index.html", []string{"/", "/index.html"}},
		{"cohort.html", []string{"/cohort", "/cohort.html"}},
		{"embed/subscription.html", []string{"/embed/subscription", "/embed/subscription.html"}},
		{"web/app.0123456789ab.wasm", []string{"/web/app.0123456789ab.wasm"}},
		{"manifest.webmanifest", []string{"/manifest.webmanifest"}},
	}
	for _, tt := range tests {
		if got := fileURLs(tt.name); strings.Join(got, " ") != strings.Join(tt.want, " ") {
			t.Errorf("fileURLs(%s) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestCheckHeadersFile(t *testing.T) {
	rule := "/x\n  X-A: b\n"
	tests := []struct {
		name    string
		file    string
		wantErr string
	}{
		{"100 rules", "# c\n" + strings.Repeat(rule, 100), ""},
		{"101 rules", strings.Repeat(rule, 101), "101 rules"},
		{"long line", "/x\n  X-A: " + strings.Repeat("b", 2000) + "\n", "line 2 is 2007 characters"},
	}
	for _, tt := range tests {
		err := checkHeadersFile([]byte(tt.file))
		if tt.wantErr == "" && err != nil || tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// matches reports whether the rule selects a request for urlPath (relative
// to the base path) answered with the site file name ("" when no file
// answers it).
func (r headerRule) matches(urlPath, name string) bool {
	if r.Files != nil {
		return name != "" && r.Files(name)
	}
	if prefix, ok := strings.CutSuffix(r.Pattern, "*"); ok {
		return strings.HasPrefix(urlPath, prefix)
	}
	return urlPath == r.Pattern
}

// setHeaders sets on h the headers of every rule that selects urlPath
// answered with the file name.
func setHeaders(h http.Header, urlPath, name string) {
	for _, r := range headerRules {
		if r.matches(urlPath, name) {
			for _, f := range r.Header {
				h.Set(f.Name, f.Value)
			}
		}
	}
}
