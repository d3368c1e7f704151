//go:build !wasm

package serve

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestNotFoundPageHasNoURL(t *testing.T) {
	s, _ := testSite(t)
	for _, target := range []string{"/404", "/404.html", "/404/", "/web/../404.html"} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		if rec.Code != http.StatusNotFound || rec.Body.String() != notFoundBody {
			t.Errorf("GET %s: %d %q, want 404 with the 404 page", target, rec.Code, rec.Body.String())
		}
	}
}

func TestRanges(t *testing.T) {
	s, _ := testSite(t)
	const size = len("\x00asm wasm")
	tests := []struct {
		rangeHeader string
		wantStatus  int
		wantBody    string
		wantRange   string // Content-Range
	}{
		{"bytes=1-3", 206, "asm", fmt.Sprintf("bytes 1-3/%d", size)},
		{"bytes=-1", 206, "m", fmt.Sprintf("bytes %d-%d/%d", size-1, size-1, size)},
		{"bytes=-0", 416, "", fmt.Sprintf("bytes */%d", size)},
		{"bytes=-000", 416, "", fmt.Sprintf("bytes */%d", size)},
		{"bytes= -0 , -0", 416, "", fmt.Sprintf("bytes */%d", size)},
		{"bytes=100-", 416, "", fmt.Sprintf("bytes */%d", size)},
		{"bytes=0-0", 206, "\x00", fmt.Sprintf("bytes 0-0/%d", size)},
		{"items=-0", 200, "\x00asm wasm", ""},
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "/web/app.0123456789ab.wasm", nil)
		req.Header.Set("Range", tt.rangeHeader)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		body := rec.Body.String()
		if rec.Code == http.StatusRequestedRangeNotSatisfiable {
			body = ""
		}
		if rec.Code != tt.wantStatus || body != tt.wantBody || rec.Header().Get("Content-Range") != tt.wantRange {
			t.Errorf("Range: %s: %d %q, Content-Range %q; want %d %q, %q", tt.rangeHeader, rec.Code, body,
				rec.Header().Get("Content-Range"), tt.wantStatus, tt.wantBody, tt.wantRange)
		}
	}
}

func TestAccepts(t *testing.T) {
	tests := []struct {
		header string
		want   bool // accepts br
	}{
		{"br", true},
		{"BR", true},
		{"gzip, deflate, br", true},
		{"gzip, deflate, br, zstd", true},
		{"br;q=1.0", true},
		{"br;q=0.001", true},
		{"br ; q=0.5", true},
		{"*", true},
		{"gzip, *;q=0.1", true},
		{"", false},
		{"gzip", false},
		{"br;q=0", false},
		{"br;q=0.", false},
		{"br;q=0.0", false},
		{"br;q=0.000", false},
		{"br;Q=0", false},
		{"br; q = 0", false},
		{"BR;q=0", false},
		{"*;q=0", false},
		{"br;q=0, *", false}, // named wins over *
		{"brotli", false},
		{"xbr", false},
	}
	for _, tt := range tests {
		if got := accepts(tt.header, "br"); got != tt.want {
			t.Errorf("accepts(%q, br) = %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestEncodingChosen(t *testing.T) {
	s, _ := testSite(t)
	for header, want := range map[string]string{
		"br;q=0.":      "",
		"br;Q=0":       "",
		"gzip, br;q=0": "",
		"br":           "br",
		"GZIP":         "",
	} {
		req := httptest.NewRequest(http.MethodGet, "/web/app.0123456789ab.wasm", nil)
		req.Header.Set("Accept-Encoding", header)
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if got := rec.Header().Get("Content-Encoding"); got != want {
			t.Errorf("Accept-Encoding: %s: Content-Encoding %q, want %q", header, got, want)
		}
	}
	req := httptest.NewRequest(http.MethodGet, "/web/ltv.css", nil)
	req.Header.Set("Accept-Encoding", "GZIP;Q=0.5")
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if got := rec.Header().Get("Content-Encoding"); got != "gzip" {
		t.Errorf("Accept-Encoding: GZIP;Q=0.5: Content-Encoding %q, want gzip", got)
	}
}

func TestReadHeaders(t *testing.T) {
	tests := []struct {
		name, file, wantErr string
		want                map[string]string // pattern: "Name=value"
	}{
		{"as built", "# c\n/*\n  A: 1\n\n/web/x.css\n\tB: two: 2\n", "", map[string]string{"/*": "A=1", "/web/x.css": "B=two: 2"}},
		{"header before a path", "  A: 1\n", "want an indented", nil},
		{"no colon", "/x\n  A 1\n", "want an indented", nil},
		{"relative path", "x\n  A: 1\n", "want a path", nil},
		{"star inside", "/a*b\n  A: 1\n", "want a path", nil},
	}
	for _, tt := range tests {
		name := t.TempDir() + "/_headers"
		if err := os.WriteFile(name, []byte(tt.file), 0o644); err != nil {
			t.Fatal(err)
		}
		rules, err := readHeaders(name)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "_headers:") {
				t.Errorf("%s: error %v, want one with %q and the line", tt.name, err, tt.wantErr)
			}
			continue
		}
		got := map[string]string{}
		for _, r := range rules {
			for k, v := range r.header {
				got[r.pattern] = k + "=" + v[0]
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(tt.want) || err != nil {
			t.Errorf("%s: rules %v (%v), want %v", tt.name, got, err, tt.want)
		}
	}
	if rules, err := readHeaders(t.TempDir() + "/_headers"); rules != nil || err != nil {
		t.Errorf("no _headers: %v, %v; want no rules and no error", rules, err)
	}
}

// keepAlive opens a connection, gets /healthz on it and leaves it open and
// idle.
func keepAlive(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	c.SetDeadline(time.Now().Add(10 * time.Second))
	if res, _, err := get(c, "/healthz"); err != nil || res.StatusCode != 200 {
		t.Fatalf("GET /healthz: %v %v", res, err)
	}
	return c
}

// servedWithin gets / on a new connection, and fails unless it is
// answered within d.
func servedWithin(t *testing.T, addr string, d time.Duration) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, d)
	if err != nil {
		t.Fatalf("a new visitor cannot connect: %v", err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(d))
	if res, _, err := get(c, "/"); err != nil || res.StatusCode != 200 {
		t.Fatalf("a new visitor is not served within %v: %v %v", d, res, err)
	}
}

// TestIdleConnectionsMakeRoom holds twice as many idle kept-alive
// connections as the server allows: each new one closes the longest idle,
// and a new visitor is served at once.
func TestIdleConnectionsMakeRoom(t *testing.T) {
	_, dir := testSite(t)
	addr, _ := startServer(t, Options{Dir: dir, MaxConns: 20, IdleTimeout: time.Minute})
	var conns []net.Conn
	for range 40 {
		conns = append(conns, keepAlive(t, addr))
	}
	servedWithin(t, addr, 2*time.Second)
	// The first 20 were the longest idle: closed by the server.
	closed := 0
	for _, c := range conns[:20] {
		c.SetReadDeadline(time.Now().Add(2 * time.Second))
		if _, err := c.Read(make([]byte, 1)); err == io.EOF {
			closed++
		}
	}
	if closed < 19 {
		t.Errorf("%d of the 20 oldest idle connections closed, want them all (but the last one perhaps)", closed)
	}
}

// TestDescriptorLimit runs the server in a process of its own with 200
// file descriptors, and holds 500 idle kept-alive connections to it: a new
// visitor is still served at once.
func TestDescriptorLimit(t *testing.T) {
	if dir := os.Getenv("LTV_SERVE_LOW_FDS"); dir != "" {
		lim := syscall.Rlimit{Cur: 200, Max: 200}
		if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
			t.Fatal(err)
		}
		ready := make(chan string, 1)
		go func() {
			fmt.Println(<-ready)
		}()
		t.Fatal(Run(t.Context(), Options{Addr: "127.0.0.1:0", Dir: dir, IdleTimeout: time.Minute}, ready))
	}
	_, dir := testSite(t)
	cmd := exec.Command(os.Args[0], "-test.run=^TestDescriptorLimit$")
	cmd.Env = append(os.Environ(), "LTV_SERVE_LOW_FDS="+dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("the server did not start: %v", err)
	}
	addr = strings.TrimSpace(addr)
	for range 500 {
		keepAlive(t, addr)
	}
	for range 5 {
		servedWithin(t, addr, 2*time.Second)
	}
}
