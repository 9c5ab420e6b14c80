//go:build js && wasm

package main

import (
	"reflect"
	"testing"
)

func TestParsePageProblems(t *testing.T) {
	got, err := parsePageProblems(`[{"from":3,"to":9,"line":2,"severity":"error","code":"mermaid","message":"Parse error <x>","source":"diagram"},{}]`)
	want := []pageProblem{{From: 3, To: 9, Line: 2, Severity: "error", Code: "mermaid", Message: "Parse error <x>", Source: "diagram"}, {}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("parsePageProblems = %+v, %v; want %+v", got, err, want)
	}
	for _, bad := range []string{`not json`, `{"from":1}`, `[{"line":"2"}]`, `[{"from":1.5}]`} {
		if _, err := parsePageProblems(bad); err == nil {
			t.Errorf("parsePageProblems(%s) gave no error", bad)
		}
	}
}
