//go:build !wasm

package serve

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// BenchmarkServe answers / and app.wasm in Brotli, as a browser asks for
// them, without the network.
func BenchmarkServe(b *testing.B) {
	s, _ := testSite(b)
	for _, target := range []string{"/", "/web/app.0123456789ab.wasm"} {
		b.Run(target, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, target, nil)
			req.Header.Set("Accept-Encoding", "gzip, deflate, br, zstd")
			b.ReportAllocs()
			for b.Loop() {
				rec := httptest.NewRecorder()
				s.ServeHTTP(rec, req)
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s: %d", target, rec.Code)
				}
			}
		})
	}
}
