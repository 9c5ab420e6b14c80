// Package casewright holds the files that every Casewright binary carries: the default
// case-study template. The code lives in render, editor, wasm and cmd/casewright.
package casewright

import _ "embed"

// DefaultTemplate is the default case-study template, as the portal publishes it.
//
//go:embed testdata/templates/case-study.md
var DefaultTemplate []byte
