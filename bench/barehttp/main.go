//go:build !wasm

// Command barehttp is the least a net/http server can do for a file: it
// holds the Brotli bytes of a few files in memory and answers every GET of
// their paths with them, with no logging, no caching headers, no timeouts
// and no negotiation. make bench loads it under wrk beside LTV Lab's
// server and nginx, as the ceiling of any server built on net/http on the
// same machine.
//
//	go run ./bench/barehttp -addr 127.0.0.1:8081 /=index.html.br /web/app.wasm=app.wasm.br
package main

import (
	"flag"
	"fmt"
	"log"
	"net/http"
	"os"
	"path"
	"strings"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8081", "loopback address to listen on")
	flag.Parse()
	files := map[string][]byte{}
	types, lengths := map[string]string{}, map[string]string{}
	for _, arg := range flag.Args() {
		urlPath, file, ok := strings.Cut(arg, "=")
		if !ok {
			log.Fatalf("want PATH=FILE, got %q", arg)
		}
		b, err := os.ReadFile(file)
		if err != nil {
			log.Fatal(err)
		}
		files[urlPath] = b
		lengths[urlPath] = fmt.Sprint(len(b))
		types[urlPath] = "text/html; charset=utf-8"
		if path.Ext(urlPath) == ".wasm" {
			types[urlPath] = "application/wasm"
		}
	}
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := files[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		h := w.Header()
		h["Content-Type"] = []string{types[r.URL.Path]}
		h["Content-Encoding"] = []string{"br"}
		h["Content-Length"] = []string{lengths[r.URL.Path]}
		h["Vary"] = []string{"Accept-Encoding"}
		w.Write(b)
	})
	log.Fatal(http.ListenAndServe(*addr, handler))
}
