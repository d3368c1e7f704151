//go:build !wasm

package main

import (
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// process is a server started by the benchmark, stopped by its own pid.
type process struct {
	name string
	url  string // e.g. http://127.0.0.1:41234
	cmd  *exec.Cmd
	log  *os.File
}

// freePort returns a loopback port that nothing listens on right now.
func freePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// startProcess runs a server with its output in logPath, and waits until
// GET url+probe answers 200.
func startProcess(name, logPath, url, probe string, bin string, args ...string) (*process, error) {
	lf, err := os.Create(logPath)
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(bin, args...)
	cmd.Stdout = lf
	cmd.Stderr = lf
	if err := cmd.Start(); err != nil {
		lf.Close()
		return nil, err
	}
	p := &process{name: name, url: url, cmd: cmd, log: lf}
	deadline := time.Now().Add(20 * time.Second)
	for {
		resp, err := http.Get(url + probe)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return p, nil
			}
		}
		if time.Now().After(deadline) {
			p.stop()
			return nil, fmt.Errorf("%s did not answer %s%s within 20 s (see %s)", name, url, probe, logPath)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// stop ends the process gracefully (SIGTERM), then for good after 10 s.
func (p *process) stop() {
	if p == nil || p.cmd.Process == nil {
		return
	}
	p.cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan struct{})
	go func() { p.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		<-done
	}
	p.log.Close()
}

// startSite serves a generated site with LTV Lab's server, as shipped: its
// log line per request goes to a file.
func startSite(server, dir, out, name string) (*process, error) {
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	return startProcess(name, filepath.Join(out, "serve-"+name+".log"), "http://"+addr, "/healthz",
		server, "serve", "-addr", addr, "-dir", dir)
}

// nginxConf serves the same site as LTV Lab's server: the precompressed
// .br (Debian's brotli_static module) and .gz files, clean URLs, wasm as
// application/wasm, an access log line per request (to /dev/null, as LTV
// Lab's server's under wrk), and otherwise the settings of Debian's
// nginx.conf.
const nginxConf = `load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes auto;
pid {{OUT}}/nginx.pid;
error_log {{OUT}}/error.log;
events {
	worker_connections 1024;
}
http {
	sendfile on;
	tcp_nopush on;
	types_hash_max_size 2048;
	include /etc/nginx/mime.types;
	types {
		application/wasm wasm;
		application/manifest+json webmanifest;
	}
	default_type application/octet-stream;
	access_log /dev/null;
	client_body_temp_path {{OUT}}/body;
	proxy_temp_path {{OUT}}/proxy;
	fastcgi_temp_path {{OUT}}/fastcgi;
	uwsgi_temp_path {{OUT}}/uwsgi;
	scgi_temp_path {{OUT}}/scgi;
	server {
		listen {{ADDR}};
		root {{ROOT}};
		brotli_static on;
		gzip_static on;
		location / {
			try_files $uri $uri.html $uri/index.html =404;
		}
	}
}
`

// startNginx serves dir with Debian's nginx on a loopback port, from a
// configuration of its own in out/nginx.
func startNginx(dir, out string) (*process, error) {
	bin, err := exec.LookPath("nginx")
	if err != nil {
		return nil, fmt.Errorf("nginx not found (apt-get install -y nginx libnginx-mod-http-brotli-static): %w", err)
	}
	if _, err := os.Stat("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so"); err != nil {
		return nil, fmt.Errorf("nginx's brotli_static module is missing (apt-get install -y libnginx-mod-http-brotli-static): %w", err)
	}
	port, err := freePort()
	if err != nil {
		return nil, err
	}
	addr := fmt.Sprintf("127.0.0.1:%d", port)
	ndir := filepath.Join(out, "nginx")
	os.RemoveAll(ndir)
	if err := os.MkdirAll(ndir, 0o755); err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	conf := strings.NewReplacer("{{OUT}}", ndir, "{{ADDR}}", addr, "{{ROOT}}", abs).Replace(nginxConf)
	confPath := filepath.Join(ndir, "nginx.conf")
	if err := os.WriteFile(confPath, []byte(conf), 0o644); err != nil {
		return nil, err
	}
	// The site's files must be readable by nginx's workers (www-data).
	return startProcess("nginx", filepath.Join(ndir, "stderr.log"), "http://"+addr, "/",
		bin, "-c", confPath, "-p", ndir, "-g", "daemon off;")
}
