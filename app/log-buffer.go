//go:build !wasm

package main

import (
	"bufio"
	"io"
	"sync"
	"time"
)

// logBuffer holds the lines written to it and writes them out together,
// at most flushAfter after the first of them, when its buffer fills, and
// on Close: under load, a log line per request then costs a copy rather
// than a system call. It never drops a line; one that does not fit the
// buffer goes out at once. Lines not yet written out are lost only if the
// process dies without Close (SIGKILL, a crash).
type logBuffer struct {
	mu         sync.Mutex
	w          *bufio.Writer
	flushAfter time.Duration
	timer      *time.Timer // pending while the buffer holds lines
	pending    bool
	closed     bool
}

// newLogBuffer buffers the writes to w.
func newLogBuffer(w io.Writer, flushAfter time.Duration) *logBuffer {
	b := &logBuffer{w: bufio.NewWriterSize(w, 64<<10), flushAfter: flushAfter}
	b.timer = time.AfterFunc(time.Hour, func() { b.Flush() })
	b.timer.Stop()
	return b
}

// Write buffers p, which slog.Handler writes one line at a time. After
// Close it writes p through.
func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	n, err := b.w.Write(p)
	switch {
	case b.closed:
		err = b.w.Flush()
	case !b.pending && b.w.Buffered() > 0:
		b.pending = true
		b.timer.Reset(b.flushAfter)
	}
	return n, err
}

// Flush writes out the lines buffered.
func (b *logBuffer) Flush() error {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.pending = false
	return b.w.Flush()
}

// Close writes out the lines buffered; later writes go straight through.
func (b *logBuffer) Close() error {
	b.mu.Lock()
	b.closed = true
	b.timer.Stop()
	b.mu.Unlock()
	return b.Flush()
}
