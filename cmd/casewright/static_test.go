package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"casewright/web"
)

// builtApp stands in for web/dist: each file with the compressed copies the build writes.
var builtApp = fstest.MapFS{
	"index.html":         {Data: []byte("<!doctype html><title>Casewright</title>")},
	"index.html.br":      {Data: []byte("br:index")},
	"index.html.gz":      {Data: []byte("gz:index")},
	"app.js":             {Data: []byte("console.log('app')")},
	"app.js.br":          {Data: []byte("br:app")},
	"app.js.gz":          {Data: []byte("gz:app")},
	"casewright.wasm":    {Data: []byte("\x00asm\x01\x00\x00\x00")},
	"casewright.wasm.br": {Data: []byte("br:wasm")},
	"casewright.wasm.gz": {Data: []byte("gz:wasm")},
	"sw.js":              {Data: []byte("self.addEventListener('fetch', () => {})")},
	"icons/icon.svg":     {Data: []byte("<svg xmlns='http://www.w3.org/2000/svg'/>")},
}

func get(t *testing.T, srv *httptest.Server, path, acceptEncoding string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, srv.URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	// Set explicitly, so that the client neither adds gzip nor decodes the body.
	req.Header.Set("Accept-Encoding", acceptEncoding)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestServedFilesCarryTypeEncodingAndPolicy(t *testing.T) {
	srv := httptest.NewServer(newStaticHandler(builtApp))
	defer srv.Close()
	tests := []struct {
		path, accept          string
		ctype, encoding, body string
	}{
		{"/", "br, gzip", "text/html; charset=utf-8", "br", "br:index"},
		{"/index.html", "gzip", "text/html; charset=utf-8", "gzip", "gz:index"},
		{"/app.js", "gzip, deflate, br", "text/javascript; charset=utf-8", "br", "br:app"},
		{"/app.js", "br;q=0, gzip", "text/javascript; charset=utf-8", "gzip", "gz:app"},
		{"/app.js", "", "text/javascript; charset=utf-8", "", "console.log('app')"},
		{"/casewright.wasm", "br", "application/wasm", "br", "br:wasm"},
		{"/casewright.wasm", "identity", "application/wasm", "", "\x00asm\x01\x00\x00\x00"},
		{"/sw.js", "br", "text/javascript; charset=utf-8", "", "self.addEventListener('fetch', () => {})"},
		{"/icons/icon.svg", "br", "image/svg+xml", "", "<svg xmlns='http://www.w3.org/2000/svg'/>"},
	}
	for _, tt := range tests {
		resp, body := get(t, srv, tt.path, tt.accept)
		h := resp.Header
		name := tt.path + " (Accept-Encoding: " + tt.accept + ")"
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", name, resp.StatusCode)
			continue
		}
		if got := h.Get("Content-Type"); got != tt.ctype {
			t.Errorf("%s: Content-Type %q, want %q", name, got, tt.ctype)
		}
		if got := h.Get("Content-Encoding"); got != tt.encoding {
			t.Errorf("%s: Content-Encoding %q, want %q", name, got, tt.encoding)
		}
		if body != tt.body {
			t.Errorf("%s: body %q, want %q", name, body, tt.body)
		}
		if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q, want nosniff", name, got)
		}
		if !slices.Contains(h.Values("Vary"), "Accept-Encoding") {
			t.Errorf("%s: no Vary: Accept-Encoding, so a cache could hand br to a browser that asked for none", name)
		}
		checkPolicy(t, name, h)
	}
}

// checkPolicy checks that a response that can become a page or a worker carries the app's
// policies, and that the others, which only load into a page, do not spend bytes on them.
func checkPolicy(t *testing.T, name string, h http.Header) {
	t.Helper()
	want, wantReferrer := "", ""
	if ctype := h.Get("Content-Type"); strings.HasPrefix(ctype, "text/html") || strings.HasPrefix(ctype, "image/svg") ||
		strings.HasPrefix(name, "/sw.js") {
		want, wantReferrer = contentSecurityPolicy, "no-referrer"
	}
	if got := h.Get("Content-Security-Policy"); got != want {
		t.Errorf("%s: Content-Security-Policy %q, want %q", name, got, want)
	}
	if got := h.Get("Referrer-Policy"); got != wantReferrer {
		t.Errorf("%s: Referrer-Policy %q, want %q", name, got, wantReferrer)
	}
}

// TestPolicyRunsOnlyTheAppsOwnCode reads the policy the way a browser does, directive by
// directive, so that a later edit cannot quietly let inline or foreign script in.
func TestPolicyRunsOnlyTheAppsOwnCode(t *testing.T) {
	policy := map[string][]string{}
	for _, d := range strings.Split(contentSecurityPolicy, ";") {
		fields := strings.Fields(d)
		if len(fields) == 0 {
			continue
		}
		if _, dup := policy[fields[0]]; dup {
			t.Errorf("directive %s appears twice: browsers ignore the second", fields[0])
		}
		policy[fields[0]] = fields[1:]
	}
	want := map[string][]string{
		"default-src": {"'self'"},
		"script-src":  {"'self'", "'wasm-unsafe-eval'"},
		"object-src":  {"'none'"},
		"base-uri":    {"'none'"},
		"form-action": {"'none'"},
	}
	for name, sources := range want {
		if !slices.Equal(policy[name], sources) {
			t.Errorf("%s is %q, want %q", name, policy[name], sources)
		}
	}
	// Whatever else the policy allows, nothing may widen where script comes from.
	for _, name := range []string{"script-src", "script-src-elem", "script-src-attr", "default-src"} {
		for _, s := range policy[name] {
			if s == "'unsafe-inline'" || s == "'unsafe-eval'" || s == "*" || s == "data:" || s == "blob:" ||
				strings.HasPrefix(s, "http") || s == "'unsafe-hashes'" {
				t.Errorf("%s allows %s", name, s)
			}
		}
	}
	// Remote images would tell another site what is being read: images stay on the page.
	for _, s := range policy["img-src"] {
		if s != "'self'" && s != "data:" && s != "blob:" {
			t.Errorf("img-src allows %s", s)
		}
	}
}

// TestBuiltAppIsServedWithThePolicy checks the real embedded files, when the app is built.
func TestBuiltAppIsServedWithThePolicy(t *testing.T) {
	srv := httptest.NewServer(newStaticHandler(web.Dist()))
	defer srv.Close()
	resp, _ := get(t, srv, "/", "gzip")
	if resp.StatusCode == http.StatusNotFound {
		t.Skip("the app is not built into web/dist: run `make build`")
	}
	for _, path := range []string{"/", "/sw.js", "/icons/icon.svg", "/app.js", "/app.css", "/casewright.wasm"} {
		resp, _ := get(t, srv, path, "br, gzip")
		if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Encoding") == "" {
			t.Errorf("%s: status %d, encoding %q", path, resp.StatusCode, resp.Header.Get("Content-Encoding"))
		}
		checkPolicy(t, path, resp.Header)
	}
	if resp, _ := get(t, srv, "/casewright.wasm", ""); resp.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("casewright.wasm is served as %q: streaming compilation needs application/wasm", resp.Header.Get("Content-Type"))
	}
}

func TestOnlyGetAndHeadAreServed(t *testing.T) {
	srv := httptest.NewServer(newStaticHandler(builtApp))
	defer srv.Close()
	resp, err := srv.Client().Post(srv.URL+"/index.html", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST answered %d, want 405", resp.StatusCode)
	}
	if resp, _ := get(t, srv, "/../../etc/passwd", ""); resp.StatusCode != http.StatusNotFound {
		t.Errorf("a path outside the app answered %d, want 404", resp.StatusCode)
	}
}
