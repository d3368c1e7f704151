//go:build !wasm

// Package serve is LTV Lab's HTTP server for a site that `app build`
// generated: clean URLs, the precompressed variant a client accepts, ETag,
// Range and conditional requests (http.ServeContent), and the headers of
// the site's _headers file, which Netlify and Cloudflare Pages read too.
// It imports the standard library only: nothing of go-app, the UI or the
// generator. A static site needs no clever server; past one machine it
// goes on a CDN.
package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"maps"
	"net"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// Options say what to serve and how much one client may hold; a zero
// field takes the default given.
type Options struct {
	Addr, Dir string    // address to listen on; the generated site
	Base      string    // path the site is served under, "/" or e.g. "/ltv/"
	Log       io.Writer // start, stop and errors; nil logs nothing

	ReadHeaderTimeout time.Duration // request line and headers; 5 s
	ReadTimeout       time.Duration // the whole request; 10 s
	WriteTimeout      time.Duration // the whole answer, app.wasm included; 60 s
	IdleTimeout       time.Duration // a kept-alive connection between requests; 15 s
	MaxHeaderBytes    int           // request line and headers, 431 beyond; 16 KiB
	MaxURLBytes       int           // request target, 414 beyond; 8 KiB
	// MaxConns bounds the open connections: 10,000, and 64 under the
	// descriptor limit. A new connection beyond it, or one that finds no
	// descriptor left, closes the longest idle kept-alive one, as nginx
	// does: idle clients never shut a new visitor out.
	MaxConns int
	// Wrap, when set, puts handlers in front of the site's, which it gets
	// to call for what they do not answer (the command's oEmbed endpoint).
	Wrap func(site http.Handler) http.Handler
}

func or[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Run serves the site until ctx is done, then shuts down gracefully, the
// requests in flight given 15 s to finish. ready, when not nil, receives
// the listening address once connections are accepted.
func Run(ctx context.Context, o Options, ready chan<- string) error {
	h, err := NewHandler(o.Dir, o.Base)
	if err != nil {
		return err
	}
	h.maxURL = or(o.MaxURLBytes, 8<<10)
	log := slog.New(slog.NewTextHandler(or(o.Log, io.Discard), nil))
	ln, err := net.Listen("tcp", o.Addr)
	if err != nil {
		return err
	}
	conns := &connLimit{Listener: ln, max: or(o.MaxConns, 10000), conns: map[net.Conn]time.Time{}}
	// 64 descriptors under the process's limit (Go raises the soft limit
	// to the hard one as it starts) are left for the rest.
	if lim, ok := fdLimit(); ok && lim < uint64(conns.max)+64 {
		conns.max = max(int(lim)-64, 1)
	}
	srv := &http.Server{Handler: h, ConnState: conns.track, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn),
		ReadHeaderTimeout: or(o.ReadHeaderTimeout, 5*time.Second), ReadTimeout: or(o.ReadTimeout, 10*time.Second),
		WriteTimeout: or(o.WriteTimeout, 60*time.Second), IdleTimeout: or(o.IdleTimeout, 15*time.Second),
		MaxHeaderBytes: or(o.MaxHeaderBytes, 16<<10)}
	if o.Wrap != nil {
		srv.Handler = o.Wrap(h)
	}
	log.Info("serving", "url", "http://"+ln.Addr().String()+h.base, "dir", o.Dir, "files", len(h.files), "max_conns", conns.max)
	if ready != nil {
		ready <- ln.Addr().String()
	}
	shutdown := make(chan error, 1)
	go func() {
		<-ctx.Done()
		log.Info("shutting down")
		stop, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		shutdown <- srv.Shutdown(stop)
	}()
	if err := srv.Serve(conns); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return <-shutdown
}

// Handler serves a generated site from memory: a few megabytes that do
// not change while served (restart it after a rebuild).
type Handler struct {
	base   string
	maxURL int              // longest request target; 414 beyond
	files  map[string]*file // by slash path in the site; 404.html answers what no other does
}

// file is a file of the site, its precompressed variants (nil when
// absent) and the headers of its URL: Content-Type, Vary, _headers'.
type file struct {
	body, br, gz []byte
	etag         string // the strong validator; no Last-Modified, which a rebuild would change
	header       http.Header
}

// NewHandler reads the site in dir, to be served under base. It fails on
// a missing site, a file it cannot read, a site without index.html and a
// _headers line it does not understand.
func NewHandler(dir, base string) (*Handler, error) {
	h := &Handler{base: strings.Replace(path.Clean("/"+base+"/")+"/", "//", "/", 1), files: map[string]*file{}}
	rules, err := readHeaders(filepath.Join(dir, "_headers"))
	if err != nil {
		return nil, err
	}
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		name := strings.TrimPrefix(filepath.ToSlash(strings.TrimPrefix(p, dir)), "/")
		if ext := path.Ext(name); err != nil || d.IsDir() || ext == ".br" || ext == ".gz" || name == "_headers" ||
			strings.HasPrefix(name, ".") || strings.Contains(name, "/.") {
			return err
		}
		f := &file{header: http.Header{"Content-Type": {or(contentTypes[path.Ext(name)], "application/octet-stream")}}}
		if f.body, err = os.ReadFile(p); err != nil {
			return err
		}
		f.etag = fmt.Sprintf("%.10x", sha256.Sum256(f.body))
		f.br, _ = os.ReadFile(p + ".br")
		f.gz, _ = os.ReadFile(p + ".gz")
		if f.br != nil || f.gz != nil {
			f.header.Set("Vary", "Accept-Encoding")
		}
		url := h.base + strings.TrimSuffix(name, ".html") // as _headers names it
		if name == "index.html" {
			url = h.base
		}
		for _, r := range rules {
			if r.pattern == url || strings.HasSuffix(r.pattern, "*") && strings.HasPrefix(url, strings.TrimSuffix(r.pattern, "*")) {
				maps.Copy(f.header, r.header)
			}
		}
		h.files[name] = f
		return nil
	})
	if h.files["index.html"] == nil && err == nil {
		err = errors.New("no index.html")
	}
	if err != nil {
		return nil, fmt.Errorf("site %s: %w (make static generates it)", dir, err)
	}
	return h, nil
}

// rule is a block of _headers: a URL path, or a prefix ending in "*".
type rule struct {
	pattern string
	header  http.Header
}

// readHeaders reads a _headers file as Netlify and Cloudflare Pages do: a
// path on a line of its own, then its headers indented, "Name: value".
func readHeaders(name string) (rules []rule, err error) {
	b, err := os.ReadFile(name)
	for i, line := range strings.Split(string(b), "\n") {
		text := strings.TrimSpace(line)
		k, v, ok := strings.Cut(text, ":")
		switch indented := text != "" && line[0] != text[0]; {
		case text == "" || text[0] == '#':
		case !indented && (text[0] != '/' || strings.Contains(strings.TrimSuffix(text, "*"), "*")):
			return nil, fmt.Errorf("%s:%d: %q: want a path, which may end in *", name, i+1, text)
		case !indented:
			rules = append(rules, rule{pattern: text, header: http.Header{}})
		case len(rules) == 0 || !ok || strings.TrimSpace(k) == "":
			return nil, fmt.Errorf("%s:%d: %q: want an indented Name: value under a path", name, i+1, text)
		default:
			rules[len(rules)-1].header.Set(strings.TrimSpace(k), strings.TrimSpace(v))
		}
	}
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil // a site without it gets no headers from it
	}
	return rules, err
}

// ServeHTTP answers GET and HEAD: /healthz, and the site under its base
// path, "/foo" from foo.html; anything else gets the site's 404 page.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	hdr := w.Header()
	switch {
	case r.Method != http.MethodGet && r.Method != http.MethodHead:
		hdr.Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	case r.URL.Path == "/healthz":
		hdr["Cache-Control"], hdr["X-Content-Type-Options"] = []string{"no-store"}, []string{"nosniff"}
		http.ServeContent(w, r, ".txt", time.Time{}, strings.NewReader("ok\n"))
		return
	case h.maxURL > 0 && len(r.RequestURI) > h.maxURL:
		http.Error(w, "414 URI too long", http.StatusRequestURITooLong)
		return
	case r.URL.Path+"/" == h.base:
		r.URL.Path = h.base
		http.Redirect(w, r, r.URL.RequestURI(), http.StatusMovedPermanently)
		return
	}
	f := or(h.lookup(r.URL.Path), h.files["404.html"])
	if f == nil {
		http.NotFound(w, r)
		return
	}
	maps.Copy(hdr, f.header)
	if f == h.files["404.html"] {
		delete(hdr, "Vary")
		w.WriteHeader(http.StatusNotFound)
		if r.Method == http.MethodGet {
			w.Write(f.body)
		}
		return
	}
	body, etag := f.body, f.etag
	if ae := r.Header.Get("Accept-Encoding"); f.br != nil && accepts(ae, "br") {
		body, etag, hdr["Content-Encoding"] = f.br, etag+"-br", []string{"br"}
	} else if f.gz != nil && accepts(ae, "gzip") {
		body, etag, hdr["Content-Encoding"] = f.gz, etag+"-gz", []string{"gzip"}
	}
	hdr["Etag"], hdr["Accept-Ranges"] = []string{`"` + etag + `"`}, []string{"bytes"}
	switch rg := r.Header.Get("Range"); {
	case rg+r.Header.Get("If-None-Match")+r.Header.Get("If-Match") == "":
		// Most requests: the body in one write, where http.ServeContent's
		// copy makes twice the system calls.
		hdr["Content-Length"] = []string{strconv.Itoa(len(body))}
		if r.Method == http.MethodGet {
			w.Write(body)
		}
		return
	case rg != "" && !strings.HasPrefix(rg, "bytes="):
		r.Header.Del("Range") // RFC 9110: ignore a range unit not understood
	case rg != "" && !satisfiable(rg):
		hdr.Set("Content-Range", fmt.Sprintf("bytes */%d", len(body)))
		http.Error(w, "416 range not satisfiable", http.StatusRequestedRangeNotSatisfiable)
		return
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}

// lookup finds the file of a URL path: "/" is index.html, "/foo" foo or
// foo.html. The path is cleaned first, so it never leaves the site; the
// 404 page has no URL of its own.
func (h *Handler) lookup(urlPath string) *file {
	rel, ok := strings.CutPrefix(path.Clean("/"+urlPath)+"/", h.base)
	name := or(strings.TrimSuffix(rel, "/"), "index")
	f := h.files[name]
	if f == nil && path.Ext(name) == "" {
		f = h.files[name+".html"]
	}
	if !ok || f == h.files["404.html"] {
		return nil
	}
	return f
}

// accepts reports whether an Accept-Encoding value accepts coding, by name
// or through "*", with any q-value but zero ("q=0", "Q=0.", "q=0.000").
func accepts(header, coding string) bool {
	star := false
	for part := range strings.SplitSeq(header, ",") {
		token, params, _ := strings.Cut(part, ";")
		token, ok := strings.TrimSpace(token), true
		for p := range strings.SplitSeq(params, ";") {
			if k, v, _ := strings.Cut(strings.TrimSpace(p), "="); strings.EqualFold(strings.TrimSpace(k), "q") {
				v = strings.TrimSpace(v)
				ok = !strings.HasPrefix(v, "0") || strings.Trim(v[1:], ".0") != ""
			}
		}
		if strings.EqualFold(token, coding) {
			return ok
		}
		star = star || token == "*" && ok
	}
	return star
}

// satisfiable reports whether a bytes Range may select a byte: RFC 9110
// makes a suffix of length zero ("bytes=-0") unsatisfiable, which
// http.ServeContent would answer with an empty 206.
func satisfiable(rangeHeader string) bool {
	for spec := range strings.SplitSeq(strings.TrimPrefix(rangeHeader, "bytes="), ",") {
		if spec = strings.TrimSpace(spec); !strings.HasPrefix(spec, "-") || strings.Trim(spec, "-0") != "" {
			return true
		}
	}
	return false
}

var contentTypes = map[string]string{".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
	".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json",
	".webmanifest": "application/manifest+json", ".svg": "image/svg+xml", ".png": "image/png",
	".txt": "text/plain; charset=utf-8", ".xml": "application/xml", ".csv": "text/csv; charset=utf-8"}

// connLimit is the server's listener: it keeps the open connections under
// max by closing the longest idle kept-alive one for a new visitor, and
// when accept finds no descriptor left.
type connLimit struct {
	net.Listener
	max   int
	mu    sync.Mutex
	conns map[net.Conn]time.Time // the open ones: since when idle, zero when not
}

// Accept makes room for each connection. Out of descriptors with nothing
// idle, it fails, and net/http tries again a few milliseconds later.
func (l *connLimit) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil && !errors.Is(err, syscall.EMFILE) && !errors.Is(err, syscall.ENFILE) {
			return nil, err
		}
		l.mu.Lock()
		var oldest net.Conn
		for c, since := range l.conns {
			if (err != nil || len(l.conns) >= l.max) && !since.IsZero() && (oldest == nil || since.Before(l.conns[oldest])) {
				oldest = c
			}
		}
		if oldest != nil {
			delete(l.conns, oldest)
			oldest.Close()
		}
		l.mu.Unlock()
		if err == nil || oldest == nil {
			return c, err
		}
	}
}

// track is the server's ConnState hook.
func (l *connLimit) track(c net.Conn, s http.ConnState) {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch s {
	case http.StateNew, http.StateActive:
		l.conns[c] = time.Time{}
	case http.StateIdle:
		l.conns[c] = time.Now()
	default: // closed or hijacked
		delete(l.conns, c)
	}
}
