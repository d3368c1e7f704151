//go:build !wasm

package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// What the main thread does while the app starts, at Lighthouse's mobile
// 4x CPU slowdown (the network is not slowed: the tasks are the same, only
// later): a performance trace of a load of /, its long tasks (over 50 ms)
// from the compiled module's arrival on, and what fills the two that are
// the app's: Go's start (the task that runs the module, up to the yield
// before go-app's first render, app/ui/start_wasm.go) and go-app's first
// render. In each, the time V8 spends compiling WebAssembly functions
// (lazily, on their first call: the compiling worker's warm-up,
// web/wasm-compile.js, does it for what it runs) is told apart from the
// rest, the Go code and the DOM calls it makes. The layout and paint of the
// app's page come after, in a task of their own.

// traceEvent is an event of a Chrome trace, as much of it as is read here.
type traceEvent struct {
	Name string         `json:"name"`
	Ph   string         `json:"ph"`
	Ts   float64        `json:"ts"`  // µs
	Dur  float64        `json:"dur"` // µs
	Pid  int64          `json:"pid"`
	Tid  int64          `json:"tid"`
	Args map[string]any `json:"args"`
}

// startTasks is one load's split of the app's start, in ms.
type startTasks struct {
	GoStart, GoStartCompile float64 // Go's start, and V8 compiling in it
	Render, RenderCompile   float64 // go-app's first render, and V8 compiling in it
	LayoutAfter             float64 // the next long task's layout and paint, if it follows at once
	Blocking                float64 // the sum over 50 ms of every long task from the module's arrival on
}

// traceStart loads url in a fresh tab at 4x CPU and splits its start.
func traceStart(chrome, profile, url string) (startTasks, error) {
	var st startTasks
	ctx, closeAll, err := newBrowser(chrome, profile)
	if err != nil {
		return st, err
	}
	defer closeAll()
	var mu sync.Mutex
	var events []traceEvent
	done := make(chan struct{})
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			mu.Lock()
			for _, v := range e.Value {
				var te traceEvent
				if json.Unmarshal([]byte(v), &te) == nil {
					events = append(events, te)
				}
			}
			mu.Unlock()
		case *tracing.EventTracingComplete:
			close(done)
		}
	}); err != nil {
		return st, err
	}
	if _, err := chromedp.Call(ctx, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: phoneCPUSlowdown}); err != nil {
		return st, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
		return st, err
	}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{
		IncludedCategories: []string{"devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "disabled-by-default-v8.compile"},
	}}); err != nil {
		return st, err
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url), chromedp.WaitVisible(chromedp.CSS(`html[data-app="ready"] body`))); err != nil {
		return st, err
	}
	time.Sleep(2 * time.Second) // the layout after the render, and the worker's end
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		return st, err
	}
	select {
	case <-done:
	case <-time.After(time.Minute):
		return st, fmt.Errorf("the trace did not end")
	}
	mu.Lock()
	defer mu.Unlock()
	return splitStart(events)
}

// splitStart finds the app's two tasks in a trace: Go's start is the
// main-thread task that handles the compiling worker's message (the module
// arrives, and runs), the first render the next long one.
func splitStart(events []traceEvent) (startTasks, error) {
	var st startTasks
	var pid, tid int64
	found := false
	for _, e := range events {
		if e.Ph == "M" && e.Name == "thread_name" && e.Args["name"] == "CrRendererMain" {
			pid, tid, found = e.Pid, e.Tid, true
		}
	}
	if !found {
		return st, fmt.Errorf("no renderer main thread in the trace")
	}
	var tasks, inner []traceEvent
	for _, e := range events {
		if e.Pid != pid || e.Tid != tid || e.Ph != "X" {
			continue
		}
		if e.Name == "ThreadControllerImpl::RunTask" || e.Name == "RunTask" {
			tasks = append(tasks, e)
		} else {
			inner = append(inner, e)
		}
	}
	sort.Slice(tasks, func(i, j int) bool { return tasks[i].Ts < tasks[j].Ts })
	sum := func(task traceEvent, name string) float64 {
		t := 0.0
		for _, e := range inner {
			if e.Name == name && e.Ts >= task.Ts && e.Ts+e.Dur <= task.Ts+task.Dur {
				t += e.Dur
			}
		}
		return t / 1000
	}
	goStart := -1
	for i, t := range tasks {
		if t.Dur > 50_000 && sum(t, "HandlePostMessage") > 0 && sum(t, "wasm.CompileLazy")+sum(t, "v8.callFunction") > 0 {
			goStart = i
			break
		}
	}
	if goStart < 0 {
		return st, fmt.Errorf("no long task runs the module")
	}
	st.GoStart = tasks[goStart].Dur / 1000
	st.GoStartCompile = sum(tasks[goStart], "wasm.CompileLazy")
	for i := goStart + 1; i < len(tasks); i++ {
		if tasks[i].Dur <= 50_000 {
			continue
		}
		if st.Render == 0 {
			st.Render = tasks[i].Dur / 1000
			st.RenderCompile = sum(tasks[i], "wasm.CompileLazy")
			if i+1 < len(tasks) && tasks[i+1].Dur > 50_000 {
				st.LayoutAfter = sum(tasks[i+1], "Layout") + sum(tasks[i+1], "UpdateLayoutTree") + sum(tasks[i+1], "Paint")
			}
		}
	}
	for _, t := range tasks[goStart:] {
		if t.Dur > 50_000 {
			st.Blocking += t.Dur/1000 - 50
		}
	}
	return st, nil
}

// measureStartTasks reports the medians of o.runs loads of o.startURL (/
// unless told).
func measureStartTasks(r *results, o options, chrome, siteURL string) {
	profile, err := profileDir(o.out, "starttasks")
	if err != nil {
		r.errorf("%v", err)
		return
	}
	defer os.RemoveAll(profile)
	var runs []startTasks
	for i := 0; i < o.runs; i++ {
		st, err := traceStart(chrome, profile, siteURL+o.startURL)
		os.RemoveAll(profile) // a first visit each time
		if err != nil {
			r.errorf("start tasks: %v", err)
			return
		}
		runs = append(runs, st)
	}
	group := fmt.Sprintf("the app's start on the main thread at %dx CPU, %s (medians of %d traces)", phoneCPUSlowdown, o.startURL, len(runs))
	add := func(name string, f func(startTasks) float64, note string) {
		var v []float64
		for _, st := range runs {
			v = append(v, f(st))
		}
		r.add(figure{Group: group, Name: name, Unit: "ms", Value: median(v), Samples: v, Note: note})
	}
	add("Go's start: one task", func(s startTasks) float64 { return s.GoStart }, "")
	add("Go's start: of which V8 compiling WebAssembly", func(s startTasks) float64 { return s.GoStartCompile }, "")
	add("go-app's first render: one task", func(s startTasks) float64 { return s.Render }, "")
	add("go-app's first render: of which V8 compiling WebAssembly", func(s startTasks) float64 { return s.RenderCompile }, "")
	add("the layout and paint after it", func(s startTasks) float64 { return s.LayoutAfter }, "0 when they come in a short task")
	add("blocking time from the module's arrival on", func(s startTasks) float64 { return s.Blocking }, "each long task's time over 50 ms")
}
