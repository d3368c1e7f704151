//go:build !wasm

package site

import (
	"bytes"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// pngOf returns a blank PNG image of size x size pixels.
func pngOf(t *testing.T, size int) string {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, size, size))); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// testWeb writes a small resource directory with stand-ins for app.wasm
// and orders.wasm.
func testWeb(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"app.wasm":          "\x00asm\x01\x00\x00\x00" + strings.Repeat("wasm body ", 500),
		"orders.wasm":       "\x00asm\x01\x00\x00\x00" + strings.Repeat("orders body ", 500),
		"ltv.css":           strings.Repeat("body { color: black; }\n", 50),
		"page.js":           "// page\n",
		"wasm-compile.js":   "// worker\n",
		"icon.svg":          "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>",
		"icon-192.png":      pngOf(t, 192),
		"icon-512.png":      pngOf(t, 512),
		"icon-maskable.png": pngOf(t, 512),
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
	sum, err := Build(Options{Out: out, Web: web})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	if len(sum.Version) != hashLen {
		t.Errorf("version %q, want %d hex digits", sum.Version, hashLen)
	}
	read := func(name string) string { t.Helper(); return readSiteFile(t, out, name) }
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
	for _, name := range []string{"app.wasm", "orders.wasm"} {
		if _, err := os.Stat(filepath.Join(out, "web", name)); err == nil {
			t.Errorf("unhashed %s was written: it is never loaded", name)
		}
	}
	// The order file page's build: loaded by app.js on that page, under
	// its hashed name, and precached for offline use.
	ordersRef := "/web/orders."
	j := strings.Index(appJS, ordersRef)
	if j < 0 {
		t.Fatal("app.js does not load orders.wasm from /web/")
	}
	hashedOrders := appJS[j+1 : j+len(ordersRef)+hashLen+len(".wasm")]
	if !isHashedName(hashedOrders) {
		t.Errorf("app.js loads %s, not a content-hashed name", hashedOrders)
	}
	if _, err := os.Stat(filepath.Join(out, hashedOrders+".br")); err != nil {
		t.Errorf("hashed orders.wasm missing: %v", err)
	}
	if worker := read("app-worker.js"); !strings.Contains(worker, `"/`+hashedOrders+`"`) || !strings.Contains(worker, `"/`+hashedWasm+`"`) {
		t.Errorf("the service worker does not precache both %s and %s", hashedWasm, hashedOrders)
	}
	if _, err := os.Stat(filepath.Join(out, "web", ".hidden")); err == nil {
		t.Error("hidden file published")
	}
	for _, name := range []string{"web/ltv.css", "web/page.js", "web/icon.svg", "app-worker.js", "manifest.webmanifest", "wasm_exec.js", "404.html", "_headers"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing %s: %v", name, err)
		}
	}
	for _, name := range []string{"index.html.br", "index.html.gz", hashedWasm + ".br", "web/ltv.css.br", "404.html.br"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("missing precompressed %s: %v", name, err)
		}
	}
	if sum.WasmBrotliSize == 0 {
		t.Error("no Brotli size for app.wasm")
	}

	var manifest webManifest
	if err := json.Unmarshal([]byte(read("manifest.webmanifest")), &manifest); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	if manifest.Scope != "/" || manifest.StartURL != "/" {
		t.Errorf("manifest scope %q, start_url %q, want / and /", manifest.Scope, manifest.StartURL)
	}
	purposes := map[string]bool{}
	for _, icon := range manifest.Icons {
		if !strings.HasPrefix(icon.Src, "/web/") || !isHashedName(icon.Src) {
			t.Errorf("manifest icon %s is not a local content-hashed file", icon.Src)
		}
		if _, err := os.Stat(filepath.Join(out, icon.Src)); err != nil {
			t.Errorf("manifest icon %s missing: %v", icon.Src, err)
		}
		purposes[icon.Sizes+" "+icon.Purpose] = true
	}
	for _, want := range []string{"192x192 any", "512x512 any", "512x512 maskable"} {
		if !purposes[want] {
			t.Errorf("manifest has no %s icon; icons %+v", want, manifest.Icons)
		}
	}

	worker := read("app-worker.js")
	if !strings.Contains(worker, `cachePrefix + "`+sum.Version+`"`) {
		t.Errorf("service worker cache is not named after version %s", sum.Version)
	}
	if strings.Contains(worker, "{{") {
		t.Error("service worker has an unfilled placeholder")
	}
	precache := workerPrecache(t, worker)
	for _, want := range []string{"/", "/" + hashedWasm, "/app.js", "/wasm_exec.js", "/manifest.webmanifest"} {
		if !containsString(precache, want) {
			t.Errorf("service worker does not precache %s; it precaches %q", want, precache)
		}
	}
	for _, u := range precache {
		if strings.HasPrefix(u, "/web/") && !isHashedName(u) {
			t.Errorf("service worker precaches %s under its plain name", u)
		}
		if !strings.HasPrefix(u, "/") {
			t.Errorf("service worker precaches a remote or relative URL %s", u)
		}
	}
	if !strings.Contains(read("404.html"), `href="/"`) {
		t.Error("404 page has no link home")
	}

	// Same content, same version and the same bytes: a rebuild replaces the
	// earlier one.
	again, err := Build(Options{Out: out, Web: web})
	if err != nil {
		t.Fatalf("rebuild: %v", err)
	}
	if again.Version != sum.Version {
		t.Errorf("rebuild version %s, want %s", again.Version, sum.Version)
	}
	if read("index.html") != index {
		t.Error("rebuild wrote index.html with other bytes")
	}
	// The version covers the pages too: the same resources under another
	// base path make another site.
	other := filepath.Join(t.TempDir(), "site")
	based, err := Build(Options{Out: other, Web: web, Base: "/ltv/", SkipPrecompress: true})
	if err != nil {
		t.Fatal(err)
	}
	if based.Version == sum.Version {
		t.Error("version did not change with the pages")
	}
	if _, err := os.Stat(filepath.Join(other, "index.html.br")); err == nil {
		t.Error("SkipPrecompress wrote index.html.br")
	}
	// Other content, other version.
	if err := os.WriteFile(filepath.Join(web, "ltv.css"), []byte("body{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, err := Build(Options{Out: out, Web: web})
	if err != nil {
		t.Fatal(err)
	}
	if changed.Version == sum.Version {
		t.Error("version did not change with the content")
	}
}

// attrURL matches the URL of an href or src attribute; jsonPath a JSON
// string that starts with a slash.
var (
	attrURL  = regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	jsonPath = regexp.MustCompile(`"(/[^"]*)"`)
)

// TestBuildBase checks a site built for a sub-path (a GitHub Pages project
// site): every local URL of the pages, the manifest, go-app's environment
// and the precache starts with the base path, and the manifest and the
// service worker's precache agree on the scope.
func TestBuildBase(t *testing.T) {
	out := filepath.Join(t.TempDir(), "site")
	if _, err := Build(Options{Out: out, Web: testWeb(t), Base: "ltv", SkipPrecompress: true}); err != nil {
		t.Fatal(err)
	}
	env := regexp.MustCompile(`const goappEnv = (.*);`).FindStringSubmatch(readSiteFile(t, out, "app.js"))
	if env == nil {
		t.Fatal("app.js has no goappEnv")
	}
	texts := map[string]string{
		"index.html":           readSiteFile(t, out, "index.html"),
		"404.html":             readSiteFile(t, out, "404.html"),
		"manifest.webmanifest": readSiteFile(t, out, "manifest.webmanifest"),
		"app.js environment":   env[1],
		"app-worker.js precache": regexp.MustCompile(`const resourcesToCache = (.*);`).
			FindString(readSiteFile(t, out, "app-worker.js")),
	}
	for name, body := range texts {
		found := 0
		re := jsonPath
		if strings.HasSuffix(name, ".html") {
			re = attrURL
		}
		for _, m := range re.FindAllStringSubmatch(body, -1) {
			u := m[1]
			if !strings.HasPrefix(u, "/") {
				continue // a fragment such as #main, or a relative reference
			}
			found++
			if !strings.HasPrefix(u, "/ltv/") {
				t.Errorf("%s: URL %s is not under /ltv/", name, u)
			}
		}
		if found == 0 {
			t.Errorf("%s: no local URL found: the check is broken", name)
		}
	}
	var manifest webManifest
	if err := json.Unmarshal([]byte(readSiteFile(t, out, "manifest.webmanifest")), &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.Scope != "/ltv/" || manifest.StartURL != "/ltv/" || manifest.ID != "/ltv/" {
		t.Errorf("manifest scope %q, start_url %q, id %q, want /ltv/", manifest.Scope, manifest.StartURL, manifest.ID)
	}
	if precache := workerPrecache(t, readSiteFile(t, out, "app-worker.js")); !containsString(precache, "/ltv/") {
		t.Errorf("the root page is not precached as /ltv/, the worker's scope: %q", precache)
	}
	appJS := readSiteFile(t, out, "app.js")
	for _, want := range []string{`"GOAPP_ROOT_PREFIX":"/ltv/"`, `register\(\s*"/ltv/app-worker\.js"`, `"/ltv/web/orders\.[0-9a-f]{12}\.wasm" : "/ltv/web/app\.[0-9a-f]{12}\.wasm"`, `goappCompileWasm\(window\.ltvWasm, "/ltv/web/wasm-compile\.[0-9a-f]{12}\.js"\)`} {
		if !regexp.MustCompile(want).MatchString(appJS) {
			t.Errorf("app.js does not match %s", want)
		}
	}
	if !strings.Contains(readSiteFile(t, out, "_headers"), "\n/ltv/web/*\n") {
		t.Error("_headers rules are not under /ltv/")
	}
}

// TestBuildIcons checks that the build refuses icons the manifest would
// misdescribe.
func TestBuildIcons(t *testing.T) {
	tests := []struct {
		name, body, want string
	}{
		{"icon-192.png", "not a png", "icon /web/icon-192.png: not a PNG"},
		{"icon-192.png", "", "icon /web/icon-192.png: not a PNG"},
		{"icon-512.png", "192", "icon /web/icon-512.png is 192x192, want 512x512"},
		{"icon-maskable.png", "100", "icon /web/icon-maskable.png is 100x100, want 512x512"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			web := testWeb(t)
			body := tt.body
			switch body {
			case "192":
				body = pngOf(t, 192)
			case "100":
				body = pngOf(t, 100)
			}
			if err := os.WriteFile(filepath.Join(web, tt.name), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err := Build(Options{Out: t.TempDir(), Web: web, SkipPrecompress: true})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("build with %s = %q: error %v, want %q", tt.name, tt.body, err, tt.want)
			}
		})
	}
}

func TestBuildRefuses(t *testing.T) {
	web := testWeb(t)
	if err := os.Remove(filepath.Join(web, "app.wasm")); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Out: t.TempDir(), Web: web}); err == nil || !strings.Contains(err.Error(), "app.wasm is missing") {
		t.Errorf("build without app.wasm: error %v", err)
	}
	web = testWeb(t)
	if err := os.Remove(filepath.Join(web, "orders.wasm")); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Out: t.TempDir(), Web: web}); err == nil || !strings.Contains(err.Error(), "orders.wasm is missing") {
		t.Errorf("build without orders.wasm: error %v", err)
	}
	foreign := t.TempDir()
	if err := os.WriteFile(filepath.Join(foreign, "precious.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(Options{Out: foreign, Web: testWeb(t)}); err == nil {
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
