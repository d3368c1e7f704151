//go:build !wasm

// Command app is LTV Lab. Compiled to WebAssembly it is the calculator UI
// (main_wasm.go, which imports only the UI and calc); natively it
// generates the static site, serves it, and evaluates scenarios.
//
//	go run ./app build [-out static] [-web web] [-base /] [-origin https://HOST] [-precompress=true]
//	go run ./app serve [-addr 127.0.0.1:8080] [-dir static] [-base /]
//	go run ./app eval [FILE|-]
//	go run ./app transactions [-end YYYY-MM-DD] [-period day|week|month] [-horizon N] [-margin PCT] [-discount PCT] [-customer COL] [-date COL] [-amount COL] [-dates dmy|mdy] FILE|-
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"ltvlab/app/serve"
	"ltvlab/app/site"
)

const usage = `usage:
  app build [-out static] [-web web] [-base /] [-origin https://HOST] [-precompress=true]
        generate the static site, served under the base path (e.g. -base /REPO/)
  app serve [-addr 127.0.0.1:8080] [-dir static] [-base /]
        serve the generated site under the base path it was built for (and its
        oEmbed endpoint, /oembed.json?url=PAGE, when it was built with -origin)
  app eval [FILE|-]
        evaluate a scenario (JSON, see calc/SCENARIO.md; - or nothing for stdin) and print the results as JSON
  app transactions [-end YYYY-MM-DD] [-period day|week|month] [-horizon N] [-margin PCT] [-discount PCT]
                   [-customer COL] [-date COL] [-amount COL] [-dates dmy|mdy] FILE|-
        fit the BG/NBD and Gamma-Gamma models to a shop's order export (CSV; - for stdin) and print
        the fitted models and every customer's P(alive), expected purchases and CLV as JSON
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command and returns the process exit status: 0 on
// success, 1 when the command failed, 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprintf(stderr, "usage of %s:\n", cmd); fs.PrintDefaults() }
	var err error
	switch cmd {
	case "build":
		var opts site.Options
		fs.StringVar(&opts.Out, "out", "static", "directory to write the site into")
		fs.StringVar(&opts.Web, "web", "web", "resource directory, with app.wasm built into it")
		fs.StringVar(&opts.Base, "base", "/", "path the site is served under, e.g. /REPO/ for a GitHub Pages project site")
		fs.StringVar(&opts.Origin, "origin", "", "scheme and host the site is published at, e.g. https://ltv.example: writes the oEmbed document")
		precompress := fs.Bool("precompress", true, "write .br and .gz variants (for serve and S3 + CloudFront)")
		if err := fs.Parse(args); err != nil {
			return flagStatus(err)
		}
		opts.SkipPrecompress = !*precompress
		var sum site.Summary
		sum, err = site.Build(opts)
		if err == nil {
			fmt.Fprintf(stdout, "wrote %s: %d files, version %s, app.wasm %d bytes (brotli %d)\n",
				opts.Out, sum.Files, sum.Version, sum.WasmSize, sum.WasmBrotliSize)
		}
	case "serve":
		opts := serve.Options{Log: stderr}
		fs.StringVar(&opts.Addr, "addr", "127.0.0.1:8080", "address to listen on")
		fs.StringVar(&opts.Dir, "dir", "static", "directory of the generated site")
		fs.StringVar(&opts.Base, "base", "/", "path the site is served under: the -base it was built with")
		fs.IntVar(&opts.MaxConns, "max-conns", 10000, "open connections at most (kept under the descriptor limit); idle ones are closed first for new visitors")
		if err := fs.Parse(args); err != nil {
			return flagStatus(err)
		}
		base, perr := site.ParseBase(opts.Base)
		if perr != nil {
			err = site.UsageError{Err: perr}
			break
		}
		if opts, err = withOembed(opts, base); err != nil {
			break
		}
		ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGINT, syscall.SIGTERM)
		defer stop()
		err = serve.Run(ctx, opts, nil)
	case "eval":
		return runEval(args, os.Stdin, stdout, stderr)
	case "transactions":
		return runTransactions(args, os.Stdin, stdout, stderr)
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "unknown command %q\n%s", cmd, usage)
		return 2
	}
	if err != nil {
		fmt.Fprintln(stderr, "error:", err)
		var ue site.UsageError
		if errors.As(err, &ue) {
			return 2
		}
		return 1
	}
	return 0
}

// withOembed mounts the oEmbed endpoint in front of the site of o.Dir,
// served under base, when it was built with -origin: the endpoint then
// answers for the figures of the link asked.
func withOembed(o serve.Options, base string) (serve.Options, error) {
	oe, ok, err := site.LoadOembed(o.Dir, base)
	if ok {
		o.Wrap = oe.Handler
	}
	return o, err
}

// flagStatus is the exit status after a flag error: 0 when help was
// asked for (-h), 2 otherwise.
func flagStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	return 2
}
