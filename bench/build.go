//go:build !wasm

package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// wasmLDFlags and wasmGCFlags are the linker and compiler flags of the
// shipped app.wasm (the Makefile's WASMFLAGS): both app.wasm files are
// built with -trimpath and these (the compiler's only concern LTV Lab's UI
// package, which the hello world does not have).
const (
	wasmLDFlags = "-s -w"
	wasmGCFlags = "ltvlab/app/ui=-l"
)

// builds are the files one run measures, all under the output directory.
type builds struct {
	AppWasm, HelloWasm           string // as shipped
	OrdersWasm                   string // the order file page's build, as shipped
	AppNamesWasm, HelloNamesWasm string // the same with their name section, for the package costs
	Server                       string // LTV Lab's native command (build, serve)
	BareHTTP                     string // bench/barehttp: the least a net/http server does
	Site, HelloSite              string // the generated sites
	WasmURL                      string // URL path of LTV Lab's content-hashed app.wasm
}

// buildAll compiles LTV Lab and the hello world for the browser with the
// same flags, LTV Lab's native command, and generates both sites.
func buildAll(goCmd, root, out string, rebuild bool) (builds, error) {
	b := builds{
		AppWasm:        filepath.Join(out, "web", "app.wasm"),
		HelloWasm:      filepath.Join(out, "hello", "app.wasm"),
		OrdersWasm:     filepath.Join(out, "web", "orders.wasm"),
		AppNamesWasm:   filepath.Join(out, "app-names.wasm"),
		HelloNamesWasm: filepath.Join(out, "hello-names.wasm"),
		Server:         filepath.Join(out, "ltvlab"),
		BareHTTP:       filepath.Join(out, "barehttp"),
		Site:           filepath.Join(out, "site"),
		HelloSite:      filepath.Join(out, "hello-site"),
	}
	if !rebuild {
		return b, b.findWasmURL()
	}
	for _, d := range []string{"web", "hello", "site", "hello-site"} {
		if err := os.RemoveAll(filepath.Join(out, d)); err != nil {
			return b, err
		}
	}
	if err := copyWeb(filepath.Join(root, "web"), filepath.Join(out, "web")); err != nil {
		return b, err
	}
	wasmEnv := []string{"GOOS=js", "GOARCH=wasm"}
	steps := []struct {
		env  []string
		args []string
	}{
		{wasmEnv, []string{"build", "-trimpath", "-gcflags=" + wasmGCFlags, "-ldflags=" + wasmLDFlags, "-o", b.AppWasm, "./app"}},
		{wasmEnv, []string{"build", "-trimpath", "-gcflags=" + wasmGCFlags, "-ldflags=" + wasmLDFlags, "-tags", "orders", "-o", b.OrdersWasm, "./app"}},
		{wasmEnv, []string{"build", "-trimpath", "-gcflags=" + wasmGCFlags, "-ldflags=" + wasmLDFlags, "-o", b.HelloWasm, "./bench/hello"}},
		{wasmEnv, []string{"build", "-trimpath", "-gcflags=" + wasmGCFlags, "-o", b.AppNamesWasm, "./app"}},
		{wasmEnv, []string{"build", "-trimpath", "-gcflags=" + wasmGCFlags, "-o", b.HelloNamesWasm, "./bench/hello"}},
		{nil, []string{"build", "-o", b.Server, "./app"}},
		{nil, []string{"build", "-o", b.BareHTTP, "./bench/barehttp"}},
		{nil, []string{"run", "./bench/hello", "-out", b.HelloSite, "-wasm", b.HelloWasm, "-icons", filepath.Join(root, "web")}},
	}
	for _, s := range steps {
		if err := runCmd(root, s.env, goCmd, s.args...); err != nil {
			return b, err
		}
	}
	if err := runCmd(root, nil, b.Server, "build", "-out", b.Site, "-web", filepath.Join(out, "web")); err != nil {
		return b, err
	}
	return b, b.findWasmURL()
}

// findWasmURL finds the content-hashed name of app.wasm in the site.
func (b *builds) findWasmURL() error {
	matches, _ := filepath.Glob(filepath.Join(b.Site, "web", "app.*.wasm"))
	if len(matches) != 1 {
		return fmt.Errorf("want one hashed app.wasm in %s, found %d", filepath.Join(b.Site, "web"), len(matches))
	}
	b.WasmURL = "/web/" + filepath.Base(matches[0])
	return nil
}

// copyWeb copies the resource directory without a previous app.wasm.
func copyWeb(src, dst string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if strings.HasSuffix(p, ".wasm") {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// runCmd runs a command in dir with extra environment, echoing it, and
// returns its output in the error when it fails.
func runCmd(dir string, env []string, name string, args ...string) error {
	fmt.Fprintf(os.Stderr, "+ %s%s %s\n", envPrefix(env), name, strings.Join(args, " "))
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func envPrefix(env []string) string {
	if len(env) == 0 {
		return ""
	}
	return strings.Join(env, " ") + " "
}
