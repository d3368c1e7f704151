//go:build !wasm

package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaseFlags checks that -base reaches build and serve: a bad base path
// is a usage error (exit status 2) naming the path.
func TestBaseFlags(t *testing.T) {
	site := t.TempDir()
	if err := os.WriteFile(filepath.Join(site, "index.html"), []byte("<!doctype html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := [][]string{
		{"build", "-out", filepath.Join(t.TempDir(), "site"), "-web", t.TempDir(), "-base", "/a b/"},
		{"serve", "-addr", "127.0.0.1:0", "-dir", site, "-base", "/../"},
	}
	for _, args := range tests {
		var stdout, stderr bytes.Buffer
		if got := run(args, &stdout, &stderr); got != 2 || !strings.Contains(stderr.String(), "base path") {
			t.Errorf("app %s = %d, stderr %q; want 2 and a message about the base path", strings.Join(args, " "), got, stderr.String())
		}
	}
}
