# Casewright: `make run` builds and serves the app, `make test` runs every test.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PORT ?= 8080
GO ?= go

DIST := web/dist
GO_SOURCES := $(shell find . -name '*.go' -not -path './web/node_modules/*' -not -name '*_test.go') go.mod go.sum testdata/templates/case-study.md
WEB_SOURCES := $(wildcard web/src/*) $(wildcard web/icons/*) web/index.html web/build.mjs web/sw.js web/manifest.webmanifest
CHROME := bin/chrome/chromium

.PHONY: all build run test test-go test-wasm test-e2e test-portal fuzz bench clean

all: build

build: $(DIST)/index.html bin/casewright

run: build
	$(GO) run ./cmd/casewright serve --addr :$(PORT)

# Packages off the keystroke path (the glue to the page and IndexedDB, YAML, formatting,
# regular expressions, reflection, time) are compiled without inlining: an inlined call's copy
# of its callee compresses badly, and this saves 50 KB of the core's brotli copy. render,
# editor, goldmark and the runtime, where a keystroke spends its time, keep it.
NOINLINE := casewright/wasm casewright/wasm/store casewright/wasm/internal/... \
	go.yaml.in/yaml/v3 github.com/yuin/goldmark-emoji/... github.com/hack-pad/... \
	honnef.co/go/js/dom/v2 syscall/js \
	fmt time regexp/... reflect strconv sort sync/... io/... context log errors os math/... \
	net/... encoding/... html image/... embed unique internal/fmtsort internal/reflectlite \
	internal/godebug internal/bisect

# The WebAssembly core, stripped of symbol tables it does not need at run time, its data
# packed into a few segments (see scripts/wasmpack: 100 KB less to transfer with brotli).
$(DIST)/casewright.wasm: $(GO_SOURCES)
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' $(foreach p,$(NOINLINE),-gcflags=$(p)=-l) -o $@ ./wasm
ifeq ($(WASM_OPT),1)
	$(call wasm_opt,$@)
endif
	$(GO) run ./scripts/wasmpack $@

# WASM_OPT=1 runs binaryen's wasm-opt -Oz on the core, installing Debian's binaryen when it is
# missing and the user is root. Off by default: it cuts the code by a fifth raw but the brotli
# copy the page downloads grows (1.70 MB -> 1.73 MB measured; rechecked after wasmpack with
# Debian's binaryen 108: 1,590,257 -> 1,604,516 bytes) and it takes minutes.
WASM_OPT ?= 0
WASM_OPT_FLAGS := -Oz --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals
define wasm_opt
	@if ! command -v wasm-opt >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "Installing wasm-opt (Debian's binaryen package)..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq binaryen >/dev/null; \
	fi
	@if command -v wasm-opt >/dev/null 2>&1; then \
		echo "wasm-opt $(WASM_OPT_FLAGS) $(1)"; wasm-opt $(WASM_OPT_FLAGS) $(1) -o $(1); \
	else \
		echo "wasm-opt not found, skipping it (install it with: sudo apt-get install -y binaryen)"; \
	fi
endef

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

# Fuzzing last, FUZZTIME (40,000 executions) per target: about a minute in all.
test: test-go test-wasm test-e2e test-portal fuzz

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# The WebAssembly packages' tests run in headless Chromium, with real IndexedDB.
test-wasm: $(CHROME)
	$(GO) build -o bin/wasmbrowsertest github.com/agnivade/wasmbrowsertest
	PATH="$(CURDIR)/bin/chrome:$$PATH" GOOS=js GOARCH=wasm $(GO) test -count=1 -exec "$(CURDIR)/bin/wasmbrowsertest" ./wasm/...

# End-to-end: the built page driven in headless Chromium.
test-e2e: build $(CHROME)
	CASEWRIGHT_CHROME="$(CURDIR)/$(CHROME)" $(GO) test -count=1 -tags e2e -skip '^TestPortal' ./e2e/...

# The embedded editor in a real MkDocs Material portal (testdata/portal), built with Debian's
# mkdocs and mkdocs-material; prints the bytes and time to ready of the embedding page.
test-portal: build $(CHROME)
	@if command -v mkdocs >/dev/null 2>&1; then \
		CASEWRIGHT_CHROME="$(CURDIR)/$(CHROME)" $(GO) test -count=1 -tags e2e -run '^TestPortal' -v ./e2e/ | grep -v '^=== RUN'; \
	else \
		echo "SKIP test-portal: mkdocs and mkdocs-material are not installed (sudo apt-get install -y mkdocs mkdocs-material)"; \
	fi

# Each fuzz target for FUZZTIME, from the seed corpora of real documents; a crash is saved
# under the package's testdata/fuzz/ and from then on runs in `go test` as a regression test.
# Every new input that widens coverage is minimised first, by default for up to a minute: with
# drafts of 6 KB as seeds that took the whole run (30 executions in two minutes of
# FuzzParseTemplate), so minimising stops after FUZZMINIMIZE executions. FUZZTIME counts
# executions rather than seconds: with a duration, Go 1.26's fuzzing coordinator can fail a
# target that found nothing with "context deadline exceeded" (golang/go#75804, fixed in 1.27).
# A duration still works for a longer hunt: make fuzz FUZZTIME=2m.
FUZZTIME ?= 40000x
FUZZMINIMIZE ?= 100x
FUZZ_TARGETS := render:FuzzRender render:FuzzIncremental editor:FuzzParseTemplate editor:FuzzCheck

fuzz:
	for t in $(FUZZ_TARGETS); do \
		$(GO) test -run='^$$' -fuzz="^$${t#*:}$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINIMIZE) ./$${t%%:*}/ || exit 1; \
	done

# The performance harness (bench/): Go benchmarks of validation and rendering, then the built
# app in headless Chromium against markdown-it and marked. BENCHCOUNT runs of each Go
# benchmark, for benchstat; BENCHFLAGS go to the browser harness (go run ./bench -h).
BENCHCOUNT ?= 5
BENCHFLAGS ?=
bench: build $(CHROME) bench/out/peers.js
	$(GO) test -run='^$$' -bench=. -benchmem -count=$(BENCHCOUNT) ./render/ ./editor/ | tee bench/out/go-bench.txt
	$(GO) run ./bench $(BENCHFLAGS)

# markdown-it and marked for the harness, bundled apart from the app: never part of web/dist.
bench/out/peers.js: bench/peers/entry.js web/node_modules/.package-lock.json
	NODE_PATH=web/node_modules web/node_modules/.bin/esbuild $< --bundle --format=iife --minify --log-level=warning --outfile=$@

clean:
	find $(DIST) -mindepth 1 -not -name README.md -delete
	rm -rf bin web/gen
