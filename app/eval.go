//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"ltvlab/calc"
)

// runEval is the eval command: it reads one scenario (calc/SCENARIO.md) from
// the file named in args, or from stdin for "-" or no argument, and prints
// its report as indented JSON: the results, with the what-if, sensitivity
// and goal seek the scenario asks for. The exit status is 0 on success, 2
// on bad input (each bad field named on stderr) or a bad call, 1 when the
// file cannot be read.
func runEval(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 1 {
		switch a := args[0]; {
		case a == "-h" || a == "-help" || a == "--help":
			fmt.Fprint(stdout, usage)
			return 0
		case strings.HasPrefix(a, "-") && a != "-":
			// A file whose name starts with "-" is named ./-name.
			fmt.Fprintf(stderr, "eval has no option %s: it takes one scenario file, or - for standard input\n%s", a, usage)
			return 2
		}
	}
	if len(args) > 1 {
		fmt.Fprintf(stderr, "eval takes one scenario file, or - for standard input\n%s", usage)
		return 2
	}
	in, name := stdin, "standard input"
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			fmt.Fprintln(stderr, "error:", err)
			return 1
		}
		defer f.Close()
		in, name = f, args[0]
	}
	data, err := io.ReadAll(io.LimitReader(in, calc.MaxScenarioBytes+1))
	if err != nil {
		fmt.Fprintf(stderr, "error: reading %s: %v\n", name, err)
		return 1
	}
	s, err := calc.ParseScenario(data)
	var rep calc.Report
	if err == nil {
		rep, err = s.Run()
	}
	if err != nil {
		return reportEvalError(stderr, name, err)
	}
	out, err := json.MarshalIndent(rep, "", "  ")
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		return 1
	}
	if _, err := fmt.Fprintf(stdout, "%s\n", out); err != nil {
		return 1
	}
	return 0
}

// reportEvalError prints one line per bad field and returns 2, or 1 for an
// error that is not about the input.
func reportEvalError(stderr io.Writer, name string, err error) int {
	fes := calc.FieldErrors(err)
	if len(fes) == 0 {
		fmt.Fprintln(stderr, "error:", err)
		return 1
	}
	for _, fe := range fes {
		fmt.Fprintf(stderr, "%s: bad input: %v\n", name, fe)
	}
	return 2
}
