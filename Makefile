# LTV Lab. `make run` builds the site and serves it on http://localhost:8080;
# `make test` runs every test, the browser tests included.

GO        ?= go
ADDR      ?= 127.0.0.1:8080
SITE      ?= static
FUZZTIME  ?= 30s
# No inlining in the UI package: its code is rendering, not arithmetic, and
# go-app's element builders inlined at every call made app.wasm about 40 kB
# of Brotli larger (calc and the runtime are inlined as usual).
WASMFLAGS := -trimpath -gcflags=ltvlab/app/ui=-l -ldflags='-s -w'

.PHONY: all static wasm run test vet fmt-check unit browser-deps wordpress-deps wordpress bench fuzz load clean

all: static

## wasm: compile the UI to web/app.wasm (the calculators) and web/orders.wasm
## (the order file page: app/ui/routes.go)
wasm:
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -o web/app.wasm ./app
	GOOS=js GOARCH=wasm $(GO) build $(WASMFLAGS) -tags orders -o web/orders.wasm ./app

## static: build app.wasm, generate the site into static/ and precompress it
static: wasm
	$(GO) run ./app build -out $(SITE) -web web

## run: build everything and serve it on http://localhost:8080
run: static
	$(GO) run ./app serve -addr $(ADDR) -dir $(SITE)

## test: formatting, vet (native and wasm), unit tests, wasm build, browser
## tests, the embeds in a real WordPress among them
# A package's tests may take more than go test's 10 minutes on a busy
# 2-core machine (the browser tests of app/ui take about 4 when it is not).
test: fmt-check vet static browser-deps wordpress-deps
	LTV_SITE=$(CURDIR)/$(SITE) $(GO) test -count=1 -timeout 40m ./...

## wordpress: only the test of the embeds in a real WordPress (Debian's
## WordPress, MariaDB and Apache, installed when missing: run as root)
wordpress: static browser-deps wordpress-deps
	LTV_SITE=$(CURDIR)/$(SITE) $(GO) test -count=1 -run 'TestBrowserWordPress' -v ./app

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

# Vetted for the browser too: app.wasm links ./app (its browser entry),
# ./app/ui and ./calc; the packages that never run there (the server, the
# generator, the test helpers, the benchmarks) say so with //go:build !wasm.
vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet -tags orders ./app/...

## unit: the tests that need no browser
unit:
	$(GO) test -count=1 -skip 'Browser' ./...

# What the browser tests need, installed when missing: Chromium and a Thai
# font (without one, Thai shows as boxes of other sizes) from Debian's
# packages, and axe-core from the npm registry (pinned in
# app/ui/testdata/axe/package-lock.json).
AXE := app/ui/testdata/axe/node_modules/axe-core/axe.min.js

browser-deps: $(AXE)
	@if ! command -v chromium >/dev/null 2>&1; then \
		echo "Chromium is missing: installing the Debian package chromium"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	fi
	@if [ -z "$$(fc-list :lang=th family 2>/dev/null)" ]; then \
		echo "No Thai font: installing the Debian package fonts-thai-tlwg"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-thai-tlwg >/dev/null; \
	fi

# What the WordPress test needs (scripts/wordpress/install-deps.sh).
wordpress-deps:
	@sh scripts/wordpress/install-deps.sh

$(AXE): app/ui/testdata/axe/package-lock.json
	@if ! command -v npm >/dev/null 2>&1; then \
		echo "npm is missing: installing the Debian package npm"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	fi
	cd app/ui/testdata/axe && npm ci --no-audit --no-fund
	@touch $@

## bench: build, measure and print the performance table, write bench/results.json
## (go run ./bench -h for its options; BENCHCOUNT runs of each Go benchmark)
BENCHCOUNT ?= 5
bench: browser-deps
	@command -v nginx >/dev/null 2>&1 && [ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] && command -v wrk >/dev/null 2>&1 || { \
		echo "installing the Debian packages nginx, libnginx-mod-http-brotli-static and wrk"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static wrk >/dev/null; }
	@[ -x node_modules/.bin/lighthouse ] || npm ci --no-audit --no-fund
	@mkdir -p bench/out
	$(GO) test -run='^$$' -bench=. -benchmem -count=$(BENCHCOUNT) ./... > bench/out/go-bench.txt || { cat bench/out/go-bench.txt; exit 1; }
	@cat bench/out/go-bench.txt
	$(GO) run ./bench -gobench bench/out/go-bench.txt

## fuzz: run every fuzz target for FUZZTIME each
fuzz:
	@for pkg in $$($(GO) list ./calc ./app/...); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "fuzzing $$pkg $$target for $(FUZZTIME)"; \
			$(GO) test -run='^$$' -fuzz="^$$target$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

## load: wrk against / and app.wasm on loopback, LOAD_DURATION at
## LOAD_CONNECTIONS connections each; fails on any error (needs wrk)
LOAD_DURATION    ?= 60s
LOAD_CONNECTIONS ?= 100
load: static
	SITE=$(SITE) DURATION=$(LOAD_DURATION) CONNECTIONS=$(LOAD_CONNECTIONS) GO=$(GO) sh scripts/load.sh

clean:
	rm -rf $(SITE) web/app.wasm web/orders.wasm
