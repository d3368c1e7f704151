//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testSite writes a small generated site and loads it.
func testSite(t *testing.T) (*site, string) {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"index.html":                   "<!doctype html><title>home</title>",
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
	s, err := loadSite(dir)
	if err != nil {
		t.Fatal(err)
	}
	return s, dir
}

func gzipString(t *testing.T, s string) string {
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
		{"missing", "GET", "/nope", "", 404, "", "", "", ""},
		{"directory", "GET", "/web/", "", 404, "", "", "", ""},
		{"traversal", "GET", "/../../etc/passwd", "", 404, "", "", "", ""},
		{"encoded traversal", "GET", "/web/..%2f..%2fetc/passwd", "", 404, "", "", "", ""},
		{"hidden marker", "GET", "/.ltvlab-site", "", 404, "", "", "", ""},
		{"post", "POST", "/", "", 405, "", "", "", ""},
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
			if tt.wantStatus != 200 {
				return
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
			if strings.HasPrefix(tt.target, "/web/") && res.Header.Get("Vary") != "Accept-Encoding" {
				t.Errorf("Vary %q, want Accept-Encoding", res.Header.Get("Vary"))
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

func TestLoadSiteErrors(t *testing.T) {
	if _, err := loadSite(filepath.Join(t.TempDir(), "missing")); err == nil || !strings.Contains(err.Error(), "make static") {
		t.Errorf("missing dir: %v", err)
	}
	if _, err := loadSite(t.TempDir()); err == nil || !strings.Contains(err.Error(), "index.html") {
		t.Errorf("empty dir: %v", err)
	}
}

// TestServeShutdown starts the real server on a loopback port, serves a
// request, and checks that cancelling the context shuts it down cleanly.
func TestServeShutdown(t *testing.T) {
	_, dir := testSite(t)
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, "127.0.0.1:0", dir, logger, ready) }()
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
	if !strings.Contains(logs.String(), "path=/subscription status=200") {
		t.Errorf("no request log line; logs:\n%s", logs.String())
	}
}
