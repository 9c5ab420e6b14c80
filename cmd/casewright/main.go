// Command casewright checks case studies against their template, renders them as the
// preview does, makes new drafts and serves the editor.
//
//	casewright check [--template FILE] [--format text|json|github] FILE...
//	casewright render [--template FILE] FILE
//	casewright new [--template FILE]
//	casewright serve [--addr :8080]
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes, as product.md gives them.
const (
	exitOK       = 0
	exitProblems = 1
	exitUsage    = 2
)

type command func(args []string, stdout, stderr io.Writer) int

var commands = map[string]command{
	"check":  runCheck,
	"render": runRender,
	"new":    runNew,
	"serve":  runServe,
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "casewright: unknown command %q\n", args[0])
		usage(stderr)
		return exitUsage
	}
	return cmd(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprint(w, `usage:
  casewright check [--template FILE] [--format text|json|github] FILE...
  casewright render [--template FILE] FILE
  casewright new [--template FILE]
  casewright serve [--addr :8080]
`)
}
