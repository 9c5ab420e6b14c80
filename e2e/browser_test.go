//go:build e2e

// Package e2e drives the built app in headless Chromium, the way an author uses it.
// Run through `make test-e2e`, which builds the app and provides the Chromium launcher.
package e2e

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// appURL is where the test's own `casewright serve` listens; set by TestMain.
var appURL string

func TestMain(m *testing.M) {
	stop, err := serveApp()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	code := m.Run()
	stop()
	os.Exit(code)
}

// serveApp starts the built command-line tool's server on a free loopback port.
func serveApp() (stop func(), err error) {
	url, stop, err := startServer()
	if err != nil {
		return nil, err
	}
	appURL = url
	return stop, nil
}

// startServer starts one more `casewright serve` on a free loopback port (a test that must cut
// the network stops its own) and returns its address.
func startServer() (url string, stop func(), err error) {
	// Tests run in their package's folder.
	bin, err := filepath.Abs(filepath.Join("..", "bin", "casewright"))
	if err != nil {
		return "", nil, err
	}
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0")
	out, err := cmd.StdoutPipe()
	if err != nil {
		return "", nil, err
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		return "", nil, fmt.Errorf("starting %s (run `make build` first): %w", bin, err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		cmd.Process.Kill()
		return "", nil, fmt.Errorf("reading the server's address: %w", err)
	}
	m := regexp.MustCompile(`http://\S+`).FindString(line)
	if m == "" {
		cmd.Process.Kill()
		return "", nil, fmt.Errorf("no address in %q", line)
	}
	return m, func() { cmd.Process.Kill(); cmd.Wait() }, nil
}

// newBrowser starts headless Chromium with a profile of the test's own, so that IndexedDB
// starts empty, and returns a context for its first tab.
func newBrowser(t *testing.T, profile string) context.Context {
	t.Helper()
	chrome := os.Getenv("CASEWRIGHT_CHROME")
	if chrome == "" {
		t.Fatal("CASEWRIGHT_CHROME is not set: run the end-to-end tests through `make test-e2e`")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chrome),
		chromedp.NoSandbox,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	browserCtx, _ := chromedp.NewContext(allocCtx)
	if err := chromedp.Run(browserCtx); err != nil {
		cancelAlloc()
		t.Fatalf("starting Chromium: %v", err)
	}
	ctx, cancelTimeout := context.WithTimeout(browserCtx, 2*time.Minute)
	// Close the browser and wait for it to exit, so that its profile can be removed.
	t.Cleanup(func() { cancelTimeout(); chromedp.Cancel(browserCtx); cancelAlloc() })
	return ctx
}

// awaitPromise makes chromedp.Evaluate wait for the promise an expression returns.
func awaitPromise(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

// waitReady waits for window.casewright.ready to resolve.
func waitReady() chromedp.Action {
	return chromedp.Evaluate(`window.casewright.ready.then(() => true)`, nil, awaitPromise)
}

// pasteText replaces the whole draft with text the way a paste does: select all, then insert
// (CodeMirror's .cm-content is taller than the viewport, so it is focused, never clicked).
func pasteText(text string) chromedp.Action {
	return chromedp.Tasks{
		chromedp.Focus(`.cm-content`, chromedp.ByQuery),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(input.ModifierCtrl)),
		input.InsertText(text),
	}
}
