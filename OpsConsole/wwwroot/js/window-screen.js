// The window screen (窗口屏): window, staff member and photo (or a placeholder with the family
// name), the number being served large, and "暂停服务" when paused or closed. Fed by the hub.
(() => {
  const root = document.getElementById("wscreen");
  if (!root || !document.getElementById("ws-ticket")) return;
  const d = root.dataset;
  const { format } = window.opsDisplay;
  const el = id => document.getElementById(id);
  // An icon the page drew (an OpsIcon in a <template>), copied: no icon markup is built here.
  const iconFrom = id => { const t = el(id); return (t.content.firstElementChild ?? t.firstElementChild).cloneNode(true); };
  const status = {};
  const hook = window.__windowScreen = { state: null, status };

  const reasons = { Break: d.reasonBreak, Meeting: d.reasonMeeting, BackOffice: d.reasonBackoffice, Other: d.reasonOther };

  function renderPhoto(w) {
    const box = el("ws-photo");
    const key = (w.staffPhotoUrl || "") + "|" + (w.staffName || "");
    if (box.dataset.key === key) return;
    box.dataset.key = key;
    if (w.staffPhotoUrl) {
      const img = document.createElement("img");
      img.src = w.staffPhotoUrl;
      img.alt = w.staffName || "";
      // A broken photo falls back to the placeholder.
      img.addEventListener("error", () => box.replaceChildren(placeholder(w.staffName)));
      box.replaceChildren(img);
    } else {
      box.replaceChildren(placeholder(w.staffName));
    }
  }

  function placeholder(name) {
    const span = document.createElement("span");
    span.className = "wscreen-avatar";
    if (name) span.textContent = [...name][0];
    else {
      span.append(iconFrom("icon-avatar"));
    }
    return span;
  }

  function render(w) {
    if (!w) return;
    hook.state = w;
    const label = format(d.windowFormat, w.windowNumber);
    el("ws-window-number").textContent = label;
    // "不动产登记 1号窗口" under "1号窗口" reads "不动产登记".
    const name = w.windowName.endsWith(label) ? w.windowName.slice(0, -label.length).trim() : w.windowName;
    el("ws-window-name").textContent = name || w.windowName;
    el("ws-staff-name").textContent = w.staffName || d.noStaff;
    renderPhoto(w);
    const closed = w.state === "Closed";
    const stopped = closed || w.paused;
    root.classList.toggle("wscreen-stopped", stopped);
    el("ws-paused").hidden = !stopped;
    el("ws-serving").hidden = stopped;
    el("ws-pause-reason").textContent = closed
      ? d.closed
      : [reasons[w.pauseReason] || "", w.pauseNote || ""].filter(Boolean).join(" · ");
    const current = el("ws-current");
    current.textContent = w.current || d.idle;
    current.style.setProperty("--chars", w.current ? w.current.length : 4);
    current.classList.toggle("wscreen-current-idle", !w.current);
    // The item the applicant chose at the kiosk, under the number (never the ID: the screen faces the hall).
    const item = el("ws-item");
    item.textContent = w.current && w.currentItem ? w.currentItem : "";
    item.hidden = !item.textContent;
  }

  if (d.initial) render(JSON.parse(d.initial));
  window.opsDisplay.clock(status, el("ws-time"), null, document.documentElement.lang);
  window.opsDisplay.connect({
    status,
    banner: el("wscreen-stale"),
    onSnapshot: s => render(s.window),
    handlers: { window: render },
  });
})();
