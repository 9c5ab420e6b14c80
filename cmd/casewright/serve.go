package main

import "io"

func runServe(args []string, stdout, stderr io.Writer) int { return exitOK }
