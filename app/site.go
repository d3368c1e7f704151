//go:build !wasm

package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// notFoundFile is the site's 404 page, which build writes.
const notFoundFile = "404.html"

// site is a generated site held in memory: it is small and never changes
// while served, so every response is a copy from memory.
type site struct {
	files map[string]*siteFile // by slash path without the leading "/"
	base  string               // path the site is served under, "/" or e.g. "/ltv/"
}

// siteFile is one file of the site with its precompressed variants.
type siteFile struct {
	body        []byte
	br, gz      []byte // nil when absent
	contentType string
	etag        string
	modTime     time.Time
}

// loadSite reads every file of dir into memory, reporting clearly a missing,
// empty or unreadable site. It skips what is not served under its own URL:
// hidden files, precompressed variants (loaded with their file) and
// _headers.
func loadSite(dir string) (*site, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("site directory %s: %w (run make static first)", dir, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("site directory %s is not a directory", dir)
	}
	s := &site{files: map[string]*siteFile{}, base: "/"}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		name := filepath.ToSlash(rel)
		if !servedFile(name) {
			return nil
		}
		body, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		f := &siteFile{body: body, contentType: contentType(p), modTime: info.ModTime()}
		f.etag = etagOf(body)
		if b, err := os.ReadFile(p + ".br"); err == nil {
			f.br = b
		}
		if b, err := os.ReadFile(p + ".gz"); err == nil {
			f.gz = b
		}
		s.files[name] = f
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading site: %w", err)
	}
	if _, ok := s.files["index.html"]; !ok {
		return nil, fmt.Errorf("site directory %s has no index.html (run make static first)", dir)
	}
	return s, nil
}

// ServeHTTP serves /healthz and the site under its base path: clean URLs
// ("/foo" from foo.html), a precompressed variant chosen by
// Accept-Encoding, the headers of headerRules, and the site's 404 page for
// anything else.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if r.URL.Path == "/healthz" {
		serveHealth(w, r)
		return
	}
	rel, ok := s.relative(r.URL.Path)
	if !ok {
		if r.URL.Path == strings.TrimSuffix(s.base, "/") {
			target := s.base
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			http.Redirect(w, r, target, http.StatusMovedPermanently)
			return
		}
		s.serveNotFound(w, r, path.Clean("/"+r.URL.Path))
		return
	}
	name, f := s.lookup(rel)
	if f == nil {
		s.serveNotFound(w, r, rel)
		return
	}
	hdr := w.Header()
	setHeaders(hdr, rel, name)
	hdr.Set("Content-Type", f.contentType)
	body, etag := f.body, f.etag
	if f.br != nil || f.gz != nil {
		hdr.Add("Vary", "Accept-Encoding")
		switch enc := r.Header.Get("Accept-Encoding"); {
		case f.br != nil && acceptsEncoding(enc, "br"):
			hdr.Set("Content-Encoding", "br")
			body, etag = f.br, strings.TrimSuffix(f.etag, `"`)+`-br"`
		case f.gz != nil && acceptsEncoding(enc, "gzip"):
			hdr.Set("Content-Encoding", "gzip")
			body, etag = f.gz, strings.TrimSuffix(f.etag, `"`)+`-gz"`
		}
	}
	hdr.Set("ETag", etag)
	http.ServeContent(w, r, "", f.modTime, bytes.NewReader(body))
}

// relative returns the path of a request relative to the base path, with
// its leading slash ("/ltv/web/x.css" is "/web/x.css"), cleaned first so
// that dot segments cannot step out of the base. ok is false for a path
// outside the base.
func (s *site) relative(urlPath string) (rel string, ok bool) {
	clean := path.Clean("/" + urlPath)
	if strings.HasSuffix(urlPath, "/") && clean != "/" {
		clean += "/"
	}
	if !strings.HasPrefix(clean, s.base) {
		return "", false
	}
	return "/" + strings.TrimPrefix(clean, s.base), true
}

// serveNotFound answers 404 with the site's 404 page, or plain text for a
// site without one. rel is the request's path relative to the base, or its
// whole path when it lies outside.
func (s *site) serveNotFound(w http.ResponseWriter, r *http.Request, rel string) {
	f, ok := s.files[notFoundFile]
	if !ok {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	hdr := w.Header()
	setHeaders(hdr, rel, notFoundFile)
	hdr.Set("Content-Type", f.contentType)
	hdr.Set("Content-Length", strconv.Itoa(len(f.body)))
	w.WriteHeader(http.StatusNotFound)
	if r.Method != http.MethodHead {
		w.Write(f.body)
	}
}

// serveHealth answers the health check of a load balancer or orchestrator:
// 200 "ok", never cached.
func serveHealth(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	hdr.Set("Content-Type", "text/plain; charset=utf-8")
	hdr.Set("Cache-Control", "no-store")
	hdr.Set("X-Content-Type-Options", "nosniff")
	hdr.Set("Content-Length", "3")
	if r.Method != http.MethodHead {
		io.WriteString(w, "ok\n")
	}
}

// lookup maps a URL path relative to the base to a file: "/" is
// index.html, "/foo" is foo or foo.html. It never reaches outside the site:
// the path is cleaned first and only files loaded at start are served.
func (s *site) lookup(urlPath string) (string, *siteFile) {
	name := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" {
		name = "index.html"
	}
	if f, ok := s.files[name]; ok {
		return name, f
	}
	if path.Ext(name) == "" {
		if f, ok := s.files[name+".html"]; ok {
			return name + ".html", f
		}
	}
	return name, nil
}

// acceptsEncoding reports whether an Accept-Encoding header value accepts
// coding, honouring an explicit q=0.
func acceptsEncoding(header, coding string) bool {
	for _, part := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(token), coding) {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".txt":         "text/plain; charset=utf-8",
	".xml":         "application/xml",
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if ct, ok := contentTypes[ext]; ok {
		return ct
	}
	if ct := mime.TypeByExtension(ext); ct != "" {
		return ct
	}
	return "application/octet-stream"
}

// etagOf is a strong ETag for a body: a quoted prefix of its SHA-256.
func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:])[:20] + `"`
}
