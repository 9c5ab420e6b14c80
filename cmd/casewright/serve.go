package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"

	"casewright/web"
)

func runServe(args []string, stdout, stderr io.Writer) int {
	flags := flag.NewFlagSet("serve", flag.ContinueOnError)
	flags.SetOutput(stderr)
	addr := flags.String("addr", ":8080", "`address` to listen on")
	if err := flags.Parse(args); err != nil || flags.NArg() != 0 {
		return exitUsage
	}
	app := web.Dist()
	if _, err := fs.Stat(app, "index.html"); err != nil {
		fmt.Fprintln(stderr, "casewright serve: the app is not built into this binary: run `make build`, then build or run the command again")
		return exitUsage
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(stderr, "casewright serve:", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "Casewright is at http://%s/\n", displayAddr(ln.Addr()))
	srv := &http.Server{Handler: newStaticHandler(app)}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		srv.Shutdown(context.Background())
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "casewright serve:", err)
		return exitUsage
	}
	return exitOK
}

// displayAddr names a wildcard listener by localhost, the address a browser on this machine uses.
func displayAddr(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	return fmt.Sprintf("localhost:%d", tcp.Port)
}
