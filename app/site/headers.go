//go:build !wasm

package site

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"ltvlab/app/site/headscript"
)

// cspCommon is the Content-Security-Policy of every page, except
// frame-ancestors. One inline script, allowed by its hash (package
// headscript); go-app's pages load app.js, wasm_exec.js and the /web/
// scripts as files. 'wasm-unsafe-eval' lets app.wasm compile; go-app sets
// style attributes, hence 'unsafe-inline' for styles only.
var cspCommon = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' " + headscript.Source() + "; " +
	"style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; " +
	"object-src 'none'; form-action 'none'"

// headerField is one response header.
type headerField struct{ Name, Value string }

// headerRule sets headers on the URLs it selects, by Pattern or by Files.
type headerRule struct {
	// Pattern selects URL paths, relative to the site's base path, in the
	// syntax of _headers files: "/web/*" selects every path that starts with
	// "/web/", "/app.js" only "/app.js".
	Pattern string
	// Files selects the URLs of the site's files for which it returns true,
	// given the file's slash path in the site ("index.html",
	// "web/app.0123456789ab.wasm"). A page has two URLs, "/cohort" and
	// "/cohort.html" ("/" and "/index.html" for index.html); _headers lists
	// each one.
	Files func(name string) bool
	// Header is what the rule sets.
	Header []headerField
}

// headerRules are the response headers of the site: the build writes them
// to _headers (writeHeadersFile), which Netlify, Cloudflare Pages and the
// site's own server (package serve) read, so that no two hosts disagree.
//
// Those hosts apply every rule that matches a URL and differ when two rules
// set the same header (Netlify keeps one, Cloudflare joins both with a
// comma), so no two rules may set the same header on one URL: that is why
// the page and cache rules select files rather than a catch-all "/*".
var headerRules = []headerRule{
	{Pattern: "/*", Header: []headerField{
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
	}},
	// Pages: never framed by another site.
	{Files: isFramedPage, Header: []headerField{
		{"Content-Security-Policy", cspCommon + "; frame-ancestors 'self'"},
		{"X-Frame-Options", "SAMEORIGIN"},
	}},
	// The embeddable page, framed by any site: frame-ancestors * and no
	// X-Frame-Options, which has no "allow all" value.
	{Files: isEmbedPage, Header: []headerField{
		{"Content-Security-Policy", cspCommon + "; frame-ancestors *"},
	}},
	// What an embedding iframe loads with CORS: sandboxed, its origin is
	// "null", so only "*" lets it fetch app.wasm.
	{Pattern: "/web/*", Header: corsAnyOrigin},
	{Pattern: "/app.js", Header: corsAnyOrigin},
	{Pattern: "/wasm_exec.js", Header: corsAnyOrigin},
	{Pattern: "/app.css", Header: corsAnyOrigin},
	{Pattern: "/oembed.json", Header: corsAnyOrigin},
	{Pattern: "/i18n/*", Header: corsAnyOrigin}, // the translations the app fetches
	{Pattern: "/oembed/*", Header: corsAnyOrigin},
	// Content-hashed files never change; everything else (pages, the
	// manifest, the service worker, go-app's files and /web/ files under
	// their plain names) is revalidated on every use.
	{Files: isHashedName, Header: []headerField{{"Cache-Control", "public, max-age=31536000, immutable"}}},
	{Files: func(name string) bool { return !isHashedName(name) }, Header: []headerField{{"Cache-Control", "no-cache"}}},
}

var corsAnyOrigin = []headerField{{"Access-Control-Allow-Origin", "*"}}

// isEmbedPage reports whether a file is the embeddable page: /embed, or a
// page under /embed/.
func isEmbedPage(name string) bool {
	return name == "embed.html" || strings.HasPrefix(name, "embed/") && strings.HasSuffix(name, ".html")
}

// isFramedPage reports whether a file is a page that only the site itself
// may frame: every page but the embeddable ones.
func isFramedPage(name string) bool {
	return strings.HasSuffix(name, ".html") && !isEmbedPage(name)
}

// fileURLs returns the URL paths, relative to the base path, at which a
// site file is served: "/web/ltv.css" for web/ltv.css, "/cohort" and
// "/cohort.html" for cohort.html, "/" and "/index.html" for index.html.
func fileURLs(name string) []string {
	if stem, ok := strings.CutSuffix(name, ".html"); ok {
		if stem == "index" {
			return []string{"/", "/index.html"}
		}
		return []string{"/" + stem, "/" + name}
	}
	return []string{"/" + name}
}

// headersFile renders headerRules in the _headers syntax of Netlify and
// Cloudflare Pages, for a site served under base whose files are names.
// Pattern rules are written as they are; file rules once per URL of every
// file they select. A URL that several rules select gets one block.
func headersFile(base string, names []string) []byte {
	prefix := strings.TrimSuffix(base, "/")
	var order []string
	blocks := map[string][]headerField{}
	add := func(url string, fields []headerField) {
		url = prefix + url
		if _, ok := blocks[url]; !ok {
			order = append(order, url)
		}
		blocks[url] = append(blocks[url], fields...)
	}
	for _, r := range headerRules {
		if r.Files == nil {
			add(r.Pattern, r.Header)
		}
	}
	sorted := append([]string(nil), names...)
	sort.Strings(sorted)
	for _, name := range sorted {
		for _, url := range fileURLs(name) {
			for _, r := range headerRules {
				if r.Files != nil && r.Files(name) {
					add(url, r.Header)
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString("# Response headers for Netlify and Cloudflare Pages, written by `app build`\n")
	b.WriteString("# from headerRules in app/headers.go: change the rules there, not here.\n")
	for _, url := range order {
		fmt.Fprintf(&b, "\n%s\n", url)
		for _, f := range blocks[url] {
			fmt.Fprintf(&b, "  %s: %s\n", f.Name, f.Value)
		}
	}
	return []byte(b.String())
}

// headersFileName is the name Netlify and Cloudflare Pages read their
// header rules from. It is not served.
const headersFileName = "_headers"

// Cloudflare Pages reads at most 100 rules from _headers, and lines of at
// most 2,000 characters.
const (
	maxHeadersRules    = 100
	maxHeadersLineSize = 2000
)

// writeHeadersFile writes _headers at the root of the site in dir, for
// every file the site serves.
func writeHeadersFile(dir, base string) error {
	var names []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		if name := filepath.ToSlash(rel); servedFile(name) {
			names = append(names, name)
		}
		return nil
	})
	if err != nil {
		return err
	}
	file := headersFile(base, names)
	if err := checkHeadersFile(file); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, headersFileName), file, 0o644)
}

// checkHeadersFile reports a _headers file that Cloudflare Pages would not
// take whole.
func checkHeadersFile(file []byte) error {
	rules := 0
	for i, line := range strings.Split(string(file), "\n") {
		if len(line) > maxHeadersLineSize {
			return fmt.Errorf("_headers line %d is %d characters long; Cloudflare Pages reads at most %d", i+1, len(line), maxHeadersLineSize)
		}
		if strings.HasPrefix(line, "/") {
			rules++
		}
	}
	if rules > maxHeadersRules {
		return fmt.Errorf("_headers has %d rules; Cloudflare Pages reads at most %d: the site has too many files for per-file rules (see headerRules)", rules, maxHeadersRules)
	}
	return nil
}

// servedFile reports whether a file of a generated site is served under
// its own URL: not hidden, not a precompressed variant, not _headers.
func servedFile(name string) bool {
	for _, seg := range strings.Split(name, "/") {
		if strings.HasPrefix(seg, ".") {
			return false
		}
	}
	ext := filepath.Ext(name)
	return ext != ".br" && ext != ".gz" && name != headersFileName
}
