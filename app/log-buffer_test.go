//go:build !wasm

package main

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the timer's goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestLogBuffer(t *testing.T) {
	var out syncBuffer
	b := newLogBuffer(&out, 50*time.Millisecond)
	fmt.Fprintln(b, "first")
	if got := out.String(); got != "" {
		t.Errorf("written out at once: %q", got)
	}
	deadline := time.Now().Add(5 * time.Second)
	for out.String() != "first\n" {
		if time.Now().After(deadline) {
			t.Fatalf("after 5 s, out = %q, want the line written out by the timer", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}

	// Lines from many goroutines, more than the buffer holds: none lost,
	// none cut.
	var wg sync.WaitGroup
	const writers, lines = 8, 2000
	for w := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range lines {
				fmt.Fprintf(b, "writer=%d line=%d %s\n", w, i, strings.Repeat("x", 40))
			}
		}()
	}
	wg.Wait()
	b.Close()
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != 1+writers*lines {
		t.Fatalf("%d lines after Close, want %d", len(got), 1+writers*lines)
	}
	for _, line := range got[1:] {
		if !strings.HasPrefix(line, "writer=") || !strings.HasSuffix(line, strings.Repeat("x", 40)) {
			t.Fatalf("line cut or mixed: %q", line)
		}
	}

	fmt.Fprintln(b, "after close")
	if !strings.HasSuffix(out.String(), "after close\n") {
		t.Errorf("a line written after Close is not out at once")
	}
}

// TestLogRequests checks the line logged for a request, as the text
// handler writes it.
func TestLogRequests(t *testing.T) {
	var out bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&out, nil))
	teapot := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTeapot)
		io.WriteString(w, "short and stout")
	})
	logRequests(logger, teapot).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/tea%20pot?x=1", nil))
	line := out.String()
	re := regexp.MustCompile(`^time=\S+ level=INFO msg=request method=GET path="/tea pot" status=418 bytes=15 duration=\S+\n$`)
	if !re.MatchString(line) {
		t.Errorf("logged %q, want it to match %s", line, re)
	}
	out.Reset()
	quiet := slog.New(slog.NewTextHandler(&out, &slog.HandlerOptions{Level: slog.LevelWarn}))
	logRequests(quiet, teapot).ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/", nil))
	if out.Len() != 0 {
		t.Errorf("logged %q at level WARN", out.String())
	}
}
