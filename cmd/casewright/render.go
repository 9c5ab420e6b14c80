package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"casewright/render"
)

// runRender prints the preview's HTML fragment of a draft: one sanitised block per line,
// each wrapped in its data-line element as the preview shows it.
func runRender(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("render", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.String("template", "", "template `FILE` (accepted for symmetry with check; rendering does not depend on it)")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: casewright render [--template FILE] FILE")
		return exitUsage
	}
	src, err := os.ReadFile(fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "casewright render:", err)
		return exitUsage
	}
	for _, b := range render.New().Blocks(src) {
		io.WriteString(stdout, render.Sanitize(b.HTML))
		io.WriteString(stdout, "\n")
	}
	return exitOK
}
