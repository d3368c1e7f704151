#!/bin/sh
# Load test of the serve command: wrk against / and against app.wasm (its
# content-hashed name, Brotli), on loopback only, and a non-zero exit when
# any request fails (a non-2xx/3xx answer or a socket error).
#
#   scripts/load.sh                    # 60 s at 100 connections each
#   DURATION=10s CONNECTIONS=50 scripts/load.sh
#
# SITE is the generated site (make static), PORT the loopback port. wrk comes
# from Debian's package wrk. The server logs to /dev/null: a line per request
# for a minute would fill the disk, not measure the server.
set -eu

SITE=${SITE:-static}
DURATION=${DURATION:-60s}
CONNECTIONS=${CONNECTIONS:-100}
THREADS=${THREADS:-2}
PORT=${PORT:-18080}
ADDR=127.0.0.1:$PORT
GO=${GO:-go}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
[ -f "$SITE/index.html" ] || { echo "no generated site in $SITE: run make static" >&2; exit 1; }
wasm=$(cd "$SITE" && ls web/app.*.wasm 2>/dev/null | grep -v '\.br$' | head -n 1)
[ -n "$wasm" ] || { echo "no web/app.<hash>.wasm in $SITE" >&2; exit 1; }

tmp=$(mktemp -d)
pid=
cleanup() {
	if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

$GO build -o "$tmp/app" ./app
"$tmp/app" serve -addr "$ADDR" -dir "$SITE" 2>/dev/null &
pid=$!
i=0
until curl -fsS "http://$ADDR/healthz" >/dev/null 2>&1; do
	i=$((i + 1))
	[ $i -lt 100 ] || { echo "the server did not start on $ADDR" >&2; exit 1; }
	sleep 0.1
done

status=0
for target in / "/$wasm"; do
	echo "== wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -H 'Accept-Encoding: br' http://$ADDR$target"
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout 10s --latency \
		-H 'Accept-Encoding: br' "http://$ADDR$target" | tee "$tmp/wrk.txt"
	if grep -Eq 'Non-2xx|Socket errors' "$tmp/wrk.txt"; then
		echo "FAIL: $target had errors" >&2
		status=1
	fi
done
kill -0 "$pid" 2>/dev/null || { echo "FAIL: the server died under load" >&2; status=1; }
exit $status
