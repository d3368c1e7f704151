// Page-level scripts: they run before app.wasm has started, and beside it.
(function () {
  "use strict";

  // Until app.wasm runs, the page is its prerendered HTML: a working form
  // that does not compute yet. Keep what the visitor types there in the URL
  // (the same query keys the app reads), so the app starts from it and
  // nothing typed is lost when it takes over the page.
  //
  // A state whose path and query would pass 2,000 bytes (a pasted table)
  // would make an address that servers refuse: it is kept in the tab's
  // sessionStorage instead, and the address ends in #s1=~, as the app does
  // for a state too long for its address (app/ui/statelink.go).
  var stateKey = "ltvlab.state", sessionMark = "s1=~";
  function typedState(u) {
    var hash = u.hash.slice(1);
    if (hash.indexOf(sessionMark) === 0) {
      try {
        var kept = JSON.parse(window.sessionStorage.getItem(stateKey));
        if (kept && kept.path === u.pathname) {
          return new URLSearchParams(kept.query);
        }
      } catch (ignored) { /* no state kept */ }
    }
    return new URLSearchParams(u.search);
  }
  // A paste by script fires an input event per line: the fields are read
  // once those events are over (each read copies the whole text), or at
  // once when the page is hidden or left.
  var typed = {}, due = false;
  document.addEventListener("input", function (e) {
    var el = e.target;
    var key = el && el.getAttribute && el.getAttribute("data-q");
    if (!key || document.documentElement.getAttribute("data-app") === "ready") {
      return;
    }
    typed[key] = el;
    if (!due) {
      due = true;
      window.setTimeout(writeTyped, 0);
    }
  }, true);
  window.addEventListener("pagehide", writeTyped);
  document.addEventListener("visibilitychange", writeTyped);
  function writeTyped() {
    var keys = Object.keys(typed);
    due = false;
    if (keys.length === 0 || document.documentElement.getAttribute("data-app") === "ready") {
      typed = {};
      return;
    }
    var u = new URL(window.location.href);
    var q = typedState(u);
    keys.forEach(function (key) {
      q.set(key, typed[key].value);
    });
    typed = {};
    // The rest of the fragment: a packed state of a link stays, under
    // what is typed (the app reads the query over it).
    var rest = u.hash.slice(1);
    if (rest.indexOf(sessionMark) === 0) {
      rest = rest.slice(sessionMark.length).replace(/^&/, "");
    }
    u.search = q.toString();
    u.hash = rest;
    if (u.pathname.length + 1 + q.toString().length > 2000) {
      try {
        window.sessionStorage.setItem(stateKey, JSON.stringify({ path: u.pathname, query: q.toString() }));
        var small = new URLSearchParams();
        ["model", "lang", "cur"].forEach(function (k) {
          if (q.has(k)) {
            small.set(k, q.get(k));
          }
        });
        u.search = small.toString();
        u.hash = sessionMark + (rest ? "&" + rest : "");
      } catch (ignored) { /* no room: the long address it is */ }
    }
    window.history.replaceState(window.history.state, "", u.toString());
  }

  // Remember where the visitor is typing, so the app can put the caret back
  // when it replaces the prerendered page.
  function remember(e) {
    var el = e.target;
    if (!el || !el.id || document.documentElement.getAttribute("data-app") === "ready") {
      return;
    }
    var f = { id: el.id, start: null, end: null };
    try {
      f.start = el.selectionStart;
      f.end = el.selectionEnd;
    } catch (ignored) { /* not a text field */ }
    window.ltvFocus = f;
  }
  document.addEventListener("focusin", remember, true);
  document.addEventListener("keyup", remember, true);
  // Focus moving to another element forgets the field; the app replacing
  // the page (the field removed, nothing focused next) does not.
  document.addEventListener("focusout", function (e) {
    if (e.relatedTarget && document.documentElement.getAttribute("data-app") !== "ready") {
      window.ltvFocus = null;
    }
  }, true);

  // Where the browser denies storage (a third-party iframe, some private
  // modes), reading localStorage throws and would stop the app as it starts:
  // give it a storage that lives as long as the page.
  ["localStorage", "sessionStorage"].forEach(function (name) {
    try {
      window[name].getItem("ltvlab-probe");
    } catch (err) {
      var data = {};
      var shim = {
        getItem: function (k) { return Object.prototype.hasOwnProperty.call(data, k) ? data[k] : null; },
        setItem: function (k, v) { data[k] = String(v); },
        removeItem: function (k) { delete data[k]; },
        clear: function () { data = {}; },
        key: function (i) { return Object.keys(data)[i] || null; },
        get length() { return Object.keys(data).length; }
      };
      try {
        Object.defineProperty(window, name, { value: shim, configurable: true });
      } catch (ignored) { /* nothing more can be done */ }
    }
  });

  // In an iframe (the /embed view), tell the parent page how tall the
  // calculator is, so it can size the frame: on load, on every resize and
  // when the app starts. Two messages: a generic one, and the one WordPress
  // listens for, with the secret it passes in the URL fragment (#?secret=).
  if (window.parent === window) {
    return;
  }
  var secret = "";
  var m = /[#&?]secret=([A-Za-z0-9]+)/.exec(window.location.hash);
  if (m) {
    secret = m[1];
  }
  var last = -1;
  function post() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h === last) {
      return;
    }
    last = h;
    var ready = document.documentElement.getAttribute("data-app") === "ready";
    window.parent.postMessage({ type: "ltvlab:height", height: h, ready: ready }, "*");
    window.parent.postMessage({ message: "height", value: h, secret: secret }, "*");
  }
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  if (window.ResizeObserver) {
    document.addEventListener("DOMContentLoaded", function () {
      new ResizeObserver(post).observe(document.documentElement);
    });
  }
  new MutationObserver(function () {
    last = -1;
    post();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ["data-app"] });
})();
