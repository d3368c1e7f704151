//go:build !wasm

package serve

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The server under faults, over real loopback connections: many clients at
// once, slow clients holding connections, shutdown in the middle of
// transfers, and a site that cannot be read.

// get sends one HTTP/1.1 request on conn and reads the whole response.
func get(conn net.Conn, target string) (*http.Response, []byte, error) {
	if _, err := fmt.Fprintf(conn, "GET %s HTTP/1.1\r\nHost: test\r\n\r\n", target); err != nil {
		return nil, nil, err
	}
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		return nil, nil, err
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	return res, body, err
}

// TestServerConcurrentConnections opens 1,000 connections at once, then
// sends a request on each at the same moment: every one is answered in
// full.
func TestServerConcurrentConnections(t *testing.T) {
	if testing.Short() {
		t.Skip("1,000 connections")
	}
	_, dir := testSite(t)
	addr, _ := startServer(t, Options{Dir: dir})
	const n = 1000
	conns := make([]net.Conn, 0, n)
	t.Cleanup(func() {
		for _, c := range conns {
			c.Close()
		}
	})
	for range n {
		c, err := net.DialTimeout("tcp", addr, 10*time.Second)
		if err != nil {
			t.Fatalf("connection %d: %v", len(conns)+1, err)
		}
		c.SetDeadline(time.Now().Add(60 * time.Second))
		conns = append(conns, c)
	}
	start := make(chan struct{})
	var wg sync.WaitGroup
	var failed atomic.Int32
	errs := make(chan error, n)
	for i, c := range conns {
		wg.Go(func() {
			<-start
			target := []string{"/", "/subscription", "/web/app.0123456789ab.wasm", "/healthz"}[i%4]
			res, body, err := get(c, target)
			switch {
			case err != nil:
				err = fmt.Errorf("GET %s: %v", target, err)
			case res.StatusCode != http.StatusOK || len(body) == 0:
				err = fmt.Errorf("GET %s: %d, %d bytes", target, res.StatusCode, len(body))
			}
			if err != nil {
				failed.Add(1)
				errs <- err
			}
		})
	}
	close(start)
	wg.Wait()
	close(errs)
	if f := failed.Load(); f > 0 {
		t.Errorf("%d of %d concurrent requests failed, the first: %v", f, n, <-errs)
	}
}

// TestServerSlowClients holds 300 connections that send half a request
// and then nothing: a normal client is still answered at once, and the
// server drops the slow ones after ReadHeaderTimeout.
func TestServerSlowClients(t *testing.T) {
	_, dir := testSite(t)
	addr, _ := startServer(t, Options{Dir: dir, ReadHeaderTimeout: time.Second})
	var slow []net.Conn
	t.Cleanup(func() {
		for _, c := range slow {
			c.Close()
		}
	})
	for range 300 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(c, "GET / HTTP/1.1\r\nHost: test\r\nX-Slow: ")
		slow = append(slow, c)
	}
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(30 * time.Second))
	if res, _, err := get(c, "/healthz"); err != nil || res.StatusCode != http.StatusOK {
		t.Fatalf("GET /healthz beside 300 slow clients: %v %v", res, err)
	}
	// Each slow connection is closed by the server, with nothing sent.
	for i, c := range slow {
		c.SetReadDeadline(time.Now().Add(30 * time.Second))
		got, err := io.ReadAll(c)
		if err != nil {
			t.Fatalf("slow connection %d still open: %v", i, err)
		}
		if len(got) > 0 && !bytes.HasPrefix(got, []byte("HTTP/1.1 408")) {
			t.Fatalf("slow connection %d answered %q", i, got)
		}
	}
}

// TestServeShutdownUnderLoad cancels the server while 20 clients are in the
// middle of downloading a 16 MiB file slowly (more than the kernel's socket
// buffers hold, so the server is still writing) and 20 more send requests
// as fast as they can: every response that has begun arrives whole, serve
// returns nil, and afterwards nothing listens.
func TestServeShutdownUnderLoad(t *testing.T) {
	_, dir := testSite(t)
	big := bytes.Repeat([]byte("0123456789abcdef"), 1<<20) // 16 MiB
	if err := os.WriteFile(filepath.Join(dir, "web", "big.bin"), big, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready, done := make(chan string, 1), make(chan error, 1)
	go func() {
		done <- Run(ctx, Options{Addr: "127.0.0.1:0", Dir: dir}, ready)
	}()
	var addr string
	select {
	case addr = <-ready:
	case err := <-done:
		t.Fatal(err)
	}

	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		problems []string
	)
	report := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		problems = append(problems, fmt.Sprintf(format, args...))
	}

	// Slow downloads, at 8 MB/s: two seconds each.
	const slowClients = 20
	var received [slowClients]atomic.Int64
	begun := make(chan struct{}, slowClients)
	for i := range slowClients {
		wg.Go(func() {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				report("slow client %d: %v", i, err)
				begun <- struct{}{}
				return
			}
			defer c.Close()
			c.(*net.TCPConn).SetReadBuffer(32 << 10)
			c.SetDeadline(time.Now().Add(60 * time.Second))
			fmt.Fprintf(c, "GET /web/big.bin HTTP/1.1\r\nHost: test\r\n\r\n")
			res, err := http.ReadResponse(bufio.NewReader(c), nil)
			begun <- struct{}{}
			if err != nil {
				report("slow client %d: %v", i, err)
				return
			}
			start, buf := time.Now(), make([]byte, 32<<10)
			for {
				n, err := res.Body.Read(buf)
				got := received[i].Add(int64(n))
				if err == io.EOF {
					break
				}
				if err != nil {
					report("slow client %d: cut off after %d of %d bytes: %v", i, got, len(big), err)
					return
				}
				if ahead := time.Duration(got)*time.Second/8e6 - time.Since(start); ahead > 0 {
					time.Sleep(ahead)
				}
			}
			if got := received[i].Load(); got != int64(len(big)) {
				report("slow client %d: %d of %d bytes", i, got, len(big))
			}
		})
	}
	for range slowClients {
		<-begun
	}

	// Fast clients on kept-alive connections. After shutdown has begun a
	// request may be refused or its idle connection closed, but a response
	// that has begun must arrive whole.
	var shuttingDown atomic.Bool
	var fast atomic.Int64
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 20}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	for i := range 20 {
		wg.Go(func() {
			for {
				res, err := client.Get("http://" + addr + []string{"/", "/subscription", "/web/ltv.css", "/healthz"}[i%4])
				if err != nil {
					if !shuttingDown.Load() {
						report("fast client %d before shutdown: %v", i, err)
					}
					return
				}
				body, err := io.ReadAll(res.Body)
				res.Body.Close()
				if err != nil || res.StatusCode != http.StatusOK || res.ContentLength >= 0 && int64(len(body)) != res.ContentLength {
					report("fast client %d: %d, %d of %d bytes, %v", i, res.StatusCode, len(body), res.ContentLength, err)
					return
				}
				fast.Add(1)
			}
		})
	}

	time.Sleep(100 * time.Millisecond) // let the fast clients run
	shuttingDown.Store(true)
	inFlight := 0 // downloads of which the kernel cannot yet hold the rest
	for i := range received {
		if int64(len(big))-received[i].Load() > 8<<20 {
			inFlight++
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve returned %v after shutdown", err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not return after shutdown")
	}
	wg.Wait()
	for _, p := range problems {
		t.Error(p)
	}
	if inFlight == 0 {
		t.Error("no download was in flight when shutdown began")
	}
	if c, err := net.DialTimeout("tcp", addr, time.Second); err == nil {
		c.Close()
		t.Error("the server still accepts connections after shutdown")
	}
	t.Logf("%d of %d slow downloads in flight at shutdown; %d fast responses", inFlight, slowClients, fast.Load())
}

// TestServeUnreadableSite: a site with a file that cannot be read does not
// start, and the error names the file.
func TestServeUnreadableSite(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(t *testing.T, dir string) string // returns the file the error must name
	}{
		{"dangling symlink", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "web", "gone.css")
			if err := os.Symlink(filepath.Join(dir, "nowhere.css"), p); err != nil {
				t.Fatal(err)
			}
			return "gone.css"
		}},
		{"symlink loop", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "loop.js")
			if err := os.Symlink(p, p); err != nil {
				t.Fatal(err)
			}
			return "loop.js"
		}},
		{"no read permission", func(t *testing.T, dir string) string {
			if os.Geteuid() == 0 {
				t.Skip("root reads any file")
			}
			p := filepath.Join(dir, "app.js")
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			return "app.js"
		}},
		{"index.html is a directory", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "index.html")
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
			return "index.html"
		}},
		{"site is a file", func(t *testing.T, dir string) string {
			if err := os.RemoveAll(dir); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(dir, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
			return "not a directory"
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, dir := testSite(t)
			want := tt.spoil(t, dir)
			var logs syncBuffer
			err := Run(context.Background(), Options{Addr: "127.0.0.1:0", Dir: dir, Log: &logs}, nil)
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("Run: error %v, want one naming %s", err, want)
			}
			if strings.Contains(logs.String(), "serving") {
				t.Errorf("the server started on an unreadable site:\n%s", logs.String())
			}
		})
	}
}
