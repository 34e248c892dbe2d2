// Input limits (issue 14, defect 10). A Blazor page sends an edited value to the server in one
// message, and a message over the circuit's limit (32 KB) drops the page's connection with the
// edit. Every text field therefore has a length limit: its own maxlength, or a default here (the
// server checks the real limits again). When a field reaches its limit, the user is told next to it.
(() => {
  const defaults = { INPUT: 500, TEXTAREA: 4000 };
  const textTypes = new Set(["", "text", "search", "email", "tel", "url", "password"]);
  const meta = document.querySelector('meta[name="ops-input-limit-text"]');
  const template = meta ? meta.content : "最多 {0} 个字，超出的部分已截去。";

  function limitOf(el) {
    if (el.tagName === "INPUT" && !textTypes.has((el.getAttribute("type") || "").toLowerCase())) return 0;
    if (!(el.tagName in defaults)) return 0;
    // MudBlazor writes maxlength="524288" on fields without a limit of their own: that is no limit here.
    return el.maxLength > 0 && el.maxLength < 524288 ? el.maxLength : defaults[el.tagName];
  }

  // One notice for the page, outside the components' markup (Blazor owns the nodes around a field).
  let notice = null, hideTimer = null;
  function tell(text) {
    if (!notice) {
      notice = document.createElement("div");
      notice.id = "input-limit-notice";
      notice.className = "input-limit-notice";
      notice.setAttribute("role", "alert");
      document.body.appendChild(notice);
    }
    notice.textContent = text;
    notice.hidden = false;
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => { notice.hidden = true; }, 5000);
  }

  // Capture phase: runs before Blazor's own input/change handlers read the value.
  window.addEventListener("input", e => {
    const el = e.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) return;
    const limit = limitOf(el);
    if (!limit || el.value.length < limit) return;
    if (el.value.length > limit) el.value = el.value.slice(0, limit);
    tell(template.replace("{0}", String(limit)));
  }, true);
})();
