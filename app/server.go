//go:build !wasm

package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"
)

// serve serves the generated site in dir on addr until ctx is done, then
// shuts down gracefully, letting requests in flight finish. When ready is not
// nil it receives the listening address once the server accepts connections.
func serve(ctx context.Context, addr, dir string, logger *slog.Logger, ready chan<- string) error {
	site, err := loadSite(dir)
	if err != nil {
		return err
	}
	srv := newServer(logRequests(logger, site))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	logger.Info("serving", "url", "http://"+ln.Addr().String()+"/", "dir", dir, "files", len(site.files))
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newServer sets the limits that keep slow or hostile clients from holding
// connections or memory.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
}

// site is a generated site held in memory: it is small and never changes
// while served, so every response is a copy from memory.
type site struct {
	files map[string]*siteFile // by slash path without the leading "/"
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
// empty or unreadable site.
func loadSite(dir string) (*site, error) {
	fi, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("site directory %s: %w (run make static first)", dir, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("site directory %s is not a directory", dir)
	}
	s := &site{files: map[string]*siteFile{}}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		ext := path.Ext(p)
		if ext == ".br" || ext == ".gz" {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
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
		s.files[filepath.ToSlash(rel)] = f
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

// ServeHTTP serves clean URLs ("/foo" from foo.html), picks a precompressed
// variant from Accept-Encoding, and sets caching: immutable for
// content-hashed files, revalidate for everything else.
func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name, f := s.lookup(r.URL.Path)
	if f == nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	hdr := w.Header()
	hdr.Set("Content-Type", f.contentType)
	if isHashedName(name) {
		hdr.Set("Cache-Control", "public, max-age=31536000, immutable")
	} else {
		hdr.Set("Cache-Control", "no-cache")
	}
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

// lookup maps a URL path to a file: "/" is index.html, "/foo" is foo or
// foo.html. It never reaches outside the site: the path is cleaned first and
// only files loaded at start are served.
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

// logRequests logs one line per request: method, path, status, bytes and
// duration.
func logRequests(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		logger.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Int64("bytes", rec.bytes),
			slog.Duration("duration", time.Since(start)),
		)
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *statusRecorder) WriteHeader(code int) {
	r.status = code
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// etagOf is a strong ETag for a body: a quoted prefix of its SHA-256.
func etagOf(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:])[:20] + `"`
}
