//go:build !wasm

package main

import (
	"bufio"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// goBench is one benchmark's samples from go test -bench output.
type goBench struct {
	NsPerOp     []float64
	AllocsPerOp []float64
}

// benchLine matches "BenchmarkX/sub-2   123   4567 ns/op   89 B/op   3 allocs/op".
var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+([0-9.]+) ns/op(?:.*?\s([0-9.]+) allocs/op)?`)

// readGoBench reads a file of go test -bench output (benchstat's input),
// keyed by package-qualified name: "ltvlab/calc BenchmarkFitSBG/regular".
func readGoBench(path string) (map[string]*goBench, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]*goBench{}
	pkg := ""
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if p, ok := strings.CutPrefix(line, "pkg: "); ok {
			pkg = strings.TrimSpace(p)
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		key := pkg + " " + m[1]
		b := out[key]
		if b == nil {
			b = &goBench{}
			out[key] = b
		}
		ns, _ := strconv.ParseFloat(m[2], 64)
		b.NsPerOp = append(b.NsPerOp, ns)
		if m[3] != "" {
			a, _ := strconv.ParseFloat(m[3], 64)
			b.AllocsPerOp = append(b.AllocsPerOp, a)
		}
	}
	return out, sc.Err()
}
