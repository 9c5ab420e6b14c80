package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tplPath := fs.String("template", "", "template `FILE` (default: the built-in case-study template)")
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		return exitUsage
	}
	tpl, err := loadTemplate(*tplPath)
	if err != nil {
		fmt.Fprintln(stderr, "casewright check:", err)
		return exitUsage
	}
	code := exitOK
	for _, path := range fs.Args() {
		src, err := os.ReadFile(path)
		if err != nil {
			fmt.Fprintln(stderr, "casewright check:", err)
			return exitUsage
		}
		for _, d := range tpl.Check(src).Diagnostics {
			fmt.Fprintf(stdout, "%s:%d:%d: %s: %s [%s]\n", path, d.Line, d.Col, d.Severity, d.Message, d.Code)
			if d.Severity == "error" {
				code = exitProblems
			}
		}
	}
	return code
}
