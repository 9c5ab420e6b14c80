package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	validDraft   = "../../testdata/drafts/valid/ledgerline-payments.md"
	validDraft2  = "../../testdata/drafts/valid/tidewater-telemetry.md"
	invalidDraft = "../../testdata/drafts/invalid/placeholder.md"
	warnDraft    = "../../testdata/drafts/invalid/heading-mismatch.md"
)

func TestCheckCommand(t *testing.T) {
	dir := t.TempDir()
	tpl := filepath.Join(dir, "runbook.md")
	if err := os.WriteFile(tpl, []byte("# [Team] Runbook\n\n## Steps\n\nWrite them.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	runbook := filepath.Join(dir, "pay.md")
	if err := os.WriteFile(runbook, []byte("# Payments Runbook\n\n## Steps\n\nRestart the service.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		code       int
		stdout     []string // substrings, in order
		stderr     string
		emptyStdio bool
	}{
		{name: "valid", args: []string{"check", validDraft, validDraft2}, code: 0, emptyStdio: true},
		{name: "error", args: []string{"check", invalidDraft}, code: 1,
			stdout: []string{invalidDraft + ":9:22: error: The Availability value is still the placeholder '99.X%'", "[placeholder]\n"}},
		{name: "warning only", args: []string{"check", warnDraft}, code: 0,
			stdout: []string{warnDraft + ":85:4: warning: The heading 'Lessons Learnt'", "[heading-mismatch]"}},
		{name: "argument order kept", args: []string{"check", warnDraft, validDraft, invalidDraft}, code: 1,
			stdout: []string{warnDraft + ":85:4", invalidDraft + ":9:22"}},
		{name: "unreadable file", args: []string{"check", "no-such.md", invalidDraft}, code: 2,
			stdout: []string{invalidDraft + ":9:22"}, stderr: "no-such.md"},
		{name: "github", args: []string{"check", "--format", "github", invalidDraft}, code: 1,
			stdout: []string{"::error file=" + invalidDraft + ",line=9,col=22,endLine=9,endColumn=27,title=placeholder::The Availability value"}},
		{name: "flags after files", args: []string{"check", warnDraft, "--format=github"}, code: 0,
			stdout: []string{"::warning file=" + warnDraft + ",line=85,col=4,endLine=85,endColumn=18,title=heading-mismatch::"}},
		{name: "other template", args: []string{"check", "--template", tpl, runbook}, code: 0, emptyStdio: true},
		{name: "other template, default draft", args: []string{"check", "--template", tpl, validDraft}, code: 1,
			stdout: []string{"[missing-section]"}},
		{name: "missing template", args: []string{"check", "--template", "nope.md", validDraft}, code: 2, stderr: "nope.md"},
		{name: "no files", args: []string{"check"}, code: 2, stderr: "usage"},
		{name: "bad format", args: []string{"check", "--format", "xml", validDraft}, code: 2, stderr: "xml"},
		{name: "bad flag", args: []string{"check", "--frobnicate", validDraft}, code: 2, stderr: "frobnicate"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			out := stdout.String()
			if tt.emptyStdio && (out != "" || stderr.Len() != 0) {
				t.Errorf("want no output, got stdout %q stderr %q", out, stderr.String())
			}
			at := 0
			for _, want := range tt.stdout {
				i := strings.Index(out[at:], want)
				if i < 0 {
					t.Errorf("stdout lacks %q after offset %d:\n%s", want, at, out)
					break
				}
				at += i + len(want)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q lacks %q", stderr.String(), tt.stderr)
			}
		})
	}
}

func TestCheckJSON(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"check", "--format", "json", validDraft, invalidDraft}, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	var files []struct {
		File        string           `json:"file"`
		Diagnostics []map[string]any `json:"diagnostics"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &files); err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[0].File != validDraft || len(files[0].Diagnostics) != 0 || files[1].File != invalidDraft {
		t.Fatalf("files = %+v", files)
	}
	d := files[1].Diagnostics[0]
	for key, want := range map[string]any{"line": 9.0, "col": 22.0, "endLine": 9.0, "endCol": 27.0, "severity": "error", "code": "placeholder"} {
		if d[key] != want {
			t.Errorf("%s = %v, want %v", key, d[key], want)
		}
	}
	if len(d) != 7 {
		t.Errorf("keys %v, want exactly line, col, endLine, endCol, severity, code, message", d)
	}
}

func TestNewCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"new"}, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "# [Company] [System Name] Architecture\n") {
		t.Errorf("new draft starts %q", stdout.String()[:min(60, stdout.Len())])
	}
	if code := run([]string{"new", "extra"}, &stdout, &stderr); code != 2 {
		t.Errorf("new with an argument: exit %d, want 2", code)
	}
}
