//go:build !wasm

package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// TestHeldConn checks that a held connection sends nothing until
// released, then all it held, in order.
func TestHeldConn(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	hl := heldListener{ln}
	accepted := make(chan net.Conn, 1)
	go func() {
		c, err := hl.Accept()
		if err != nil {
			t.Error(err)
		}
		accepted <- c
	}()
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	server := (<-accepted).(*heldConn)
	defer server.Close()

	server.hold()
	for _, s := range []string{"held ", "in ", "order"} {
		if n, err := io.WriteString(server, s); n != len(s) || err != nil {
			t.Fatalf("Write(%q) while held = %d, %v", s, n, err)
		}
	}
	client.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	if n, err := client.Read(make([]byte, 64)); n != 0 || err == nil {
		t.Fatalf("read %d bytes, err %v, from a held connection", n, err)
	}
	if err := server.release(); err != nil {
		t.Fatal(err)
	}
	io.WriteString(server, " and after")
	client.SetReadDeadline(time.Now().Add(5 * time.Second))
	want := "held in order and after"
	got := make([]byte, len(want))
	if _, err := io.ReadFull(client, got); err != nil || string(got) != want {
		t.Errorf("read %q, %v, want %q", got, err, want)
	}
}

// TestServeHeldAnswers sends requests one after the other on one kept-alive
// connection, for pages that do not fit net/http's 4 KiB write buffer, in
// every encoding, whole, in part and HEAD: each answer is whole and framed
// right.
func TestServeHeldAnswers(t *testing.T) {
	_, dir := testSite(t)
	pages := map[string][]byte{}
	for name, size := range map[string]int{"big.html": 20 << 10, "five.html": 5 << 10, "max.html": maxHeld} {
		body := bytes.Repeat([]byte(name[:1]), size)
		copy(body, name)
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
		br := append([]byte("br:"), body[:size-100]...)
		if err := os.WriteFile(filepath.Join(dir, name+".br"), br, 0o644); err != nil {
			t.Fatal(err)
		}
		pages["/"+name[:len(name)-len(".html")]] = body
		pages["/"+name[:len(name)-len(".html")]+" br"] = br
	}
	addr, _ := startServer(t, serveOptions{Dir: dir})
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(30 * time.Second))
	r := bufio.NewReader(conn)
	for i := range 60 {
		target := []string{"/big", "/five", "/max"}[i%3]
		method, accept, rangeHeader := "GET", "", ""
		switch i % 5 {
		case 1:
			accept = "br"
		case 2:
			method = "HEAD"
		case 3:
			rangeHeader = "bytes=10-19"
		}
		req := fmt.Sprintf("%s %s HTTP/1.1\r\nHost: test\r\n", method, target)
		if accept != "" {
			req += "Accept-Encoding: " + accept + "\r\n"
		}
		if rangeHeader != "" {
			req += "Range: " + rangeHeader + "\r\n"
		}
		if _, err := io.WriteString(conn, req+"\r\n"); err != nil {
			t.Fatal(err)
		}
		res, err := http.ReadResponse(r, &http.Request{Method: method})
		if err != nil {
			t.Fatalf("request %d, %s %s: %v", i, method, target, err)
		}
		body, err := io.ReadAll(res.Body)
		res.Body.Close()
		if err != nil {
			t.Fatalf("request %d, %s %s: %v", i, method, target, err)
		}
		full := pages[target]
		if accept == "br" {
			full = pages[target+" br"]
		}
		want, wantStatus := full, http.StatusOK
		switch {
		case method == "HEAD":
			want = nil
		case rangeHeader != "":
			want, wantStatus = full[10:20], http.StatusPartialContent
		}
		if res.StatusCode != wantStatus || !bytes.Equal(body, want) {
			t.Errorf("request %d, %s %s (%q, %q): %d, %d bytes, want %d, %d bytes", i, method, target, accept, rangeHeader, res.StatusCode, len(body), wantStatus, len(want))
		}
		if wantStatus == http.StatusOK && res.ContentLength != int64(len(full)) {
			t.Errorf("request %d, %s %s: Content-Length %d, want %d", i, method, target, res.ContentLength, len(full))
		}
	}
}
