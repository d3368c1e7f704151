//go:build !wasm

package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// serveOptions are the flags of the serve command.
type serveOptions struct {
	Addr   string       // address to listen on
	Dir    string       // directory of the generated site
	Base   string       // path the site is served under: "/" (also when empty) or e.g. "/ltv/"
	Limits serverLimits // zero fields take the defaults
}

// serve serves the generated site in dir at the root of addr; see
// serveWithOptions.
func serve(ctx context.Context, addr, dir string, logger *slog.Logger, ready chan<- string) error {
	return serveWithOptions(ctx, serveOptions{Addr: addr, Dir: dir}, logger, ready)
}

// serveWithOptions serves a generated site until ctx is done, then shuts
// down gracefully, letting requests in flight finish. When ready is not nil
// it receives the listening address once the server accepts connections.
func serveWithOptions(ctx context.Context, opts serveOptions, logger *slog.Logger, ready chan<- string) error {
	base, err := parseBase(opts.Base)
	if err != nil {
		return usageError{err}
	}
	s, err := loadSite(opts.Dir)
	if err != nil {
		return err
	}
	s.base = base
	limits := opts.Limits.withDefaults()
	srv := newServer(logRequests(logger, limitURL(limits.MaxURLBytes, s)), limits)
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return err
	}
	logger.Info("serving", "url", "http://"+ln.Addr().String()+base, "dir", opts.Dir, "files", len(s.files))
	if ready != nil {
		ready <- ln.Addr().String()
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(heldListener{ln}) }()
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

// serverLimits bound what one client can hold: a connection, by sending
// slowly or not at all, and memory, by sending a long request.
type serverLimits struct {
	ReadHeaderTimeout time.Duration // to send the request line and headers
	ReadTimeout       time.Duration // to send the whole request
	WriteTimeout      time.Duration // to receive the whole response, app.wasm included
	IdleTimeout       time.Duration // between requests on a kept-alive connection
	MaxHeaderBytes    int           // request line and headers; net/http answers 431 beyond (and a little slack)
	MaxURLBytes       int           // request target; 414 beyond
}

// defaultLimits are generous for a browser, tight for a slow-loris client.
var defaultLimits = serverLimits{
	ReadHeaderTimeout: 5 * time.Second,
	ReadTimeout:       10 * time.Second,
	WriteTimeout:      60 * time.Second,
	IdleTimeout:       120 * time.Second,
	MaxHeaderBytes:    16 << 10,
	MaxURLBytes:       8 << 10,
}

// withDefaults fills the zero fields of l from defaultLimits.
func (l serverLimits) withDefaults() serverLimits {
	d := defaultLimits
	for _, f := range []struct {
		v   *time.Duration
		def time.Duration
	}{
		{&l.ReadHeaderTimeout, d.ReadHeaderTimeout},
		{&l.ReadTimeout, d.ReadTimeout},
		{&l.WriteTimeout, d.WriteTimeout},
		{&l.IdleTimeout, d.IdleTimeout},
	} {
		if *f.v == 0 {
			*f.v = f.def
		}
	}
	if l.MaxHeaderBytes == 0 {
		l.MaxHeaderBytes = d.MaxHeaderBytes
	}
	if l.MaxURLBytes == 0 {
		l.MaxURLBytes = d.MaxURLBytes
	}
	return l
}

// newServer sets the limits that keep slow or hostile clients from holding
// connections or memory.
func newServer(h http.Handler, l serverLimits) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: l.ReadHeaderTimeout,
		ReadTimeout:       l.ReadTimeout,
		WriteTimeout:      l.WriteTimeout,
		IdleTimeout:       l.IdleTimeout,
		MaxHeaderBytes:    l.MaxHeaderBytes,
		ConnContext:       heldConnContext,
	}
}

// limitURL answers 414 URI Too Long to a request whose target is longer
// than max bytes.
func limitURL(max int, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.RequestURI) > max {
			http.Error(w, "414 URI too long", http.StatusRequestURITooLong)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// logRequests logs one line per request: method, path, status, bytes and
// duration. It hands the record to the logger's handler itself, without
// the program counter of its caller that Logger.LogAttrs looks up for
// every line: the line's source would always be this function.
func logRequests(logger *slog.Logger, next http.Handler) http.Handler {
	h := logger.Handler()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		next.ServeHTTP(rec, r)
		ctx := r.Context()
		if !h.Enabled(ctx, slog.LevelInfo) {
			return
		}
		end := time.Now()
		line := slog.NewRecord(end, slog.LevelInfo, "request", 0)
		line.AddAttrs(
			slog.String("method", r.Method),
			slog.String("path", r.URL.Path),
			slog.Int("status", rec.status),
			slog.Int64("bytes", rec.bytes),
			slog.Duration("duration", end.Sub(start)),
		)
		h.Handle(ctx, line)
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

// Flush passes a flush on to the ResponseWriter.
func (r *statusRecorder) Flush() {
	if f, ok := r.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

// ReadFrom passes a file on to the ResponseWriter, which sends it with
// sendfile(2).
func (r *statusRecorder) ReadFrom(src io.Reader) (int64, error) {
	var n int64
	var err error
	if rf, ok := r.ResponseWriter.(io.ReaderFrom); ok {
		n, err = rf.ReadFrom(src)
	} else {
		n, err = io.Copy(r.ResponseWriter, src)
	}
	r.bytes += n
	return n, err
}
