//go:build !wasm

package main

import (
	"os"
	"testing"
)

func TestMain(m *testing.M) {
	registerRoutes()
	os.Exit(m.Run())
}
