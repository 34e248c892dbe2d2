// OpsConsole page script. Reconnection is .NET 10's reconnect modal (Components/Layout/ReconnectModal).
window.opsConsole = {
  markInteractive: () => { document.documentElement.dataset.interactive = "true"; },
};

// Elapsed clocks (Components/Pages/Counter/Elapsed.razor): the server renders the elapsed time in
// data-elapsed-ms; this ticks it every second in the browser. A new value from the server (the
// parent rendered again, or a new ticket) restarts the count from it.
(() => {
  const pad = (n) => String(n).padStart(2, "0");
  const format = (ms) => {
    const s = Math.max(0, Math.floor(ms / 1000));
    const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
    return h >= 1 ? `${h}:${pad(m)}:${pad(sec)}` : `${pad(m)}:${pad(sec)}`;
  };
  const tick = () => {
    const now = Date.now();
    for (const el of document.querySelectorAll("[data-elapsed-ms]")) {
      const value = el.getAttribute("data-elapsed-ms");
      if (el.opsElapsedValue !== value) {
        el.opsElapsedValue = value;
        el.opsElapsedAt = now;
      }
      const text = format(Number(value) + now - el.opsElapsedAt);
      // The text node Blazor owns is kept (its nodeValue changed), so Blazor's later updates still land.
      const node = el.firstChild;
      if (node && node.nodeType === Node.TEXT_NODE) {
        if (node.nodeValue !== text) node.nodeValue = text;
      } else if (!node) {
        el.textContent = text;
      }
    }
  };
  setInterval(tick, 1000);
})();
