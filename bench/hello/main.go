//go:build !wasm

package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/andybalholm/brotli"
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Natively, hello writes its static site: go-app's prerendered page and
// files, web/ with app.wasm and the icons, and .br and .gz variants of the
// compressible files, as LTV Lab's build does, so that the same server
// serves both the same way.
//
//	go run ./bench/hello -out DIR -wasm APP.WASM -icons WEBDIR
func main() {
	out := flag.String("out", "hello-site", "directory to write the site into (must not exist or be empty)")
	wasm := flag.String("wasm", "", "the hello world's app.wasm")
	icons := flag.String("icons", "web", "directory with icon-192.png and icon-512.png")
	flag.Parse()
	registerRoutes()
	if err := generate(*out, *wasm, *icons); err != nil {
		fmt.Fprintln(os.Stderr, "hello:", err)
		os.Exit(1)
	}
}

func generate(out, wasmPath, iconDir string) error {
	wasm, err := os.ReadFile(wasmPath)
	if err != nil {
		return err
	}
	sum := sha256.Sum256(wasm)
	h := &app.Handler{
		Name:        "Hello",
		Title:       "Hello",
		Description: "A go-app hello world.",
		Lang:        "en",
		// Local icons: go-app's default ones are remote, and the service
		// worker's precache would fail without the network.
		Icon: app.Icon{
			Default: "/web/icon-192.png",
			Large:   "/web/icon-512.png",
		},
		Version:           hex.EncodeToString(sum[:])[:12],
		WasmContentLength: strconv.Itoa(len(wasm)),
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := app.GenerateStaticWebsite(out, h); err != nil {
		return err
	}
	files := map[string][]byte{"app.wasm": wasm}
	for _, name := range []string{"icon-192.png", "icon-512.png"} {
		b, err := os.ReadFile(filepath.Join(iconDir, name))
		if err != nil {
			return err
		}
		files[name] = b
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(out, "web", name), b, 0o644); err != nil {
			return err
		}
	}
	return precompress(out)
}

var compressible = map[string]bool{".html": true, ".js": true, ".css": true, ".wasm": true, ".webmanifest": true}

// precompress writes name.br (Brotli 11) and name.gz (gzip 9) beside every
// compressible file of dir.
func precompress(dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !compressible[filepath.Ext(p)] {
			return err
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		var br, gz bytes.Buffer
		bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
		bw.Write(raw)
		if err := bw.Close(); err != nil {
			return err
		}
		gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
		gw.Write(raw)
		if err := gw.Close(); err != nil {
			return err
		}
		if err := os.WriteFile(p+".br", br.Bytes(), 0o644); err != nil {
			return err
		}
		return os.WriteFile(p+".gz", gz.Bytes(), 0o644)
	})
}
