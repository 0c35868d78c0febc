// Registers coi-sw.js (see there) when the page is not cross-origin isolated by its host's
// headers, then reloads once so that the page itself comes through the worker. A plain script,
// run before the playground's module: when the headers are there it does nothing at all.
(() => {
  const key = 'p9rt-coi-reloaded';
  if (self.crossOriginIsolated) {
    // Isolated (by the headers or the worker): a later visit may need one reload again.
    sessionStorage.removeItem(key);
    return;
  }
  if (!window.isSecureContext || !('serviceWorker' in navigator)) return;
  const reloadOnce = () => {
    // A page that is still not isolated after one reload through the worker (a browser that
    // bypasses it, a host that strips it) stays as it is and explains itself (main.ts).
    if (sessionStorage.getItem(key)) return;
    sessionStorage.setItem(key, '1');
    location.reload();
  };
  navigator.serviceWorker.register(new URL('coi-sw.js', document.baseURI)).then(
    (reg) => {
      if (navigator.serviceWorker.controller) reloadOnce(); // controlled, yet loaded without it (a forced reload)
      else if (reg.active) reloadOnce();
      else navigator.serviceWorker.addEventListener('controllerchange', reloadOnce);
    },
    (err) => console.warn(`p9rt: the cross-origin isolation service worker could not be registered: ${err}`),
  );
})();
