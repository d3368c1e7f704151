// Compiles app.wasm off the page's main thread: the page (app.js) posts the
// URL, this worker streams the response into the compiler and posts back
// the compiled WebAssembly.Module, or the error as a string.
"use strict";
self.onmessage = async (e) => {
  try {
    self.postMessage({ module: await WebAssembly.compileStreaming(fetch(e.data)) });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};
