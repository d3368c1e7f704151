//go:build !wasm

package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testWeb writes a small resource directory with a stand-in app.wasm.
func testWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"app.wasm":          "\x00asm\x01\x00\x00\x00" + strings.Repeat("wasm body ", 500),
		"ltv.css":           strings.Repeat("body { color: black; }\n", 50),
		"page.js":           "// page\n",
		"icon.svg":          "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
		"icon-192.png":      "png",
		"icon-512.png":      "png",
		"icon-maskable.png": "png",
		".hidden":           "not published",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuild(t *testing.T) {
	web := testWeb(t)
	out := filepath.Join(t.TempDir(), "site")
	sum, err := build(buildOptions{Out: out, Web: web})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if len(sum.Version) != hashLen {
		t.Errorf("version %q, want %d hex digits", sum.Version, hashLen)
	}
	read := func(name string) string {
		t.Helper()
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	index := read("index.html")
	if !strings.Contains(index, ">$300.00</output>") {
		t.Error("index.html is not the prerendered calculator")
	}
	appJS := read("app.js")
	wasmRef := "/web/app." // followed by the hash
	i := strings.Index(appJS, wasmRef)
	if i < 0 {
		t.Fatal("app.js does not load app.wasm from /web/")
	}
	hashedWasm := appJS[i+1 : i+len(wasmRef)+hashLen+len(".wasm")]
	if !isHashedName(hashedWasm) {
		t.Errorf("app.js loads %s, not a content-hashed name", hashedWasm)
	}
	if _, err := os.Stat(filepath.Join(out, hashedWasm)); err != nil {
		t.Errorf("hashed wasm missing: %v", err)
	}
	if _, err := os.Stat(filepath.Join(out, "web", "app.wasm")); err == nil {
		t.Error("unhashed app.wasm was written: it is never loaded")
	}
	if _, err := os.Stat(filepath.Join(out, "web", ".hidden")); err == nil {
		t.Error("hidden file published")
	}
	for _, name := range []string{"web/ltv.css", "web/page.js", "web/icon.svg", "app-worker.js", "manifest.webmanifest", "wasm_exec.js"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
	for _, name := range []string{"index.html.br", "index.html.gz", hashedWasm + ".br", "web/ltv.css.br"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing precompressed %s: %v", name, err)
		}
	}
	if strings.Contains(read("manifest.webmanifest"), "https://") {
		t.Error("manifest points at a remote icon")
	}
	if strings.Contains(read("app-worker.js"), "https://") {
		t.Error("service worker precaches a remote resource")
	}

	// Same content, same version: a rebuild replaces the earlier one.
	again, err := build(buildOptions{Out: out, Web: web})
	if err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	if again.Version != sum.Version {
		t.Errorf("rebuild version %s, want %s", again.Version, sum.Version)
	}
	// Other content, other version.
	if err := os.WriteFile(filepath.Join(web, "ltv.css"), []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, err := build(buildOptions{Out: out, Web: web})
	if err != nil {
		t.Fatal(err)
	}
	if changed.Version == sum.Version {
		t.Error("version did not change with the content")
	}
}

func TestBuildRefuses(t *testing.T) {
	web := testWeb(t)
	if err := os.Remove(filepath.Join(web, "app.wasm")); err != nil {
		t.Fatal(err)
	}
	if _, err := build(buildOptions{Out: t.TempDir(), Web: web}); err == nil || !strings.Contains(err.Error(), "app.wasm is missing") {
		t.Errorf("build without app.wasm: error %v", err)
	}
	foreign := t.TempDir()
	if err := os.WriteFile(filepath.Join(foreign, "precious.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := build(buildOptions{Out: foreign, Web: testWeb(t)}); err == nil {
		t.Error("build replaced a directory it did not write")
	}
	if _, err := os.Stat(filepath.Join(foreign, "precious.txt")); err != nil {
		t.Error("build deleted a file it did not write")
	}
}

func TestIsHashedName(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"web/app.0123456789ab.wasm", true},
		{"web/app.0123456789ab.wasm.br", true},
		{"ltv.71afbdd0f7a6.css", true},
		{"app.wasm", false},
		{"index.html", false},
		{"web/app.0123456789AB.wasm", false},
		{"web/app.0123456789a.wasm", false},
		{"web/app.0123456789abz.wasm", false},
	}
	for _, tt := range tests {
		if got := isHashedName(tt.name); got != tt.want {
			t.Errorf("isHashedName(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPrerender checks the page the handler prerenders for a URL: it shows
// the figures of the query, and never writes a query value that is not a
// validated number into the page.
func TestPrerender(t *testing.T) {
	h := newHandler("test", hashedResources{}, 1)
	get := func(target string) string {
		t.Helper()
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusOK {
			t.Fatalf("GET %s: %d", target, rec.Code)
		}
		b, _ := io.ReadAll(rec.Body)
		return string(b)
	}
	if body := get("/?aov=80&freq=3&years=2"); !strings.Contains(body, ">$480.00</output>") || !strings.Contains(body, `value="80"`) {
		t.Errorf("prerendered /?aov=80&freq=3&years=2 does not show $480.00 with aov 80")
	}
	for _, payload := range []string{
		`"><script>alert(1)</script>`,
		`" onfocus="alert(1)" autofocus="`,
		`50" autofocus onfocus=alert(1) x="`,
		`<img src=x onerror=alert(1)>`,
	} {
		body := get("/?aov=" + url.QueryEscape(payload) + "&freq=" + url.QueryEscape(payload))
		for _, bad := range []string{"<script>alert", "onfocus", "onerror", "<img src=x"} {
			if strings.Contains(body, bad) {
				t.Errorf("payload %q reached the page as %q", payload, bad)
			}
		}
		if !strings.Contains(body, "not a number") {
			t.Errorf("payload %q: no error message in the page", payload)
		}
	}
}
