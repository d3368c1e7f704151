//go:build !wasm

package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"ltvlab/app/internal/orderdata"
)

// BenchmarkBrowserTransactions measures the page in headless Chromium: from
// the file input's change event to the results on screen, and the longest
// task of the main thread meanwhile (PerformanceObserver "longtask", which
// reports tasks over 50 ms; 0 when there were none). small is 2,400
// customers of orderdata.Small (about 7,000 orders); large, run when
// LTV_BENCH_LARGE=1, is 100,000 customers of orderdata.Frequent (about a
// million orders). The file is chosen chooseAfter the page is ready, as a
// visitor does through the browser's file dialog, and not before the
// order worker has warmed up (runOrderWorker); ms-warm-up is how long
// after the page was ready that was over. The work runs in the worker:
// the longest task is the page's own, reading the worker's messages and
// drawing the results. Each run logs the animation frames over 50 ms
// (PerformanceObserver "long-animation-frame"): when they started after
// the change, how long they took, what of it was blocking and rendering,
// and the scripts that ran in them.
func BenchmarkBrowserTransactions(b *testing.B) {
	const chooseAfter = 3 * time.Second
	base := serveSite(b)
	sizes := []struct {
		name      string
		customers int
		pop       orderdata.Params
	}{{"small", 2400, orderdata.Small}}
	if os.Getenv("LTV_BENCH_LARGE") == "1" {
		sizes = append(sizes, struct {
			name      string
			customers int
			pop       orderdata.Params
		}{"large", 100000, orderdata.Frequent})
	}
	for _, s := range sizes {
		b.Run(s.name, func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "orders.csv")
			if err := os.WriteFile(path, orderdata.Simulate(s.customers, s.pop, 1), 0o644); err != nil {
				b.Fatal(err)
			}
			var total, worst, heap, warm float64
			var longest []float64
			for i := 0; i < b.N; i++ {
				ctx := newTabFor(b, 3*time.Minute)
				if err := chromedp.Do(ctx, chromedp.Navigate(base+"/transactions?lang=en"), waitApp(),
					chromedp.Evaluate[chromedp.Void](`window.txReady = performance.now()`)); err != nil {
					b.Fatal(err)
				}
				ready := time.Now()
				if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`window.ltvOrderWorkerState === "warm"`, chromedp.WithPollingTimeout(30*time.Second))); err != nil {
					b.Fatalf("the order worker did not warm up: %v", err)
				}
				time.Sleep(time.Until(ready.Add(chooseAfter)))
				if err := chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`window.txLong = []; window.loaf = []; new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { window.txLong.push(e.duration); }); }).observe({type: "longtask"});
new PerformanceObserver(function (l) { l.getEntries().forEach(function (e) { if (e.duration > 50) window.loaf.push(Math.round(e.startTime - window.txStart) + "+" + Math.round(e.duration) + " block " + Math.round(e.blockingDuration) + " render " + Math.round(e.renderStart ? e.startTime + e.duration - e.renderStart : 0) + " [" + e.scripts.map(function (s) { return s.invoker + " " + s.invokerType + " " + Math.round(s.duration); }).join("; ") + "]"); }); }).observe({type: "long-animation-frame"});
document.getElementById("tx-file").addEventListener("change", function () { window.txStart = performance.now(); }, true);
new MutationObserver(function () { var s = document.getElementById("tx-progress"); if (s && s.textContent.indexOf("done in") >= 0 && !window.txEnd) { window.txEnd = performance.now(); } }).observe(document.body, {subtree: true, childList: true, characterData: true});`),
					chromedp.SetUploadFiles(`#tx-file`, []string{path})); err != nil {
					b.Fatal(err)
				}
				if _, err := chromedp.Run(ctx, chromedp.Poll[bool](`!!window.txEnd`, chromedp.WithPollingTimeout(150*time.Second))); err != nil {
					st, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("tx-status").textContent`))
					b.Fatalf("no result: %v (%s)", err, st)
				}
				time.Sleep(time.Second) // the tasks that follow the result (the holdout check's)
				ms, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.txEnd - window.txStart`))
				long, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.txLong.reduce(function (a, b) { return Math.max(a, b); }, 0)`))
				mem, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`(performance.memory || {}).usedJSHeapSize || 0`))
				at, _ := chromedp.Run(ctx, chromedp.Evaluate[float64](`window.ltvOrderWorkerWarmAt - window.txReady`))
				warm = max(warm, at)
				b.Logf("run %d: %.0f ms to the result, longest task %.0f ms", i+1, ms, long)
				if lf, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`window.loaf.join("\n    ")`)); lf != "" {
					b.Log("  frames over 50 ms (from the change, ms + ms; the scripts that ran):\n    " + lf)
				}
				total += ms
				worst = max(worst, long)
				longest = append(longest, long)
				heap = max(heap, mem)
			}
			b.Logf("longest task of each run (ms): %v", longest)
			b.ReportMetric(total/float64(b.N), "ms/result")
			b.ReportMetric(worst, "ms-longest-task")
			b.ReportMetric(heap/(1<<20), "MiB-js-heap")
			b.ReportMetric(warm, "ms-warm-up")
		})
	}
}
