//go:build !wasm

package serve

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// outsideSecret is the content of a file beside the test site, which no request
// may read.
const outsideSecret = "secret outside the site"

// testHeaders is a _headers file as the build writes one, for the test site.
const testHeaders = `# Response headers
/*
  X-Content-Type-Options: nosniff

/
  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'
  Cache-Control: no-cache
/index.html
  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'
  Cache-Control: no-cache
/subscription
  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'
  Cache-Control: no-cache
/404
  Content-Security-Policy: default-src 'self'; frame-ancestors 'self'
  Cache-Control: no-cache
/web/*
  Access-Control-Allow-Origin: *
/web/app.0123456789ab.wasm
  Cache-Control: public, max-age=31536000, immutable
/web/ltv.css
  Cache-Control: no-cache
/app.js
  Cache-Control: no-cache
/manifest.webmanifest
  Cache-Control: no-cache
`

// testSite writes a small generated site, with a file beside it that must
// stay out of reach, and loads it.
func testSite(t testing.TB) (*Handler, string) {
	t.Helper()
	parent := t.TempDir()
	if err := os.WriteFile(filepath.Join(parent, "secret.txt"), []byte(outsideSecret), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(parent, "site")
	files := map[string]string{
		"index.html":                   "<!doctype html><title>home</title>",
		"404.html":                     "<!doctype html><title>not found</title>",
		"_headers":                     testHeaders,
		"subscription.html":            "<!doctype html><title>subscription</title>",
		"app.js":                       "console.log(1)",
		"web/app.0123456789ab.wasm":    "\x00asm wasm",
		"web/app.0123456789ab.wasm.br": "BROTLI",
		"web/ltv.css":                  "body{}",
		"web/ltv.css.gz":               gzipString(t, "body{}"),
		"manifest.webmanifest":         "{}",
		".ltvlab-site":                 "v",
	}
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := NewHandler(dir, "/")
	if err != nil {
		t.Fatal(err)
	}
	return h, dir
}

const notFoundBody = "<!doctype html><title>not found</title>"

func gzipString(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	io.WriteString(w, s)
	w.Close()
	return b.String()
}

func TestSiteServe(t *testing.T) {
	s, _ := testSite(t)
	tests := []struct {
		name        string
		method      string
		target      string
		accept      string // Accept-Encoding
		wantStatus  int
		wantBody    string
		wantType    string
		wantEnc     string
		wantCaching string
	}{
		{"root", "GET", "/", "", 200, "<!doctype html><title>home</title>", "text/html; charset=utf-8", "", "no-cache"},
		{"root with query", "GET", "/?aov=80", "", 200, "<!doctype html><title>home</title>", "text/html; charset=utf-8", "", "no-cache"},
		{"clean URL", "GET", "/subscription", "", 200, "<!doctype html><title>subscription</title>", "text/html; charset=utf-8", "", "no-cache"},
		{"html file", "GET", "/subscription.html", "", 200, "<!doctype html><title>subscription</title>", "text/html; charset=utf-8", "", "no-cache"},
		{"wasm raw", "GET", "/web/app.0123456789ab.wasm", "", 200, "\x00asm wasm", "application/wasm", "", "public, max-age=31536000, immutable"},
		{"wasm brotli", "GET", "/web/app.0123456789ab.wasm", "gzip, deflate, br", 200, "BROTLI", "application/wasm", "br", "public, max-age=31536000, immutable"},
		{"brotli refused with q=0", "GET", "/web/app.0123456789ab.wasm", "br;q=0", 200, "\x00asm wasm", "application/wasm", "", "public, max-age=31536000, immutable"},
		{"gzip", "GET", "/web/ltv.css", "gzip", 200, gzipString(t, "body{}"), "text/css; charset=utf-8", "gzip", "no-cache"},
		{"manifest", "GET", "/manifest.webmanifest", "", 200, "{}", "application/manifest+json", "", "no-cache"},
		{"js", "GET", "/app.js", "", 200, "console.log(1)", "text/javascript; charset=utf-8", "", "no-cache"},
		{"head", "HEAD", "/", "", 200, "", "text/html; charset=utf-8", "", "no-cache"},
		{"missing", "GET", "/nope", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"missing HEAD", "HEAD", "/nope", "", 404, "", "text/html; charset=utf-8", "", "no-cache"},
		{"missing file under web", "GET", "/web/nope.css", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"directory", "GET", "/web/", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"directory without slash", "GET", "/web", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"traversal", "GET", "/../secret.txt", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"traversal deeper", "GET", "/../../../../../../etc/passwd", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"encoded traversal", "GET", "/web/..%2f..%2fsecret.txt", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"encoded dots", "GET", "/%2e%2e/secret.txt", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"double-encoded dots", "GET", "/%252e%252e/secret.txt", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"backslashes", "GET", "/..%5c..%5csecret.txt", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"NUL byte", "GET", "/index.html%00.txt", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"hidden marker", "GET", "/.ltvlab-site", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"precompressed variant", "GET", "/web/ltv.css.gz", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"headers file", "GET", "/_headers", "", 404, notFoundBody, "text/html; charset=utf-8", "", "no-cache"},
		{"health", "GET", "/healthz", "", 200, "ok\n", "text/plain; charset=utf-8", "", "no-store"},
		{"health HEAD", "HEAD", "/healthz", "", 200, "", "text/plain; charset=utf-8", "", "no-store"},
		{"post", "POST", "/", "", 405, "method not allowed\n", "text/plain; charset=utf-8", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req := httptest.NewRequest(tt.method, tt.target, nil)
			if tt.accept != "" {
				req.Header.Set("Accept-Encoding", tt.accept)
			}
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			res := rec.Result()
			if res.StatusCode != tt.wantStatus {
				t.Fatalf("%s %s: status %d, want %d", tt.method, tt.target, res.StatusCode, tt.wantStatus)
			}
			body, _ := io.ReadAll(res.Body)
			if string(body) != tt.wantBody {
				t.Errorf("%s %s: body %q, want %q", tt.method, tt.target, body, tt.wantBody)
			}
			if got := res.Header.Get("Content-Type"); got != tt.wantType {
				t.Errorf("Content-Type %q, want %q", got, tt.wantType)
			}
			if got := res.Header.Get("Content-Encoding"); got != tt.wantEnc {
				t.Errorf("Content-Encoding %q, want %q", got, tt.wantEnc)
			}
			if got := res.Header.Get("Cache-Control"); got != tt.wantCaching {
				t.Errorf("Cache-Control %q, want %q", got, tt.wantCaching)
			}
			if strings.HasPrefix(tt.target, "/web/") && tt.wantStatus == 200 && res.Header.Get("Vary") != "Accept-Encoding" {
				t.Errorf("Vary %q, want Accept-Encoding", res.Header.Get("Vary"))
			}
			if got := res.Header.Get("X-Content-Type-Options"); got != "nosniff" {
				t.Errorf("X-Content-Type-Options %q, want nosniff", got)
			}
			if tt.wantStatus == 404 && !strings.Contains(res.Header.Get("Content-Security-Policy"), "frame-ancestors 'self'") {
				t.Errorf("404 page without the pages' CSP: %q", res.Header.Get("Content-Security-Policy"))
			}
			if strings.Contains(string(body), outsideSecret) {
				t.Errorf("%s %s reached a file that is not served", tt.method, tt.target)
			}
		})
	}
}

func TestSiteConditional(t *testing.T) {
	s, _ := testSite(t)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	etag := rec.Header().Get("ETag")
	if etag == "" {
		t.Fatal("no ETag")
	}
	req := httptest.NewRequest("GET", "/", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Errorf("If-None-Match %s: status %d, want 304", etag, rec.Code)
	}
	req = httptest.NewRequest("GET", "/web/app.0123456789ab.wasm", nil)
	req.Header.Set("Range", "bytes=1-3")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusPartialContent || rec.Body.String() != "asm" {
		t.Errorf("Range bytes=1-3: %d %q, want 206 \"asm\"", rec.Code, rec.Body.String())
	}
}

func TestNewHandlerErrors(t *testing.T) {
	if _, err := NewHandler(filepath.Join(t.TempDir(), "missing"), "/"); err == nil || !strings.Contains(err.Error(), "make static") {
		t.Errorf("missing dir: %v", err)
	}
	if _, err := NewHandler(t.TempDir(), "/"); err == nil || !strings.Contains(err.Error(), "index.html") {
		t.Errorf("empty dir: %v", err)
	}
}

// TestServeShutdown starts the real server on a loopback port, serves a
// request, and checks that cancelling the context shuts it down cleanly.
func TestServeShutdown(t *testing.T) {
	_, dir := testSite(t)
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- Run(ctx, Options{Addr: "127.0.0.1:0", Dir: dir, Log: &logs}, ready) }()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatalf("serve: %v", err)
	case <-time.After(5 * time.Second):
		t.Fatal("server did not start")
	}
	res, err := http.Get("http://" + addr + "/subscription")
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != 200 {
		t.Errorf("GET /subscription: %d", res.StatusCode)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("server did not shut down")
	}
	if !strings.Contains(logs.String(), "msg=serving") || !strings.Contains(logs.String(), "msg=\"shutting down\"") {
		t.Errorf("no start or stop line in the log:\n%s", logs.String())
	}
}

// TestSiteBase serves the site under /ltv/, as on a GitHub Pages project
// site: nothing outside the prefix, and /ltv redirects to /ltv/.
func TestSiteBase(t *testing.T) {
	_, dir := testSite(t)
	s, err := NewHandler(dir, "/ltv/")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target       string
		wantStatus   int
		wantBody     string
		wantLocation string
	}{
		{"/ltv/", 200, "<!doctype html><title>home</title>", ""},
		{"/ltv/?aov=80&freq=3", 200, "<!doctype html><title>home</title>", ""},
		{"/ltv/index.html", 200, "<!doctype html><title>home</title>", ""},
		{"/ltv/subscription", 200, "<!doctype html><title>subscription</title>", ""},
		{"/ltv/web/ltv.css", 200, "body{}", ""},
		{"/ltv", 301, "", "/ltv/"},
		{"/ltv?aov=80", 301, "", "/ltv/?aov=80"},
		{"/", 404, notFoundBody, ""},
		{"/index.html", 404, notFoundBody, ""},
		{"/web/ltv.css", 404, notFoundBody, ""},
		{"/ltvx/", 404, notFoundBody, ""},
		{"/ltv/nope", 404, notFoundBody, ""},
		{"/ltv/../index.html", 404, notFoundBody, ""},
		{"/ltv/..%2findex.html", 404, notFoundBody, ""},
		{"/ltv/../secret.txt", 404, notFoundBody, ""},
		{"/ltv/../../secret.txt", 404, notFoundBody, ""},
		{"/healthz", 200, "ok\n", ""},
	}
	for _, tt := range tests {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, tt.target, nil))
		if rec.Code != tt.wantStatus {
			t.Errorf("GET %s: status %d, want %d", tt.target, rec.Code, tt.wantStatus)
			continue
		}
		if tt.wantBody != "" && rec.Body.String() != tt.wantBody {
			t.Errorf("GET %s: body %q, want %q", tt.target, rec.Body.String(), tt.wantBody)
		}
		if got := rec.Header().Get("Location"); got != tt.wantLocation {
			t.Errorf("GET %s: Location %q, want %q", tt.target, got, tt.wantLocation)
		}
	}
}

// startServer runs Run until stop is called or the test ends, and returns
// its address. opts.Addr defaults to a free loopback port.
func startServer(tb testing.TB, opts Options) (addr string, stop func()) {
	tb.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	go func() {
		done <- Run(ctx, opts, ready)
	}()
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

// TestServerLimits checks, over a real connection, that slow and oversized
// requests are cut off.
func TestServerLimits(t *testing.T) {
	_, dir := testSite(t)
	addr, _ := startServer(t, Options{Dir: dir,
		ReadHeaderTimeout: 200 * time.Millisecond,
		IdleTimeout:       300 * time.Millisecond,
		MaxHeaderBytes:    4 << 10,
		MaxURLBytes:       1 << 10,
	})

	// closedWithin sends req and reports how long the server took to close
	// the connection, reading and discarding what it answers; it fails the
	// test when the connection is still open after wait.
	closedWithin := func(t *testing.T, req string, wait time.Duration) (time.Duration, string) {
		t.Helper()
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		start := time.Now()
		if _, err := io.WriteString(conn, req); err != nil {
			t.Fatal(err)
		}
		conn.SetReadDeadline(start.Add(wait))
		got, err := io.ReadAll(conn)
		if err != nil {
			t.Fatalf("connection still open after %v (%v); read %q", wait, err, got)
		}
		return time.Since(start), string(got)
	}

	t.Run("slow headers", func(t *testing.T) {
		// A slow-loris client: the request line and a header, then nothing.
		took, got := closedWithin(t, "GET / HTTP/1.1\r\nHost: x\r\n", 3*time.Second)
		if took < 150*time.Millisecond {
			t.Errorf("closed after %v, before the ReadHeaderTimeout", took)
		}
		if got != "" {
			t.Errorf("answered %q to an unfinished request", got)
		}
	})
	t.Run("idle keep-alive", func(t *testing.T) {
		took, got := closedWithin(t, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n", 3*time.Second)
		if !strings.HasPrefix(got, "HTTP/1.1 200") {
			t.Errorf("answer %q, want 200", got)
		}
		if took < 250*time.Millisecond {
			t.Errorf("closed after %v, before the IdleTimeout", took)
		}
	})

	for _, tt := range []struct {
		name       string
		target     string
		header     string
		wantStatus int
	}{
		{"URL at the limit", "/?q=" + strings.Repeat("a", 1<<10-4), "", 200},
		{"URL over the limit", "/?q=" + strings.Repeat("a", 1<<10), "", http.StatusRequestURITooLong},
		{"URL over the header limit", "/?q=" + strings.Repeat("a", 16<<10), "", http.StatusRequestHeaderFieldsTooLarge},
		{"headers over the limit", "/", strings.Repeat("a", 16<<10), http.StatusRequestHeaderFieldsTooLarge},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest(http.MethodGet, "http://"+addr+tt.target, nil)
			if err != nil {
				t.Fatal(err)
			}
			if tt.header != "" {
				req.Header.Set("X-Big", tt.header)
			}
			res, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			res.Body.Close()
			if res.StatusCode != tt.wantStatus {
				t.Errorf("GET with a %d-byte target: status %d, want %d", len(tt.target), res.StatusCode, tt.wantStatus)
			}
		})
	}
}

// syncBuffer is a bytes.Buffer that the server's goroutines may write to
// while the test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// TestRunWrap: Options.Wrap puts a handler in front of the site's, which
// answers what the front one passes on.
func TestRunWrap(t *testing.T) {
	_, dir := testSite(t)
	addr, _ := startServer(t, Options{Dir: dir, Wrap: func(site http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/front" {
				io.WriteString(w, "front")
				return
			}
			site.ServeHTTP(w, r)
		})
	}})
	for target, want := range map[string]string{"/front": "front", "/subscription": "<!doctype html><title>subscription</title>"} {
		res, err := http.Get("http://" + addr + target)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || string(b) != want {
			t.Errorf("GET %s: %d %q, want %q", target, res.StatusCode, b, want)
		}
	}
}
