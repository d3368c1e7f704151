// LTV Lab's service worker. This is go-app's Handler.ServiceWorkerTemplate:
// the build fills in the version (the content hash of the site) and the URLs
// to precache (every page and the files they load, already prefixed with the
// site's base path), and serves the result as /app-worker.js.
"use strict";

// The scope is the site's base path, "/" or "/ltv/"; the root page is cached
// under it. Caches are named after the scope, so that sites sharing an origin
// (project sites on one github.io host) never delete each other's caches.
const scope = new URL(self.registration.scope).pathname;
const cachePrefix = "ltvlab " + scope + " ";
const cacheName = cachePrefix + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

// The UI that app.wasm renders names /web/ files without their content hash
// (go-app's resolver in the browser does not know it): answer those from the
// hashed copy of the same build. The pattern is the build's hashedName.
const plainToHashed = new Map();
for (const url of resourcesToCache) {
  const plain = url.replace(/\.[0-9a-f]{12}(\.[^./]+)$/, "$1");
  if (plain !== url) {
    plainToHashed.set(plain, url);
  }
}

// Install only with a complete cache: a failed download fails the install,
// and the worker that was there keeps serving.
self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    try {
      // "no-cache": revalidate, never fill this version's cache with an
      // earlier version's files from the HTTP cache.
      await cache.addAll(resourcesToCache.map((url) => new Request(url, { cache: "no-cache" })));
    } catch (err) {
      await caches.delete(cacheName);
      throw err;
    }
    // Take over at once: the page then hears of the update (go-app's
    // app.js) and offers a reload.
    await self.skipWaiting();
  })());
});

// No clients.claim(): the pages a previous version controls pass to this
// one by themselves (skipWaiting), and a first visit's page, loaded from
// the network, needs no worker. Claiming it would also make go-app's app.js
// take the first install for an update and show the notice.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(cachePrefix) && name !== cacheName)
      .map((name) => caches.delete(name)));
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.pathname.startsWith(scope)) {
    return;
  }
  event.respondWith(request.mode === "navigate" ? navigate(request, url) : resource(request, url));
});

// resource answers from the cache, else from the network.
async function resource(request, url) {
  const cache = await caches.open(cacheName);
  const key = (url.search === "" && plainToHashed.get(url.pathname)) || request;
  const cached = await cache.match(key, { ignoreVary: true });
  return cached || fetch(request);
}

// navigate answers a page load: the page cached for the path whatever the
// query string (the query carries the calculator's inputs), else the
// network, else, offline, the root page, which go-app routes by itself.
async function navigate(request, url) {
  const cache = await caches.open(cacheName);
  const cached = await cache.match(pageURL(url), { ignoreSearch: true, ignoreVary: true });
  if (cached) {
    return unredirected(cached);
  }
  try {
    return await fetch(request);
  } catch (err) {
    const root = isPagePath(url.pathname) && await cache.match(scope, { ignoreVary: true });
    if (root) {
      return unredirected(root);
    }
    throw err;
  }
}

// pageURL is the URL a page is cached under: "/ltv/index.html" is "/ltv/",
// "/ltv/cohort.html" is "/ltv/cohort".
function pageURL(url) {
  let path = url.pathname;
  if (path.endsWith("/index.html")) {
    path = path.slice(0, -"index.html".length);
  } else if (path.endsWith(".html")) {
    path = path.slice(0, -".html".length);
  }
  return url.origin + path;
}

// isPagePath reports whether a path names a page rather than a file.
function isPagePath(path) {
  const last = path.slice(path.lastIndexOf("/") + 1);
  return !last.includes(".") || last.endsWith(".html");
}

// A navigation must not be answered with a response that followed a
// redirect: rebuild it without that flag.
function unredirected(response) {
  if (!response.redirected) {
    return response;
  }
  return new Response(response.body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
