# Casewright: `make run` builds and serves the app, `make test` runs every test.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
GO ?= go

DIST := web/dist
GO_SOURCES := $(shell find . -name '*.go' -not -path './web/node_modules/*' -not -name '*_test.go') go.mod go.sum testdata/templates/case-study.md
WEB_SOURCES := $(wildcard web/src/*) $(wildcard web/icons/*) web/index.html web/build.mjs web/sw.js web/manifest.webmanifest
CHROME := bin/chrome/chromium

.PHONY: all build run test test-go test-wasm test-e2e fuzz clean

all: build

build: $(DIST)/index.html bin/casewright

run: build
	$(GO) run ./cmd/casewright serve --addr :$(PORT)

# The WebAssembly core, stripped of symbol tables it does not need at run time.
$(DIST)/casewright.wasm: $(GO_SOURCES)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $@ ./wasm

web/gen/wasm_exec.js: $(shell $(GO) env GOROOT)/lib/wasm/wasm_exec.js
	mkdir -p web/gen && cp $< $@

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(DIST)/index.html: $(DIST)/casewright.wasm web/gen/wasm_exec.js web/node_modules/.package-lock.json $(WEB_SOURCES)
	cd web && node build.mjs

# The command-line tool, with the built app embedded for `casewright serve`.
bin/casewright: $(GO_SOURCES) $(DIST)/index.html
	$(GO) build -trimpath -o $@ ./cmd/casewright

$(CHROME): scripts/chromium.sh
	./scripts/chromium.sh

test: test-go test-wasm test-e2e fuzz

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# The WebAssembly packages' tests run in headless Chromium, with real IndexedDB.
test-wasm: $(CHROME)
	$(GO) build -o bin/wasmbrowsertest github.com/agnivade/wasmbrowsertest
	PATH="$(CURDIR)/bin/chrome:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 -exec "$(CURDIR)/bin/wasmbrowsertest" ./wasm/...

# End-to-end: the built page driven in headless Chromium.
test-e2e: build $(CHROME)
	CASEWRIGHT_CHROME="$(CURDIR)/$(CHROME)" $(GO) test -count=1 -tags e2e ./e2e/...

# Each fuzz target for FUZZTIME, from the seed corpora of real documents; a crash is saved
# under the package's testdata/fuzz/ and from then on runs in `go test` as a regression test.
FUZZTIME ?= 15s
FUZZ_TARGETS := render:FuzzRender render:FuzzIncremental editor:FuzzParseTemplate editor:FuzzCheck

fuzz:
	for t in $(FUZZ_TARGETS); do \
		$(GO) test -run='^$$' -fuzz="^$${t#*:}$$" -fuzztime=$(FUZZTIME) ./$${t%%:*}/ || exit 1; \
	done

clean:
	find $(DIST) -mindepth 1 -not -name README.md -delete
	rm -rf bin web/gen
