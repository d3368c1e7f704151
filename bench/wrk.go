//go:build !wasm

package main

import (
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// wrkOptions are the load every server gets: the same for both.
type wrkOptions struct {
	Threads     int
	Connections int
	Duration    time.Duration
}

func (o wrkOptions) String() string {
	return fmt.Sprintf("wrk -t%d -c%d -d%s --timeout 10s -H 'Accept-Encoding: br'", o.Threads, o.Connections, o.Duration)
}

var wrkRPS = regexp.MustCompile(`Requests/sec:\s+([0-9.]+)`)

// runWrk loads url for the duration and returns the requests per second.
// A non-2xx answer or a socket error fails the run; so does a request that
// takes over 10 s (wrk's default limit, 2 s, is shorter than 64 concurrent
// downloads of app.wasm take on a loaded machine).
func runWrk(o wrkOptions, url string) (float64, error) {
	bin, err := exec.LookPath("wrk")
	if err != nil {
		return 0, fmt.Errorf("wrk not found (apt-get install -y wrk): %w", err)
	}
	args := []string{
		"-t" + strconv.Itoa(o.Threads), "-c" + strconv.Itoa(o.Connections),
		"-d" + strconv.Itoa(int(o.Duration.Seconds())) + "s",
		"--timeout", "10s", "-H", "Accept-Encoding: br", url,
	}
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		return 0, fmt.Errorf("wrk %s: %v\n%s", url, err, out)
	}
	s := string(out)
	if strings.Contains(s, "Non-2xx") || strings.Contains(s, "Socket errors") {
		return 0, fmt.Errorf("wrk %s: errors:\n%s", url, s)
	}
	m := wrkRPS.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Errorf("wrk %s: no Requests/sec in:\n%s", url, s)
	}
	return strconv.ParseFloat(m[1], 64)
}

// checkBrotli fetches url as wrk does and checks that the answer is the
// precompressed Brotli file: 200, Content-Encoding br and the bytes of
// brFile.
func checkBrotli(url, brFile string) error {
	want, err := os.ReadFile(brFile)
	if err != nil {
		return err
	}
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept-Encoding", "br")
	resp, err := (&http.Client{Transport: &http.Transport{DisableCompression: true}}).Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	switch {
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	case resp.Header.Get("Content-Encoding") != "br":
		return fmt.Errorf("GET %s: Content-Encoding %q, want br", url, resp.Header.Get("Content-Encoding"))
	case string(got) != string(want):
		return fmt.Errorf("GET %s: %d bytes, want the %d of %s", url, len(got), len(want), brFile)
	}
	return nil
}
