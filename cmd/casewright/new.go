package main

import (
	"flag"
	"fmt"
	"io"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	tplPath := fs.String("template", "", "template `FILE` (default: the built-in case-study template)")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() != 0 {
		fmt.Fprintln(stderr, "usage: casewright new [--template FILE]")
		return exitUsage
	}
	tpl, err := loadTemplate(*tplPath)
	if err != nil {
		fmt.Fprintln(stderr, "casewright new:", err)
		return exitUsage
	}
	if _, err := stdout.Write(tpl.New()); err != nil {
		fmt.Fprintln(stderr, "casewright new:", err)
		return exitUsage
	}
	return exitOK
}
