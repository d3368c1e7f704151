// Until app.wasm runs, the page is its prerendered HTML: a working form that
// does not compute yet. Keep what the visitor types there in the URL (the
// same query keys the app reads), so the app starts from it and nothing typed
// is lost when it takes over the page.
(function () {
  "use strict";
  document.addEventListener("input", function (e) {
    var el = e.target;
    var key = el && el.getAttribute && el.getAttribute("data-q");
    if (!key) {
      return;
    }
    var u = new URL(window.location.href);
    u.searchParams.set(key, el.value);
    window.history.replaceState(window.history.state, "", u.toString());
  }, true);
})();
