// Cross-origin isolation for static hosts that cannot send headers (GitHub Pages, most CDNs).
//
// The playground needs a shared WebAssembly.Memory, which a browser gives only to a page that is
// cross-origin isolated: every response, worker scripts included, carrying
// Cross-Origin-Opener-Policy: same-origin and Cross-Origin-Embedder-Policy: require-corp. This
// service worker answers the site's own requests (the page, its scripts, its workers, core.wasm)
// with those headers added, so a host that sends neither still yields an isolated page once the
// worker controls it (coi.js registers it and reloads the page once). Requests to other origins
// pass through untouched: the playground makes none, and a worker cannot vouch for them.
//
// Our own lines rather than the coi-serviceworker package: this is the whole mechanism, it has no
// options to get wrong, and it is served as a plain file from web/public without a bundler step.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (e) => e.waitUntil(self.clients.claim()));

self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (new URL(req.url).origin !== self.location.origin) return;
  // Chromium's devtools issue this kind of request; fetch() would reject it.
  if (req.cache === 'only-if-cached' && req.mode !== 'same-origin') return;
  e.respondWith(
    fetch(req).then((res) => {
      if (res.type === 'opaque' || res.type === 'opaqueredirect' || res.status === 0) return res;
      const headers = new Headers(res.headers);
      headers.set('Cross-Origin-Opener-Policy', 'same-origin');
      headers.set('Cross-Origin-Embedder-Policy', 'require-corp');
      headers.set('Cross-Origin-Resource-Policy', 'same-origin');
      return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
    }),
  );
});
