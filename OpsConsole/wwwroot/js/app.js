// OpsConsole page script. Reconnection (ADR 0002): the 9.0 Blazor script toggles classes on
// #components-reconnect-modal. When the server rejects the circuit (it restarted), reload the
// page; when an attempt fails, keep retrying every 5 s until the server is back.
window.opsConsole = {
  markInteractive: () => { document.documentElement.dataset.interactive = "true"; },
};

(() => {
  const modal = () => document.getElementById("components-reconnect-modal");
  let retryTimer = null;

  function retry() {
    if (!window.Blazor || typeof window.Blazor.reconnect !== "function") { location.reload(); return; }
    window.Blazor.reconnect().then(ok => { if (ok === false) location.reload(); }).catch(() => {});
  }

  function onClassChange(el) {
    if (el.classList.contains("components-reconnect-rejected")) {
      location.reload();
      return;
    }
    if (el.classList.contains("components-reconnect-failed")) {
      if (!retryTimer) retryTimer = setInterval(retry, 5000);
    } else if (retryTimer) {
      clearInterval(retryTimer);
      retryTimer = null;
    }
  }

  function watch() {
    const el = modal();
    if (!el) return;
    new MutationObserver(() => onClassChange(el)).observe(el, { attributes: true, attributeFilter: ["class"] });
    el.addEventListener("click", e => { if (e.target.closest("[data-reconnect-retry]")) retry(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch); else watch();
})();
