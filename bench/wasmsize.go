//go:build !wasm

package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"

	"github.com/andybalholm/brotli"
)

// wasmSections are the byte sizes of a WebAssembly module's sections: Code
// (function bodies), Data (Go's rodata, type descriptors, pclntab and
// initialised globals) and the rest.
type wasmSections struct {
	Code, Data, Other int
}

// packageCost is what one Go package's functions weigh in app.wasm: the raw
// bytes of their bodies, and those bodies compressed together with Brotli
// on their own (an upper bound of the package's share of the compressed
// file, since across packages Brotli finds more repeats).
type packageCost struct {
	Package   string `json:"package"`
	Funcs     int    `json:"funcs"`
	CodeBytes int    `json:"code_bytes"`
	BrotliEst int    `json:"brotli_est_bytes"`
}

// wasmFunc is one function body of a module, with its name from the "name"
// custom section.
type wasmFunc struct {
	name string
	body []byte
}

// parseWasm reads a module's sections and its function bodies with their
// names; it needs a build with the name section (without -ldflags=-s).
func parseWasm(b []byte) (wasmSections, []wasmFunc, error) {
	var secs wasmSections
	if len(b) < 8 || !bytes.Equal(b[:4], []byte("\x00asm")) {
		return secs, nil, errors.New("not a WebAssembly module")
	}
	r := &reader{b: b, off: 8}
	var bodies [][]byte
	imported := 0
	names := map[int]string{}
	for r.off < len(r.b) {
		id := r.byte()
		size := int(r.uleb())
		if r.err != nil || r.off+size > len(r.b) {
			return secs, nil, fmt.Errorf("truncated section at %d", r.off)
		}
		sec := &reader{b: r.b[r.off : r.off+size]}
		r.off += size
		switch id {
		case 2: // import
			n := int(sec.uleb())
			for i := 0; i < n && sec.err == nil; i++ {
				sec.name()
				sec.name()
				kind := sec.byte()
				switch kind {
				case 0:
					sec.uleb()
					imported++
				case 1:
					sec.byte()
					sec.limits()
				case 2:
					sec.limits()
				case 3:
					sec.byte()
					sec.byte()
				}
			}
		case 10: // code
			secs.Code += size
			n := int(sec.uleb())
			for i := 0; i < n && sec.err == nil; i++ {
				l := int(sec.uleb())
				if sec.off+l > len(sec.b) {
					return secs, nil, errors.New("truncated function body")
				}
				bodies = append(bodies, sec.b[sec.off:sec.off+l])
				sec.off += l
			}
		case 11: // data
			secs.Data += size
		case 0: // custom
			secs.Other += size
			if sec.name() != "name" {
				continue
			}
			for sec.off < len(sec.b) && sec.err == nil {
				sub := sec.byte()
				l := int(sec.uleb())
				end := sec.off + l
				if sub == 1 {
					n := int(sec.uleb())
					for i := 0; i < n && sec.err == nil; i++ {
						idx := int(sec.uleb())
						names[idx] = sec.name()
					}
				}
				sec.off = end
			}
		default:
			secs.Other += size
		}
		if sec.err != nil {
			return secs, nil, sec.err
		}
	}
	if len(names) == 0 {
		return secs, nil, errors.New("no name section: build without -ldflags=-s")
	}
	funcs := make([]wasmFunc, len(bodies))
	for i, body := range bodies {
		funcs[i] = wasmFunc{name: names[imported+i], body: body}
	}
	return secs, funcs, nil
}

// goPackage returns the Go package of a function's name in the name
// section, where Go's linker writes "/", "-", "(" and "*" as "_":
// "github.com_shopspring_decimal.Decimal.Add" is
// "github.com/shopspring/decimal", "runtime.mallocgc" is "runtime" and
// "type_.eq.main.navItem" (generated equality) is "type:".
func goPackage(sym string) string {
	start := 0
	if m := domainPrefix.FindStringIndex(sym); m != nil {
		start = m[1] // a path that starts with a domain: github.com_...
	}
	pkg := sym
	if dot := strings.IndexByte(sym[start:], '.'); dot >= 0 {
		pkg = sym[:start+dot]
	}
	if pkg == "type_" {
		return "type:"
	}
	return unmangle.Replace(pkg)
}

// domainPrefix matches the host at the start of a module path.
var domainPrefix = regexp.MustCompile(`^[a-z0-9-]+(\.[a-z0-9-]+)+_`)

// unmangle undoes the linker's "_" for the paths that appear in app.wasm.
var unmangle = strings.NewReplacer(
	"maxence_charriere_go_app", "maxence-charriere/go-app",
	"_", "/",
)

// packageCosts sums a module's function bodies by Go package, largest
// first.
func packageCosts(funcs []wasmFunc) []packageCost {
	byPkg := map[string]*packageCost{}
	bodies := map[string]*bytes.Buffer{}
	for _, f := range funcs {
		p := goPackage(f.name)
		c, ok := byPkg[p]
		if !ok {
			c = &packageCost{Package: p}
			byPkg[p] = c
			bodies[p] = &bytes.Buffer{}
		}
		c.Funcs++
		c.CodeBytes += len(f.body)
		bodies[p].Write(f.body)
	}
	out := make([]packageCost, 0, len(byPkg))
	for p, c := range byPkg {
		c.BrotliEst = brotliSize(bodies[p].Bytes())
		out = append(out, *c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].CodeBytes != out[j].CodeBytes {
			return out[i].CodeBytes > out[j].CodeBytes
		}
		return out[i].Package < out[j].Package
	})
	return out
}

// wasmPackageCosts reads a module built with its name section and returns
// its sections and what each package's code costs.
func wasmPackageCosts(path string) (wasmSections, []packageCost, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return wasmSections{}, nil, err
	}
	secs, funcs, err := parseWasm(b)
	if err != nil {
		return secs, nil, fmt.Errorf("%s: %w", path, err)
	}
	return secs, packageCosts(funcs), nil
}

// brotliSize is the length of b compressed with Brotli at quality 11, as
// the site's build precompresses.
func brotliSize(b []byte) int {
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, brotli.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// reader decodes the LEB128 integers and names of a module; the first
// error sticks.
type reader struct {
	b   []byte
	off int
	err error
}

func (r *reader) byte() byte {
	if r.err != nil || r.off >= len(r.b) {
		r.err = errors.New("unexpected end of module")
		return 0
	}
	c := r.b[r.off]
	r.off++
	return c
}

func (r *reader) uleb() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.b[r.off:])
	if n <= 0 {
		r.err = errors.New("bad LEB128 integer")
		return 0
	}
	r.off += n
	return v
}

func (r *reader) name() string {
	l := int(r.uleb())
	if r.err != nil || r.off+l > len(r.b) {
		r.err = errors.New("unexpected end of module")
		return ""
	}
	s := string(r.b[r.off : r.off+l])
	r.off += l
	return s
}

func (r *reader) limits() {
	if r.byte()&1 == 1 {
		r.uleb()
	}
	r.uleb()
}
