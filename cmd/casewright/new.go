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
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 {
		return exitUsage
	}
	tpl, err := loadTemplate(*tplPath)
	if err != nil {
		fmt.Fprintln(stderr, "casewright new:", err)
		return exitUsage
	}
	stdout.Write(tpl.New())
	return exitOK
}
