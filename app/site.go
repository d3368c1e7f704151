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
// while served, so every answer is built once, headers included, and a
// request only picks one and copies it out.
type site struct {
	files  map[string]*siteFile // by slash path without the leading "/"
	routes map[string]*route    // by URL path relative to the base: the URLs of every file
	base   string               // path the site is served under, "/" or e.g. "/ltv/"
}

// siteFile is one file of the site with its precompressed variants.
type siteFile struct {
	body        []byte
	br, gz      []byte // nil when absent
	contentType string
	etag        string
	modTime     time.Time
	path        string // on disk; the variants add ".br" and ".gz"
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
		f := &siteFile{body: body, contentType: contentType(p), modTime: info.ModTime(), path: p}
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
	s.routes = map[string]*route{}
	for name := range s.files {
		urls := []string{"/" + name}
		if stem, ok := strings.CutSuffix(name, ".html"); ok {
			urls = append(urls, "/"+stem)
		}
		if name == "index.html" {
			urls = append(urls, "/")
		}
		for _, u := range urls {
			if rt := s.resolve(u); rt != nil {
				s.routes[u] = rt
			}
		}
	}
	return s, nil
}

// route is what a URL path answers: one file, in each content coding the
// site has it in.
type route struct {
	identity *encoded
	br, gz   *encoded // nil when absent
}

// encoded is a file's answer in one content coding, with its headers
// built once.
type encoded struct {
	body    []byte
	modTime time.Time
	// file holds body on disk when body is large enough to be worth
	// sending with sendfile(2); fileModTime is its modification time,
	// which tells whether it is still the file loaded.
	file        string
	fileModTime time.Time
	// header is what every answer carries: the headers of headerRules,
	// Content-Type, Vary, Content-Encoding and ETag. whole adds those of a
	// 200 answer with the whole body: Last-Modified, Accept-Ranges and
	// Content-Length, as http.ServeContent would set them.
	header, whole []headerValues
}

// headerValues is one response header, shared by every request that
// sends it: values has no spare capacity, so that Header.Add copies it
// rather than appending in place.
type headerValues struct {
	name   string // canonical
	values []string
}

// setOn sets the headers of list on h.
func setOn(h http.Header, list []headerValues) {
	for _, f := range list {
		h[f.name] = f.values
	}
}

// resolve builds the route of a URL path relative to the base, or returns
// nil when no file answers it; see lookup.
func (s *site) resolve(rel string) *route {
	name, f := s.lookup(rel)
	if f == nil {
		return nil
	}
	common := http.Header{}
	setHeaders(common, rel, name)
	common.Set("Content-Type", f.contentType)
	if f.br != nil || f.gz != nil {
		common.Set("Vary", "Accept-Encoding")
	}
	rt := &route{identity: newEncoded(common, f, f.body, "", f.etag, f.path)}
	if f.br != nil {
		rt.br = newEncoded(common, f, f.br, "br", strings.TrimSuffix(f.etag, `"`)+`-br"`, f.path+".br")
	}
	if f.gz != nil {
		rt.gz = newEncoded(common, f, f.gz, "gzip", strings.TrimSuffix(f.etag, `"`)+`-gz"`, f.path+".gz")
	}
	return rt
}

// sendFileMin is the size from which a body is sent from its file with
// sendfile(2) rather than written from memory: below it, the copy costs
// less than opening the file.
const sendFileMin = 128 << 10

// newEncoded builds the answer of file f in one content coding: its body,
// read from file, and ETag.
func newEncoded(common http.Header, f *siteFile, body []byte, coding, etag, file string) *encoded {
	h := common.Clone()
	if coding != "" {
		h.Set("Content-Encoding", coding)
	}
	h.Set("ETag", etag)
	e := &encoded{body: body, modTime: f.modTime, header: headerList(h)}
	if len(body) >= sendFileMin {
		if fi, err := os.Stat(file); err == nil && fi.Size() == int64(len(body)) {
			e.file, e.fileModTime = file, fi.ModTime()
		}
	}
	whole := http.Header{}
	if !f.modTime.IsZero() && !f.modTime.Equal(time.Unix(0, 0)) {
		whole.Set("Last-Modified", f.modTime.UTC().Format(http.TimeFormat))
	}
	whole.Set("Accept-Ranges", "bytes")
	whole.Set("Content-Length", strconv.Itoa(len(body)))
	e.whole = append(headerList(h), headerList(whole)...)
	return e
}

// headerList lists the headers of h.
func headerList(h http.Header) []headerValues {
	list := make([]headerValues, 0, len(h))
	for name, values := range h {
		list = append(list, headerValues{name, values[:len(values):len(values)]})
	}
	return list
}

// pick returns the route's answer for an Accept-Encoding header value:
// Brotli, else gzip, else the file as it is.
func (rt *route) pick(acceptEncoding string) *encoded {
	switch {
	case rt.br != nil && acceptsEncoding(acceptEncoding, "br"):
		return rt.br
	case rt.gz != nil && acceptsEncoding(acceptEncoding, "gzip"):
		return rt.gz
	}
	return rt.identity
}

// conditional reports whether a request asks for part of a body or makes
// its answer depend on the file's version: those go to http.ServeContent.
func conditional(h http.Header) bool {
	for _, name := range [...]string{"Range", "If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since"} {
		if v := h[name]; len(v) > 0 && v[0] != "" {
			return true
		}
	}
	return false
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
	rt, ok := s.routes[rel]
	if !ok {
		// A URL that is not a file's own, such as "/cohort/".
		if rt = s.resolve(rel); rt == nil {
			s.serveNotFound(w, r, rel)
			return
		}
	}
	e := rt.pick(r.Header.Get("Accept-Encoding"))
	hdr := w.Header()
	if conditional(r.Header) {
		setOn(hdr, e.header)
		http.ServeContent(w, r, "", e.modTime, bytes.NewReader(e.body))
		return
	}
	setOn(hdr, e.whole)
	if r.Method == http.MethodHead {
		w.WriteHeader(http.StatusOK)
		return
	}
	if e.file != "" && e.sendFile(w) {
		return
	}
	writeWhole(w, r, e.body)
}

// sendFile sends the body from its file with sendfile(2), which spares a
// copy through the process. It returns false, having sent nothing, when
// w cannot or the file is no longer the one loaded (the site was rebuilt
// under the server): the caller then writes the body from memory.
func (e *encoded) sendFile(w http.ResponseWriter) bool {
	rf, ok := w.(io.ReaderFrom)
	if !ok {
		return false
	}
	f, err := os.Open(e.file)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() != int64(len(e.body)) || !fi.ModTime().Equal(e.fileModTime) {
		return false
	}
	rf.ReadFrom(f)
	return true
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
