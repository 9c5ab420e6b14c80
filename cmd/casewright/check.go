package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"

	"casewright/editor"
)

// fileResult is what checking one file gave: its diagnostics, or the error that kept it from
// being read.
type fileResult struct {
	File        string              `json:"file"`
	Diagnostics []editor.Diagnostic `json:"diagnostics"`
	err         error
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tplPath := fs.String("template", "", "template `FILE` (default: the built-in case-study template)")
	format := fs.String("format", "text", "output `FORMAT`: text, json or github")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: casewright check [--template FILE] [--format text|json|github] FILE...")
		fs.PrintDefaults()
	}
	files, err := parseInterleaved(fs, args)
	if err != nil {
		return exitUsage
	}
	write, ok := formats[*format]
	if !ok {
		fmt.Fprintf(stderr, "casewright check: unknown format %q (use text, json or github)\n", *format)
		return exitUsage
	}
	if len(files) == 0 {
		fs.Usage()
		return exitUsage
	}
	tpl, err := loadTemplate(*tplPath)
	if err != nil {
		fmt.Fprintln(stderr, "casewright check:", err)
		return exitUsage
	}

	results := checkFiles(tpl, files)
	code := exitOK
	var readable []fileResult
	for _, r := range results {
		if r.err != nil {
			fmt.Fprintln(stderr, "casewright check:", r.err)
			code = exitUsage
			continue
		}
		readable = append(readable, r)
		if code == exitOK && hasError(r.Diagnostics) {
			code = exitProblems
		}
	}
	if err := write(stdout, readable); err != nil {
		fmt.Fprintln(stderr, "casewright check:", err)
		return exitUsage
	}
	return code
}

// parseInterleaved parses flags wherever they stand among the file names, so that
// "check a.md --format json" works as "check --format json a.md" does; "--" ends the flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return files, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(files, rest...), nil
		}
		files = append(files, rest[0])
		args = rest[1:]
	}
}

// checkFiles checks every file with a bounded pool of workers, one per CPU, and returns the
// results in the order of paths.
func checkFiles(tpl *editor.Template, paths []string) []fileResult {
	results := make([]fileResult, len(paths))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(paths)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = checkFile(tpl, paths[i])
			}
		}()
	}
	for i := range paths {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return results
}

func checkFile(tpl *editor.Template, path string) fileResult {
	src, err := os.ReadFile(path)
	if err != nil {
		return fileResult{File: path, err: err}
	}
	return fileResult{File: path, Diagnostics: tpl.Check(src).Diagnostics}
}

func hasError(diags []editor.Diagnostic) bool {
	for _, d := range diags {
		if d.Severity == editor.Error {
			return true
		}
	}
	return false
}

var formats = map[string]func(io.Writer, []fileResult) error{
	"text":   writeText,
	"json":   writeJSON,
	"github": writeGitHub,
}

// writeText writes one "path:line:col: severity: message [code]" line per diagnostic, the form
// that compilers and linters use and that editors jump from.
func writeText(w io.Writer, results []fileResult) error {
	var b strings.Builder
	for _, r := range results {
		for _, d := range r.Diagnostics {
			fmt.Fprintf(&b, "%s:%d:%d: %s: %s [%s]\n", r.File, d.Line, d.Col, d.Severity, d.Message, d.Code)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// jsonDiagnostic is the command line's JSON shape of a diagnostic (product.md), without the
// fixes that only the editor offers.
type jsonDiagnostic struct {
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	EndLine  int    `json:"endLine"`
	EndCol   int    `json:"endCol"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
}

type jsonFile struct {
	File        string           `json:"file"`
	Diagnostics []jsonDiagnostic `json:"diagnostics"`
}

func writeJSON(w io.Writer, results []fileResult) error {
	out := make([]jsonFile, 0, len(results))
	for _, r := range results {
		f := jsonFile{File: r.File, Diagnostics: make([]jsonDiagnostic, 0, len(r.Diagnostics))}
		for _, d := range r.Diagnostics {
			f.Diagnostics = append(f.Diagnostics, jsonDiagnostic{d.Line, d.Col, d.EndLine, d.EndCol, string(d.Severity), d.Code, d.Message})
		}
		out = append(out, f)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// writeGitHub writes GitHub Actions workflow commands, which the run's page shows as
// annotations on the files.
func writeGitHub(w io.Writer, results []fileResult) error {
	var b strings.Builder
	for _, r := range results {
		for _, d := range r.Diagnostics {
			level := "error"
			switch d.Severity {
			case editor.Warning:
				level = "warning"
			case editor.Info:
				level = "notice"
			}
			fmt.Fprintf(&b, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
				level, escapeProperty(r.File), d.Line, d.Col, d.EndLine, d.EndCol, escapeProperty(d.Code), escapeData(d.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// GitHub's workflow commands need these escapes in their data and property values.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
