//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// serveContentReference answers a request for the file name at rel as
// serve did before answers were built at load: headers set per request,
// then http.ServeContent.
func serveContentReference(w http.ResponseWriter, r *http.Request, s *site, rel, name string) {
	f := s.files[name]
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

// TestSiteAnswersAsServeContent checks every URL of the test site, in
// every encoding and with every kind of conditional or Range header,
// against http.ServeContent: same status, body and headers. The one
// difference allowed: a whole encoded body has its Content-Length, which
// ServeContent leaves out (and net/http then sends it chunked).
func TestSiteAnswersAsServeContent(t *testing.T) {
	s, _ := testSite(t)
	etags := map[string]bool{}
	for _, f := range s.files {
		etags[f.etag] = true
		etags[strings.TrimSuffix(f.etag, `"`)+`-br"`] = true
		etags[strings.TrimSuffix(f.etag, `"`)+`-gz"`] = true
	}
	type header struct{ name, value string }
	var variants [][]header
	for _, enc := range []string{"", "br", "gzip", "gzip, deflate, br", "br;q=0, gzip"} {
		base := []header{{"Accept-Encoding", enc}}
		variants = append(variants, base,
			append(base, header{"Range", "bytes=1-3"}),
			append(base, header{"Range", "bytes=0-0,2-"}),
			append(base, header{"Range", "bytes=100000-"}),
			append(base, header{"If-Modified-Since", time.Now().Add(time.Hour).UTC().Format(http.TimeFormat)}),
			append(base, header{"If-Modified-Since", "Mon, 02 Jan 2006 15:04:05 GMT"}),
			append(base, header{"If-None-Match", `"nope"`}),
			append(base, header{"If-Match", `"nope"`}),
			append(base, header{"If-Unmodified-Since", "Mon, 02 Jan 2006 15:04:05 GMT"}),
			append(base, header{"Range", "bytes=1-3"}, header{"If-Range", `"nope"`}),
		)
		for etag := range etags {
			variants = append(variants,
				append(base, header{"If-None-Match", etag}),
				append(base, header{"Range", "bytes=1-3"}, header{"If-Range", etag}))
		}
	}
	urls := map[string]string{"/subscription/": "subscription.html"} // a URL that is not a file's own
	for name := range s.files {
		for _, u := range fileURLs(name) {
			urls[u] = name
		}
		urls["/"+name] = name
	}
	for u, name := range urls {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			for _, v := range variants {
				newRequest := func() *http.Request {
					r := httptest.NewRequest(method, u, nil)
					for _, h := range v {
						if h.value != "" {
							r.Header.Set(h.name, h.value)
						}
					}
					return r
				}
				got, want := httptest.NewRecorder(), httptest.NewRecorder()
				s.ServeHTTP(got, newRequest())
				serveContentReference(want, newRequest(), s, u, name)
				what := fmt.Sprintf("%s %s %q", method, u, v)
				if got.Code != want.Code {
					t.Errorf("%s: status %d, want %d", what, got.Code, want.Code)
					continue
				}
				if !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) && !strings.HasPrefix(want.Header().Get("Content-Type"), "multipart/byteranges") {
					t.Errorf("%s: body %q, want %q", what, got.Body.Bytes(), want.Body.Bytes())
				}
				wantHeader := want.Header().Clone()
				if got.Code == http.StatusOK && wantHeader.Get("Content-Encoding") != "" {
					wantHeader.Set("Content-Length", "")
				}
				gotHeader := got.Header().Clone()
				if wantHeader.Get("Content-Length") == "" {
					gotHeader.Set("Content-Length", "")
				}
				for _, h := range []http.Header{gotHeader, wantHeader} {
					if strings.HasPrefix(h.Get("Content-Type"), "multipart/byteranges") {
						// A random boundary.
						h.Del("Content-Type")
						h.Del("Content-Length")
					}
				}
				for k := range mergeKeys(gotHeader, wantHeader) {
					if g, w := strings.Join(gotHeader[k], ", "), strings.Join(wantHeader[k], ", "); g != w {
						t.Errorf("%s: %s %q, want %q", what, k, g, w)
					}
				}
			}
		}
	}
}

func mergeKeys(hs ...http.Header) map[string]bool {
	keys := map[string]bool{}
	for _, h := range hs {
		for k := range h {
			keys[k] = true
		}
	}
	return keys
}

// TestSiteWholeAnswer checks the answer to a plain GET or HEAD: the whole
// body with its length, as the connection sends it.
func TestSiteWholeAnswer(t *testing.T) {
	s, _ := testSite(t)
	for _, tt := range []struct {
		method, target, accept string
		wantBody               string
	}{
		{"GET", "/web/app.0123456789ab.wasm", "br", "BROTLI"},
		{"HEAD", "/web/app.0123456789ab.wasm", "br", ""},
		{"GET", "/web/app.0123456789ab.wasm", "", "\x00asm wasm"},
		{"GET", "/", "br", "<!doctype html><title>home</title>"},
		{"HEAD", "/", "", ""},
	} {
		req := httptest.NewRequest(tt.method, tt.target, nil)
		req.Header.Set("Accept-Encoding", tt.accept)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		full := tt.wantBody
		if tt.method == http.MethodHead {
			get := httptest.NewRequest(http.MethodGet, tt.target, nil)
			get.Header.Set("Accept-Encoding", tt.accept)
			r := httptest.NewRecorder()
			s.ServeHTTP(r, get)
			full = r.Body.String()
		}
		if rec.Code != http.StatusOK || rec.Body.String() != tt.wantBody {
			t.Errorf("%s %s (%s): %d %q, want 200 %q", tt.method, tt.target, tt.accept, rec.Code, rec.Body.String(), tt.wantBody)
		}
		if got, want := rec.Header().Get("Content-Length"), strconv.Itoa(len(full)); got != want {
			t.Errorf("%s %s (%s): Content-Length %q, want %s", tt.method, tt.target, tt.accept, got, want)
		}
		if rec.Header().Get("Last-Modified") == "" || rec.Header().Get("Accept-Ranges") != "bytes" {
			t.Errorf("%s %s: Last-Modified %q, Accept-Ranges %q", tt.method, tt.target, rec.Header().Get("Last-Modified"), rec.Header().Get("Accept-Ranges"))
		}
	}
}

// TestSiteSendFile serves a body large enough to go out with sendfile(2)
// over a real connection, whole and in part, and again after its file
// changed on disk: the server keeps answering what it loaded.
func TestSiteSendFile(t *testing.T) {
	_, dir := testSite(t)
	big := bytes.Repeat([]byte("0123456789abcdef"), sendFileMin/16+1000)
	bigBr := append([]byte("BR"), big[:sendFileMin+7]...)
	name := filepath.Join(dir, "web", "big.0123456789ab.wasm")
	if err := os.WriteFile(name, big, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name+".br", bigBr, 0o644); err != nil {
		t.Fatal(err)
	}
	addr, _ := startServer(t, serveOptions{Dir: dir})
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	get := func(accept, rangeHeader string) (*http.Response, []byte) {
		t.Helper()
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/web/big.0123456789ab.wasm", nil)
		if accept != "" {
			req.Header.Set("Accept-Encoding", accept)
		}
		if rangeHeader != "" {
			req.Header.Set("Range", rangeHeader)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatal(err)
		}
		return res, body
	}
	check := func(when string) {
		t.Helper()
		for _, tt := range []struct {
			accept, rangeHeader string
			wantStatus          int
			want                []byte
		}{
			{"", "", 200, big},
			{"br", "", 200, bigBr},
			{"br", "bytes=2-5", 206, bigBr[2:6]},
		} {
			res, body := get(tt.accept, tt.rangeHeader)
			if res.StatusCode != tt.wantStatus || !bytes.Equal(body, tt.want) {
				t.Errorf("%s: GET (%q, %q): %d, %d bytes, want %d, %d bytes", when, tt.accept, tt.rangeHeader, res.StatusCode, len(body), tt.wantStatus, len(tt.want))
			}
			if tt.wantStatus == 200 && res.ContentLength != int64(len(tt.want)) {
				t.Errorf("%s: GET (%q): Content-Length %d, want %d", when, tt.accept, res.ContentLength, len(tt.want))
			}
		}
	}
	check("as loaded")
	changed := append([]byte("X"), big[1:]...)
	if err := os.WriteFile(name, changed, 0o644); err != nil {
		t.Fatal(err)
	}
	later := time.Now().Add(time.Hour)
	if err := os.Chtimes(name, later, later); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name+".br", bigBr[:len(bigBr)-1], 0o644); err != nil {
		t.Fatal(err)
	}
	check("after the files changed")
}
