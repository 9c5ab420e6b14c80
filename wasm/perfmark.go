//go:build js && wasm

package main

import "syscall/js"

// performance is the page's Performance API, for the marks the benchmark harness reads.
var performance = js.Global().Get("performance")

// measureUpdate records the Go side of one keystroke as the performance measure
// "casewright:update", so that the harness (go run ./bench) can tell the core's time from
// the editor's (a PerformanceObserver sees every one). Only the latest stays in the page's
// timeline, which would otherwise grow with every keystroke. A few calls into JavaScript per
// keystroke: cheap enough to stay on.
func measureUpdate() (done func()) {
	start := performance.Call("now")
	return func() {
		performance.Call("clearMeasures", updateMeasure)
		performance.Call("measure", updateMeasure, map[string]any{"start": start})
	}
}

const updateMeasure = "casewright:update"

// markStartup marks a stage of start-up, "casewright:" + stage, in the page's timeline: the
// harness reports when each stage ended, to show where start-up spends its time.
func markStartup(stage string) {
	performance.Call("mark", "casewright:"+stage)
}
