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

  // A link's figures in the prerendered fields, which show the defaults:
  // the head script hid them (data-fill) until this is done.
  if (document.documentElement.hasAttribute("data-fill")) {
    var params = new URLSearchParams(window.location.search);
    Array.prototype.forEach.call(document.querySelectorAll("[data-q]"), function (el) {
      var key = el.getAttribute("data-q");
      if (params.has(key)) {
        el.value = params.get(key);
      }
    });
    document.documentElement.removeAttribute("data-fill");
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

  // An embed view shows its prerendered figures only when they are the
  // link's: its own calculator (/embed?model=... of earlier snippets names
  // another), no figures in the query, and the language and currency the
  // app will take (app/ui localeFrom). Otherwise it shows the link's figures
  // in its fields and hides the results until the app has computed them
  // (web/ltv.css: the embed stays hidden until this says so).
  var embed = document.querySelector("main.embed");
  if (embed) {
    var q = new URLSearchParams(window.location.search);
    var model = q.get("model");
    if (!model || model === embed.getAttribute("data-model")) {
      var lang = q.get("lang");
      if (["en", "fr", "ro", "th"].indexOf(lang) < 0) {
        lang = "en";
        var langs = navigator.languages || [];
        for (var i = 0; i < langs.length; i++) {
          if (["en", "fr", "ro", "th"].indexOf(langs[i].slice(0, 2)) >= 0) {
            lang = langs[i].slice(0, 2);
            break;
          }
        }
      }
      var same = lang === "en" && (q.get("cur") || "USD") === "USD";
      embed.querySelectorAll("[data-q]").forEach(function (el) {
        var v = q.get(el.getAttribute("data-q"));
        if (v !== null && v !== el.value) {
          el.value = v;
          same = false;
        }
      });
      document.documentElement.setAttribute("data-embed", same ? "as-prerendered" : "figures");
    }
  }

  // In an iframe (the embed views), tell the parent page how tall the
  // calculator is, so it can size the frame: on load, on every resize, when
  // the app starts, and whenever the parent says it is ready to listen. Two
  // messages: a generic one, and the one WordPress listens for, with the
  // secret it passes in the URL fragment (#?secret=).
  if (window.parent === window) {
    return;
  }
  var secret = "";
  var m = /[#&?]secret=([A-Za-z0-9]+)/.exec(window.location.hash);
  if (m) {
    secret = m[1];
  }
  var last = -1;
  // height is the document's laid-out height, or 0 while there is none to
  // tell: before the page is parsed, and while the app swaps the
  // prerendered page for its own (not one main element then). A frame
  // that its page has not laid out yet may be very narrow, and its height
  // then thousands of pixels: it is told all the same, as WordPress shows
  // a frame only once told a height, and Chromium tells a hidden frame of
  // another origin no new width; shown, the frame tells its real height.
  function height() {
    if (document.readyState === "loading" || document.querySelectorAll("main").length !== 1) {
      return 0;
    }
    return Math.ceil(document.documentElement.getBoundingClientRect().height);
  }
  function post() {
    var h = height();
    if (h <= 0 || h === last) {
      return;
    }
    last = h;
    var ready = document.documentElement.getAttribute("data-app") === "ready";
    window.parent.postMessage({ type: "ltvlab:height", height: h, ready: ready, width: window.innerWidth }, "*");
    window.parent.postMessage({ message: "height", value: h, secret: secret }, "*");
  }
  function resend() {
    last = -1;
    post();
  }
  window.addEventListener("load", post);
  window.addEventListener("resize", post);
  // Chromium renders no frame of another origin that is out of sight or
  // hidden (WordPress hides its frame until told a height), so such a
  // frame gets neither resize events nor ResizeObserver's: until a height
  // is told, look again every 250 ms.
  var poll = setInterval(function () {
    post();
    if (last > 0) {
      clearInterval(poll);
    }
  }, 250);
  if (window.ResizeObserver) {
    document.addEventListener("DOMContentLoaded", function () {
      new ResizeObserver(post).observe(document.documentElement);
    });
  }
  new MutationObserver(resend).observe(document.documentElement, { attributes: true, attributeFilter: ["data-app"] });
  // WordPress (wp-embed.js) says "ready" once it listens, which may be
  // after the embed has told its height; so may the snippet's onload.
  window.addEventListener("message", function (e) {
    var d = e.data;
    if (e.source === window.parent && d && d.message === "ready" && d.secret === secret) {
      resend();
    }
  });

  // The link out opens a new window where the frame may (the snippet's
  // sandbox allows popups); WordPress's sandbox does not, and opens it in
  // the top window when the embed asks with its secret.
  document.addEventListener("click", function (e) {
    var a = secret && e.target && e.target.closest && e.target.closest("a[target=_blank]");
    if (a) {
      e.preventDefault();
      window.parent.postMessage({ message: "link", value: a.href, secret: secret }, "*");
    }
  }, true);
})();
