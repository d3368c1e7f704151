//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// lighthouseCategories are the categories make bench holds to a budget.
var lighthouseCategories = []string{"performance", "accessibility", "best-practices", "seo"}

// lighthouseRun is what one Lighthouse report says: the category scores
// (0-100) and the metrics behind the performance score, in milliseconds
// (CLS unitless).
type lighthouseRun struct {
	Scores  map[string]float64
	Metrics map[string]float64
	Failing []string // audits that cost points outside performance
}

// lighthouseMetrics are the audits whose numeric values are kept.
var lighthouseMetrics = []string{"first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index"}

// runLighthouse audits url with the npm package pinned in package.json and
// the system Chromium (a fresh profile each run). desktop selects
// Lighthouse's desktop preset; otherwise its default, mobile.
func runLighthouse(root, out, chrome, url string, desktop bool, tag string) (lighthouseRun, error) {
	var r lighthouseRun
	bin := filepath.Join(root, "node_modules", ".bin", "lighthouse")
	if _, err := os.Stat(bin); err != nil {
		return r, fmt.Errorf("lighthouse is not installed: run npm ci in %s (%w)", root, err)
	}
	profile, err := os.MkdirTemp(out, "lighthouse-profile-")
	if err != nil {
		return r, err
	}
	defer os.RemoveAll(profile)
	report := filepath.Join(out, "lighthouse", tag+".json")
	os.MkdirAll(filepath.Dir(report), 0o755)
	args := []string{url,
		"--quiet",
		"--only-categories=" + strings.Join(lighthouseCategories, ","),
		"--output=json", "--output-path=" + report,
		"--chrome-flags=" + strings.Join(chromeFlags, " ") + " --user-data-dir=" + profile,
	}
	if desktop {
		args = append(args, "--preset=desktop")
	}
	cmd := exec.Command(bin, args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "CHROME_PATH="+chrome)
	if outb, err := cmd.CombinedOutput(); err != nil {
		return r, fmt.Errorf("lighthouse %s: %v\n%s", url, err, outb)
	}
	b, err := os.ReadFile(report)
	if err != nil {
		return r, err
	}
	var rep struct {
		RuntimeError *struct{ Code, Message string } `json:"runtimeError"`
		Categories   map[string]struct {
			Score     *float64 `json:"score"`
			AuditRefs []struct {
				ID     string  `json:"id"`
				Weight float64 `json:"weight"`
			} `json:"auditRefs"`
		} `json:"categories"`
		Audits map[string]struct {
			Score        *float64 `json:"score"`
			NumericValue *float64 `json:"numericValue"`
		} `json:"audits"`
	}
	if err := json.Unmarshal(b, &rep); err != nil {
		return r, fmt.Errorf("%s: %w", report, err)
	}
	if rep.RuntimeError != nil && rep.RuntimeError.Code != "" {
		return r, fmt.Errorf("lighthouse %s: %s: %s", url, rep.RuntimeError.Code, rep.RuntimeError.Message)
	}
	r.Scores = map[string]float64{}
	r.Metrics = map[string]float64{}
	for _, c := range lighthouseCategories {
		cat, ok := rep.Categories[c]
		if !ok || cat.Score == nil {
			return r, fmt.Errorf("lighthouse %s: no %s score in %s", url, c, report)
		}
		r.Scores[c] = *cat.Score * 100
		if c == "performance" {
			continue
		}
		for _, ref := range cat.AuditRefs {
			if a, ok := rep.Audits[ref.ID]; ok && ref.Weight > 0 && a.Score != nil && *a.Score < 1 {
				r.Failing = append(r.Failing, c+": "+ref.ID)
			}
		}
	}
	for _, m := range lighthouseMetrics {
		if a, ok := rep.Audits[m]; ok && a.NumericValue != nil {
			r.Metrics[m] = *a.NumericValue
		}
	}
	return r, nil
}
