//go:build !wasm

package main

import (
	"context"
	"net"
	"net/http"
	"sync"
)

// heldConn is a server connection that can hold what net/http writes of
// one answer and send it in one system call. net/http writes through a
// 4 KiB buffer: a page of 5 KiB goes out in two writes, the header and
// the start of the page, then the rest. Each write costs about as much as
// the whole answer, the more so on loopback, where the kernel delivers
// the segment to the receiver in the sender's system call.
type heldConn struct {
	*net.TCPConn
	held *[]byte // nil unless holding
}

// heldListener accepts TCP connections as heldConns.
type heldListener struct{ net.Listener }

func (l heldListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if tc, ok := c.(*net.TCPConn); ok {
		return &heldConn{TCPConn: tc}, err
	}
	return c, err
}

// maxHeld is the largest body written through a held connection: larger
// ones go out with sendfile(2) or in few large writes anyway.
const maxHeld = sendFileMin

var heldBuffers = sync.Pool{New: func() any {
	b := make([]byte, 0, 16<<10)
	return &b
}}

// Write holds p while the connection holds, else writes it.
func (c *heldConn) Write(p []byte) (int, error) {
	if c.held != nil {
		*c.held = append(*c.held, p...)
		return len(p), nil
	}
	return c.TCPConn.Write(p)
}

// hold starts holding writes. Only the goroutine serving the connection
// writes to it, and so calls hold and release.
func (c *heldConn) hold() {
	c.held = heldBuffers.Get().(*[]byte)
}

// release stops holding and writes what was held.
func (c *heldConn) release() error {
	b := c.held
	c.held = nil
	var err error
	if len(*b) > 0 {
		_, err = c.TCPConn.Write(*b)
	}
	*b = (*b)[:0]
	heldBuffers.Put(b)
	return err
}

type heldConnKey struct{}

// heldConnContext is the http.Server's ConnContext: it lets the handler
// reach its connection.
func heldConnContext(ctx context.Context, c net.Conn) context.Context {
	if hc, ok := c.(*heldConn); ok {
		return context.WithValue(ctx, heldConnKey{}, hc)
	}
	return ctx
}

// writeWhole writes body, the whole body of the answer, and flushes it
// with the header in one write when the connection is a heldConn. A
// failed write shows at the connection's next read, which closes it.
func writeWhole(w http.ResponseWriter, r *http.Request, body []byte) {
	hc, _ := r.Context().Value(heldConnKey{}).(*heldConn)
	f, ok := w.(http.Flusher)
	if hc == nil || !ok || len(body) > maxHeld {
		w.Write(body)
		return
	}
	hc.hold()
	defer hc.release()
	w.Write(body)
	f.Flush()
}
