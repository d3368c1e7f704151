//go:build !wasm

package site

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"ltvlab/app/oembed"
	"ltvlab/app/ui"
)

// notFoundFile is the site's 404 page.
const notFoundFile = "404.html"

// UsageError is an error in the options given: a bad base path or origin.
type UsageError struct{ Err error }

func (e UsageError) Error() string { return e.Err.Error() }
func (e UsageError) Unwrap() error { return e.Err }

// Options are the flags of the build command.
type Options struct {
	Out  string // directory to write the site into; replaced if it holds a previous build
	Web  string // resource directory, holding app.wasm
	Base string // path the site is served under: "/" (also when empty) or e.g. "/ltv/"
	// Origin is the scheme and host the site is published at, e.g.
	// "https://ltv.example": with it the pages name their public URL and the
	// build writes the oEmbed document; "" leaves both out.
	Origin string

	// SkipPrecompress leaves out the .br and .gz variants, which only serve
	// and hosts that take precompressed objects (S3 + CloudFront) use.
	SkipPrecompress bool
}

// Summary says what a build wrote.
type Summary struct {
	Files          int    // files written, compressed variants included
	Version        string // content hash of the site
	WasmSize       int64  // bytes of app.wasm
	WasmBrotliSize int64  // bytes of app.wasm compressed with Brotli; 0 when not precompressed
}

// siteMarker is written at the root of every generated site, so that a build
// only ever replaces a directory that an earlier build wrote.
const siteMarker = ".ltvlab-site"

// hashLen is the number of hex digits of the content hash in file names.
const hashLen = 12

// build generates the deployable site: the prerendered pages, go-app's
// files with our manifest and service worker, a 404 page, the resources of
// web/ under their own and content-hashed names (app.wasm and orders.wasm
// only under their hashed names), _headers, and .br and .gz variants of every compressible
// file. Every local URL in it starts with the base path.
//
// The version, which names the service worker's cache, is a hash of
// everything the worker precaches, so that any change of content, and only
// that, reaches visitors as an update: the pages are generated once with a
// placeholder version to be hashed, then again with the version.
func Build(opts Options) (Summary, error) {
	var sum Summary
	base, err := ParseBase(opts.Base)
	if err != nil {
		return sum, UsageError{Err: err}
	}
	origin, err := ParseOrigin(opts.Origin)
	if err != nil {
		return sum, UsageError{Err: err}
	}
	web, err := readWeb(opts.Web)
	if err != nil {
		return sum, err
	}
	wasm, ok := web["app.wasm"]
	if !ok {
		return sum, fmt.Errorf("%s is missing: build it first with GOOS=js GOARCH=wasm go build -o %s ./app (make static does both)",
			filepath.Join(opts.Web, "app.wasm"), filepath.Join(opts.Web, "app.wasm"))
	}
	if _, ok := web[ordersWasm]; !ok {
		return sum, fmt.Errorf("%s is missing: build it first with GOOS=js GOARCH=wasm go build -tags orders -o %s ./app (make static does both)",
			filepath.Join(opts.Web, ordersWasm), filepath.Join(opts.Web, ordersWasm))
	}
	hashed := hashedResources{}
	whole := sha256.New()
	names := sortedKeys(web)
	for _, name := range names {
		sum := sha256.Sum256(web[name])
		hashed["/web/"+name] = "/web/" + hashedName(name, sum[:])
		fmt.Fprintf(whole, "%s %x\n", name, sum)
	}
	res := siteResources{base: base, hashed: hashed}
	sum.WasmSize = int64(len(wasm))

	if err := prepareOut(opts.Out); err != nil {
		return sum, err
	}
	ui.RegisterRoutes()
	defer ui.SetBase(ui.SetBase(base))

	handler := func(version string) *app.Handler {
		h := newHandler(version, res, sum.WasmSize)
		if origin != "" {
			h.Domain = strings.TrimPrefix(strings.TrimPrefix(origin, "https://"), "http://")
			// Link previews show the icon; go-app would otherwise name
			// the origin itself, a page, as the image.
			h.Image = ogImage
			h.RawHeaders = append(h.RawHeaders, oembedPlaceholder)
		}
		return h
	}
	var oe *oembed.Site
	if origin != "" {
		s := OembedSite(origin, base)
		oe = &s
	}
	pages, err := generatePages(opts.Out, handler("pending"), base, web, oe)
	if err != nil {
		return sum, err
	}
	// The translations, which the browser fetches rather than carrying
	// them in app.wasm, and which the service worker keeps for offline use.
	for name, b := range ui.Catalogs() {
		dst := filepath.Join(opts.Out, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return sum, err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return sum, err
		}
		pages = append(pages, res.Resolve("/"+name))
	}
	if err := hashTree(whole, opts.Out); err != nil {
		return sum, err
	}
	sum.Version = hex.EncodeToString(whole.Sum(nil))[:hashLen]
	h := handler(sum.Version)
	h.CacheableResources = append(h.CacheableResources, pages...)
	if _, err := generatePages(opts.Out, h, base, web, oe); err != nil {
		return sum, err
	}

	for _, name := range names {
		targets := []string{strings.TrimPrefix(hashed["/web/"+name], "/web/")}
		if path.Ext(name) != ".wasm" {
			targets = append(targets, name)
		}
		for _, t := range targets {
			dst := filepath.Join(opts.Out, "web", filepath.FromSlash(t))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return sum, err
			}
			if err := os.WriteFile(dst, web[name], 0o644); err != nil {
				return sum, err
			}
		}
	}
	if err := writeHeadersFile(opts.Out, base); err != nil {
		return sum, err
	}
	if oe != nil {
		if err := writeOembed(opts.Out, *oe); err != nil {
			return sum, err
		}
	}
	if err := os.WriteFile(filepath.Join(opts.Out, siteMarker), []byte(sum.Version+"\n"), 0o644); err != nil {
		return sum, err
	}
	n, err := precompress(opts.Out, !opts.SkipPrecompress)
	if err != nil {
		return sum, err
	}
	if fi, err := os.Stat(filepath.Join(opts.Out, filepath.FromSlash(strings.TrimPrefix(hashed["/web/app.wasm"], "/"))+".br")); err == nil {
		sum.WasmBrotliSize = fi.Size()
	}
	sum.Files = n
	return sum, nil
}

// generatePages writes the prerendered pages and go-app's files into out
// with h, sorts the pages' attributes (canonicalHTML) and inlines their
// stylesheets (inlineStyles), makes app.js stream app.wasm to the compiler
// (streamWasmStart), replaces go-app's manifest with ours and writes the
// 404 page, and gives each page the oEmbed discovery link of its
// calculator when oe is not nil. It returns the URL of every page but the
// root and the 404 page, resolved for base ("/ltv/cohort").
func generatePages(out string, h *app.Handler, base string, web map[string][]byte, oe *oembed.Site) ([]string, error) {
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return nil, fmt.Errorf("generating pages: %w", err)
	}
	manifest, err := manifestJSON(h, base, web)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(out, "manifest.webmanifest"), manifest, 0o644); err != nil {
		return nil, err
	}
	notFound, err := notFoundHTML(h.Resources)
	if err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(out, notFoundFile), notFound, 0o644); err != nil {
		return nil, err
	}
	appJS, err := os.ReadFile(filepath.Join(out, "app.js"))
	if err != nil {
		return nil, err
	}
	if _, ok := web[wasmCompileWorker]; !ok {
		return nil, fmt.Errorf("web/%s is missing", wasmCompileWorker)
	}
	if appJS, err = streamWasmStart(appJS, h.Resources.Resolve("/web/"+ordersWasm), h.Resources.Resolve("/web/"+wasmCompileWorker)); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(out, "app.js"), appJS, 0o644); err != nil {
		return nil, err
	}
	styles := map[string][]byte{}
	for name, b := range web {
		if path.Ext(name) == ".css" {
			styles[h.Resources.Resolve("/web/"+name)] = b
		}
	}
	if styles[h.Resources.Resolve("/app.css")], err = os.ReadFile(filepath.Join(out, "app.css")); err != nil {
		return nil, err
	}
	var pages []string
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".html" {
			return err
		}
		rel, err := filepath.Rel(out, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if name != "index.html" && name != notFoundFile {
			pages = append(pages, h.Resources.Resolve("/"+strings.TrimSuffix(name, ".html")))
		}
		if name == notFoundFile {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if oe != nil {
			b = withOembedLink(b, name, *oe)
		}
		b, err = inlineStyles(dropHostlessOG(canonicalHTML(b)), func(url string) ([]byte, bool) {
			css, ok := styles[url]
			return css, ok
		})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return os.WriteFile(p, b, 0o644)
	})
	sort.Strings(pages)
	return pages, err
}

// ogImage is the Open Graph image of every page, when the build knows the
// site's origin: the app's icon, square, as link previews accept.
const ogImage = "/web/icon-512.png"

// hostlessOG is the Open Graph URL and image that go-app writes when it
// has no domain (a build without -origin): "https://" and "https:///cohort",
// which a link preview would follow. Its input has sorted attributes
// (canonicalHTML).
var hostlessOG = regexp.MustCompile(`\n[ \t]*<meta content="https://(?:/[^"]*)?" property="og:(?:url|image)">`)

// dropHostlessOG removes the Open Graph URL and image that have no host: a
// page without them is previewed with the address it was fetched from.
func dropHostlessOG(page []byte) []byte {
	return hostlessOG.ReplaceAll(page, nil)
}

// hashTree writes the name and SHA-256 of every file under dir to w, in
// name order.
func hashTree(w io.Writer, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%s %x\n", filepath.ToSlash(rel), sha256.Sum256(b))
		return nil
	})
}

// hashedResources resolves /web/ paths to their content-hashed names; other
// paths are left as they are.
type hashedResources map[string]string

func (r hashedResources) Resolve(location string) string {
	if hashed, ok := r[location]; ok {
		return hashed
	}
	if strings.HasPrefix(location, "web/") {
		return r.Resolve("/" + location)
	}
	return location
}

// hashedName inserts the first hashLen hex digits of sum before the
// extension: "ltv.css" becomes "ltv.0123456789ab.css".
func hashedName(name string, sum []byte) string {
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum)[:hashLen] + ext
}

// isHashedName reports whether a file name carries a content hash, as made
// by hashedName: such a file never changes and may be cached for good.
func isHashedName(name string) bool {
	base := path.Base(name)
	base = strings.TrimSuffix(strings.TrimSuffix(base, ".br"), ".gz")
	base = strings.TrimSuffix(base, path.Ext(base))
	dot := strings.LastIndexByte(base, '.')
	if dot < 0 || len(base)-dot-1 != hashLen {
		return false
	}
	for _, c := range base[dot+1:] {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

// readWeb reads every regular file under dir, keyed by slash path relative
// to dir. Hidden files and compressed leftovers are skipped.
func readWeb(dir string) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != dir {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading resources: %w", err)
	}
	return files, nil
}

// prepareOut empties out when it holds an earlier build, creates it when it
// does not exist, and refuses any other non-empty directory.
func prepareOut(out string) error {
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(out, 0o755)
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, siteMarker)); err != nil {
		return fmt.Errorf("%s is not empty and was not written by a build: refusing to replace it", out)
	}
	for _, e := range entries {
		if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// compressible lists the extensions worth storing compressed.
var compressible = map[string]bool{
	".html": true, ".js": true, ".css": true, ".wasm": true, ".json": true,
	".webmanifest": true, ".svg": true, ".txt": true, ".xml": true, ".csv": true,
}

// precompress writes name.br (Brotli, quality 11) and name.gz (gzip, best)
// beside every compressible file of dir when compress is true, keeping a
// variant only when it is smaller. It returns the number of files in dir
// afterwards.
func precompress(dir string, compress bool) (int, error) {
	var paths []string
	count := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		count++
		if compress && compressible[filepath.Ext(p)] {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, p := range paths {
		raw, err := os.ReadFile(p)
		if err != nil {
			return 0, err
		}
		var br, gz bytes.Buffer
		bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
		gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		for _, w := range []interface {
			Write([]byte) (int, error)
			Close() error
		}{bw, gw} {
			if _, err := w.Write(raw); err != nil {
				return 0, err
			}
			if err := w.Close(); err != nil {
				return 0, err
			}
		}
		for ext, b := range map[string][]byte{".br": br.Bytes(), ".gz": gz.Bytes()} {
			if len(b) >= len(raw) {
				continue
			}
			if err := os.WriteFile(p+ext, b, 0o644); err != nil {
				return 0, err
			}
			count++
		}
	}
	return count, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
