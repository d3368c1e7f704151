//go:build !wasm

package site

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
)

// wasmStartJS (with WASM_URL, ORDERS_WASM_URL and WORKER_URL filled in)
// replaces go-app's goappInitWebAssembly and fetchWithProgress. go-app
// pipes app.wasm through a JavaScript stream to draw its loader's progress:
// the bytes then reach the compiler on the main thread, and the response,
// made in JavaScript, has no URL, so the browser never caches the compiled
// code. The loader is hidden (the prerendered page shows instead), so a worker
// (web/wasm-compile.js) hands the response to compileStreaming as it comes:
// compiled while it downloads, off the main thread. (Chromium 156 still
// compiles lazily on the main thread what the first run calls, about 0.5 s
// on a loaded 2-core machine, and reads no compiled code from its cache on
// a load under the service worker.) Where no worker can start (a sandboxed iframe has an
// opaque origin, and a worker must share the page's), the page compiles it
// the same way itself.
//
// go-app registers the service worker first thing, and its install
// downloads the whole site, app.wasm included, while the page needs the
// network and the processor for itself: the page registers it once the app
// runs (streamWasmStart removes the early call). A page in a frame (an
// embed on another site) registers none: a sandboxed frame's origin is
// opaque, where reading navigator.serviceWorker throws, and elsewhere the
// worker would download the whole site for one calculator.
const wasmStartJS = `// ltvWasmTimes: when app.wasm was downloaded, compiled, on the page and
// started, in ms from the navigation (for measurements, bench/browser.go).
window.ltvWasmTimes = {};

async function goappInitWebAssembly() {
  const loader = document.getElementById("app-wasm-loader");
  if (!goappCanLoadWebAssembly()) {
    loader.remove();
    ltvInitServiceWorker();
    return;
  }
  // Fetch only once the prerendered page has painted: its first paint
  // then never waits for app.wasm's bytes.
  await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted, 0)));
  try {
    const go = new Go();
    // ltvWasm: the build this page runs (for tests).
    window.ltvWasm = ltvOrdersPage(location.pathname) ? ORDERS_WASM_URL : WASM_URL;
    const module = await goappCompileWasm(window.ltvWasm, WORKER_URL);
    const instance = await WebAssembly.instantiate(module, go.importObject);
    window.ltvWasmTimes.instantiated = performance.now();
    go.run(instance);
    loader.remove();
  } catch (err) {
    console.error("loading wasm failed: ", err);
  }
  ltvInitServiceWorker();
}

// The order file page runs its own build, orders.wasm; every other page
// runs app.wasm (app/ui/routes.go). A link from a page of one to a page of
// the other loads that page: the app on the page, which go-app would route
// it to, does not have it. This listener runs before go-app's
// (window.onclick) and keeps the click from it; the browser then follows
// the link.
function ltvOrdersPage(path) {
  return /\/transactions(\.html)?\/?$/.test(path);
}

document.addEventListener("click", (e) => {
  const a = e.target instanceof Element && e.target.closest("a[href]");
  if (e.defaultPrevented || !a || (a.target && a.target !== "_self")) {
    return;
  }
  const u = new URL(a.href, location.href);
  if (u.origin === location.origin && ltvOrdersPage(u.pathname) !== ltvOrdersPage(location.pathname)) {
    e.stopPropagation();
  }
});

function ltvInitServiceWorker() {
  if (window.self === window.top && self.origin !== "null") {
    goappInitServiceWorker();
  }
}

async function goappCompileWasm(url, workerURL) {
  let worker;
  try {
    worker = new Worker(workerURL);
  } catch (err) {
    return ltvKeep(await WebAssembly.compileStreaming(fetch(url)));
  }
  try {
    return ltvKeep(await new Promise((resolve, reject) => {
      worker.onmessage = (e) => {
        window.ltvWasmWarmUp = e.data.warmUp;
        const t = e.data.times || {};
        const page = (at) => (at ? at - performance.timeOrigin : 0);
        window.ltvWasmTimes = { downloaded: page(t.downloaded), compiled: page(t.compiled), received: performance.now() };
        e.data.module ? resolve(e.data.module) : reject(new Error(e.data.error));
      };
      worker.onerror = () => reject(new Error("the compiling worker failed"));
      worker.postMessage({ wasm: new URL(url, location.href).href, exec: ltvExecURL(), page: location.href });
    }));
  } catch (err) {
    return ltvKeep(await WebAssembly.compileStreaming(fetch(url)));
  } finally {
    worker.terminate();
  }
}

function ltvExecURL() {
  const exec = document.querySelector('script[src$="wasm_exec.js"]');
  return exec && exec.src;
}

// The module the page runs, kept to start the order file page's order
// worker from (app/ui/transactions-worker_wasm.go): the worker then runs
// the code V8 has compiled for the page.
let ltvModule = null;

function ltvKeep(module) {
  ltvModule = module;
  return module;
}

// ltvStartOrderWorker starts the order worker and returns it, or null
// where no worker can start: onmessage gets its messages' data, onerror
// why it failed.
window.ltvStartOrderWorker = (onmessage, onerror) => {
  const exec = ltvExecURL();
  if (!ltvModule || !exec) {
    return null;
  }
  try {
    const worker = new Worker(WORKER_URL);
    worker.onmessage = (e) => onmessage(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      onerror(String(e.message || "the order worker failed"));
    };
    worker.postMessage({ orders: true, module: ltvModule, exec, page: location.href });
    return worker;
  } catch (err) {
    return null;
  }
};
`

// wasmURLInAppJS finds the URL go-app's app.js loads app.wasm from.
var wasmURLInAppJS = regexp.MustCompile(`fetchWithProgress\(\s*"([^"]+)"`)

// streamWasmStart rewrites go-app's app.js (v10.1.11) to start app.wasm,
// or orders.wasm (at ordersURL) on the order file page, with wasmStartJS,
// compiled by the worker script at workerURL. It fails when app.js does not
// have the shape it expects, which a go-app upgrade may change.
func streamWasmStart(appJS []byte, ordersURL, workerURL string) ([]byte, error) {
	s := string(appJS)
	m := wasmURLInAppJS.FindStringSubmatch(s)
	const (
		initStart  = "async function goappInitWebAssembly() {"
		initEnd    = "function goappCanLoadWebAssembly() {"
		fetchStart = "async function fetchWithProgress("
	)
	const register = "\ngoappInitServiceWorker();\n"
	r := strings.Index(s, register)
	i, j, k := strings.Index(s, initStart), strings.Index(s, initEnd), strings.Index(s, fetchStart)
	if m == nil || r < 0 || i < r || j < i || k < j {
		return nil, fmt.Errorf("app.js: go-app's wasm loader not found where expected (goappInitWebAssembly, goappCanLoadWebAssembly, fetchWithProgress)")
	}
	wasmURL, err := json.Marshal(m[1])
	if err != nil {
		return nil, err
	}
	worker, err := json.Marshal(workerURL)
	if err != nil {
		return nil, err
	}
	orders, err := json.Marshal(ordersURL)
	if err != nil {
		return nil, err
	}
	start := strings.NewReplacer("ORDERS_WASM_URL", string(orders), "WASM_URL", string(wasmURL), "WORKER_URL", string(worker)).Replace(wasmStartJS)
	return []byte(s[:r] + "\n" + s[r+len(register):i] + start + strings.TrimRight(s[j:k], "\n ") + "\n"), nil
}

// ordersWasm is the order file page's build of the app (app/ui/routes.go),
// in web/ beside app.wasm.
const ordersWasm = "orders.wasm"

// wasmCompileWorker is the worker script of wasmStartJS, in web/.
const wasmCompileWorker = "wasm-compile.js"
