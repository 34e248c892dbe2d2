// Counter workstation shortcuts: F-keys work from anywhere on the page and call back into .NET.
// The browser's own F-key actions (help, search, fullscreen…) are suppressed for the keys the
// workstation uses; nothing is sent while the user types in a field or a dialog is open.
const keys = new Set(["F1", "F2", "F3", "F4", "F6", "F7", "F8", "F9"]);

function typing(target) {
  if (!(target instanceof Element)) return false;
  // A field marked data-fkeys (the number to call) takes no F-key of its own: the workstation's keys still work there.
  if (target.closest("[data-fkeys]")) return false;
  return target.closest("input, textarea, select, [contenteditable=''], [contenteditable=true]") !== null;
}

export function register(dotnet) {
  const onKey = e => {
    if (!keys.has(e.key) || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    if (e.repeat || typing(e.target) || document.querySelector(".modal.show, .ops-dialog")) return;
    dotnet.invokeMethodAsync("OnShortcut", e.key).catch(() => { /* circuit gone: the reconnect overlay says so */ });
  };
  document.addEventListener("keydown", onKey);
  // Marks the page as listening (browser tests wait for it before pressing keys).
  document.documentElement.dataset.counterShortcuts = "on";
  return {
    dispose: () => {
      document.removeEventListener("keydown", onKey);
      delete document.documentElement.dataset.counterShortcuts;
    },
  };
}
