//go:build !wasm

package main

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
)

// discardWriter is a ResponseWriter that keeps nothing, so that a
// benchmark measures the handler rather than a recorder.
type discardWriter struct{ h http.Header }

func (w *discardWriter) Header() http.Header         { return w.h }
func (w *discardWriter) Write(b []byte) (int, error) { return len(b), nil }
func (w *discardWriter) WriteHeader(int)             {}

// BenchmarkSiteServe is one request to the site's handler as serve runs
// it (log line included, to io.Discard), from a fresh header map each
// time as net/http gives.
func BenchmarkSiteServe(b *testing.B) {
	s, _ := testSite(b)
	h := logRequests(slog.New(slog.NewTextHandler(io.Discard, nil)), limitURL(defaultLimits.MaxURLBytes, s))
	for _, bb := range []struct{ name, target, accept, extra string }{
		{"root/br", "/", "gzip, deflate, br", ""},
		{"wasm/br", "/web/app.0123456789ab.wasm", "gzip, deflate, br", ""},
		{"wasm/identity", "/web/app.0123456789ab.wasm", "", ""},
		{"wasm/range", "/web/app.0123456789ab.wasm", "br", "bytes=1-3"},
		{"missing", "/nope", "br", ""},
	} {
		b.Run(bb.name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, bb.target, nil)
			req.Header.Set("Accept-Encoding", bb.accept)
			if bb.extra != "" {
				req.Header.Set("Range", bb.extra)
			}
			w := &discardWriter{}
			b.ReportAllocs()
			for b.Loop() {
				w.h = http.Header{}
				h.ServeHTTP(w, req)
			}
		})
	}
}
