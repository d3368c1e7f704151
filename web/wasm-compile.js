// Compiles app.wasm (or, on the order file page, orders.wasm) off the
// page's main thread. The page (app.js) posts the URLs of the module, of
// wasm_exec.js and of the page itself; this worker
// streams the response into the compiler, runs the app's first render once
// against a stand-in document (app/ui/warm-up_wasm.go says why), and posts
// back the compiled WebAssembly.Module with how the warm-up went, or the
// error as a string.
//
// The same script is the order file page's order worker
// (app/ui/transactions-worker_wasm.go): the page posts {orders: true} with
// its module, and the worker runs the app in worker mode, which takes the
// page's jobs from then on.
"use strict";

// How long the page waits for the warm-up at most: past it, the page gets
// the module as it is, and the rest compiles on the page.
const warmUpLimitMs = 4000;

self.onmessage = async (e) => {
  if (e.data.orders) {
    runOrders(e.data);
    return;
  }
  // When app.wasm's last byte came and when it was compiled, in ms since
  // 1970 (the page's clock starts elsewhere): for measurements.
  const times = {};
  let module;
  try {
    module = await WebAssembly.compileStreaming(fetch(e.data.wasm));
    times.compiled = performance.timeOrigin + performance.now();
    const got = performance.getEntriesByName(e.data.wasm)[0];
    times.downloaded = got ? performance.timeOrigin + got.responseEnd : 0;
  } catch (err) {
    self.postMessage({ error: String(err) });
    return;
  }
  let warmUp = "skipped";
  if (e.data.exec) {
    warmUp = await Promise.race([
      runWarmUp(module, e.data.exec, e.data.page),
      new Promise((done) => setTimeout(() => done("stopped: over " + warmUpLimitMs + " ms"), warmUpLimitMs)),
    ]);
  }
  self.postMessage({ module, warmUp, times });
};

// runOrders runs orders.wasm as the order worker. The page's messages that
// come before the app takes them wait in a queue; an error, or the app
// ending, is posted as {error}.
function runOrders(d) {
  const queue = [];
  self.onmessage = (e) => queue.push(e.data);
  self.ltvOrderWorkerReady = (take) => {
    self.onmessage = (e) => take(e.data);
    for (const m of queue.splice(0)) {
      take(m);
    }
  };
  const fail = (why) => self.postMessage({ error: String(why) });
  try {
    importScripts(d.exec);
    standIn(d.page);
    self.ltvOrderWorkerMode = true;
    const go = new Go();
    WebAssembly.instantiate(d.module, go.importObject)
      .then((instance) => go.run(instance))
      .then(() => fail("the order worker ended"), fail);
  } catch (err) {
    fail(err);
  }
}

// standIn gives the worker what the app reads of a page: a document that
// does nothing, a history, and the page's URL as its location.
function standIn(page) {
  self.document = standInDocument();
  self.history = { state: null, pushState() {}, replaceState() {} };
  Object.defineProperty(self, "location", { value: new URL(page), configurable: true });
}

// runWarmUp runs app.wasm with ltvWarmUp set to the page's URL, which is
// also what the app reads as its location (its path, language and figures),
// and resolves to what the app left in ltvWarmUp ("done" or why it
// stopped). Nothing it does fails the worker: an error ends the warm-up,
// and the page still gets the module.
function runWarmUp(module, execURL, page) {
  return new Promise((done) => {
    const stop = (why) => done("stopped: " + why);
    self.addEventListener("error", (e) => {
      e.preventDefault();
      stop(e.message);
    });
    self.addEventListener("unhandledrejection", (e) => {
      e.preventDefault();
      stop(String(e.reason));
    });
    try {
      importScripts(execURL);
      standIn(page);
      self.ltvWarmUp = page;
      const go = new Go();
      WebAssembly.instantiate(module, go.importObject)
        .then((instance) => go.run(instance))
        .then(() => {
          done(self.ltvWarmUp === page ? "stopped: the app did not finish" : String(self.ltvWarmUp));
        }, (err) => stop(String(err)));
    } catch (err) {
      stop(String(err));
    }
  });
}

// standInDocument has what the app's first render calls on a document and
// its elements, doing nothing.
function standInDocument() {
  const element = () => {
    const el = {
      style: { setProperty() {}, removeProperty() {} },
      firstChild: null,
      firstElementChild: null,
      parentElement: null,
      setAttribute() {},
      removeAttribute() {},
      getAttribute() { return null; },
      hasAttribute() { return false; },
      addEventListener() {},
      removeEventListener() {},
      appendChild(child) {
        if (!el.firstChild) {
          el.firstChild = el.firstElementChild = child;
        }
        return child;
      },
      insertBefore(child) { return child; },
      removeChild(child) { return child; },
      replaceChild(added, removed) { return removed; },
      focus() {},
      blur() {},
      scrollIntoView() {},
      querySelector() { return null; },
      querySelectorAll() { return []; },
    };
    return el;
  };
  const body = element();
  body.appendChild(element());
  return {
    body,
    head: element(),
    documentElement: element(),
    title: "",
    createElement: element,
    createElementNS: element,
    createTextNode: element,
    getElementById() { return null; },
    getElementsByTagName() { return []; },
    querySelector() { return null; },
    querySelectorAll() { return []; },
    addEventListener() {},
    removeEventListener() {},
  };
}
