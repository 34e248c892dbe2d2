// The lobby display (综合屏): the newest call large, the last 6 calls, waiting per queue, a
// scrolling notice, and each call spoken twice, one utterance at a time. Texts come from the
// page's data- attributes (localized on the server). window.__lobby is a hook for tests.
(() => {
  const root = document.getElementById("lobby");
  if (!root) return;
  const d = root.dataset;
  const { format } = window.opsDisplay;
  const MAX_CALLS = 6;
  const REPETITIONS = 2;

  const state = { calls: [], waiting: [], notice: null };
  const status = {};
  const hook = window.__lobby = { spoken: [], uttered: [], state, status, speaking: 0, maxSpeaking: 0, speechBlocked: false };

  const el = id => document.getElementById(id);
  // An icon the page drew (an OpsIcon in a <template>), copied: no icon markup is built here.
  const iconFrom = id => { const t = el(id); return (t.content.firstElementChild ?? t.firstElementChild).cloneNode(true); };
  const text = (node, value) => { if (node.textContent !== value) node.textContent = value; };

  // ---- rendering ----
  function renderNow(flash) {
    const call = state.calls[0];
    const now = el("lobby-now");
    now.classList.toggle("lobby-now-empty", !call);
    text(el("now-number"), call ? call.number : d.noCalls);
    el("now-number").style.setProperty("--chars", call ? call.number.length : 4);
    text(el("now-window"), call ? format(d.windowFormat, call.windowNumber) : "");
    text(el("now-queue"), call ? call.queueName + (call.recall ? " · " + d.recall : "") : d.noCallsHint);
    if (flash && call) {
      now.classList.remove("lobby-flash");
      void now.offsetWidth; // restart the animation
      now.classList.add("lobby-flash");
    }
  }

  function renderRecent() {
    const list = el("recent");
    const rows = state.calls.slice(0, MAX_CALLS).map((c, i) => {
      const li = document.createElement("li");
      li.className = "lobby-recent-row" + (i === 0 ? " lobby-recent-latest" : "");
      li.dataset.number = c.number;
      const num = document.createElement("span");
      num.className = "lobby-recent-number";
      num.textContent = c.number;
      const arrow = iconFrom("icon-recent-arrow");
      const win = document.createElement("span");
      win.className = "lobby-recent-window";
      win.textContent = format(d.windowFormat, c.windowNumber);
      const queue = document.createElement("span");
      queue.className = "lobby-recent-queue";
      queue.textContent = c.queueName;
      li.append(num, arrow, win, queue);
      return li;
    });
    for (let i = rows.length; i < MAX_CALLS; i++) {
      const li = document.createElement("li");
      li.className = "lobby-recent-row lobby-recent-blank";
      rows.push(li);
    }
    list.replaceChildren(...rows);
  }

  function renderWaiting() {
    const grid = el("waiting");
    grid.replaceChildren(...state.waiting.map(q => {
      const tile = document.createElement("div");
      tile.className = "lobby-queue" + (q.windowsOpen === 0 ? " lobby-queue-closed" : "");
      tile.dataset.queue = q.code;
      const prefix = document.createElement("span");
      prefix.className = "lobby-queue-prefix";
      prefix.textContent = q.prefix;
      const name = document.createElement("span");
      name.className = "lobby-queue-name";
      name.textContent = q.name;
      const count = document.createElement("span");
      count.className = "lobby-queue-count";
      count.textContent = q.waiting;
      const unit = document.createElement("span");
      unit.className = "lobby-queue-unit";
      unit.textContent = q.windowsOpen === 0 ? d.noWindow : d.waitingUnit;
      count.append(unit);
      tile.append(prefix, name, count);
      return tile;
    }));
  }

  function renderNotice() {
    text(el("notice"), state.notice || d.defaultNotice);
  }

  // ---- speech: a queue of utterances, never two at once ----
  const speech = [];
  let busy = false;
  let voice = null;
  const lang = d.speechLang || "zh-CN";
  const digits = "零一二三四五六七八九";

  function pickVoice() {
    if (!("speechSynthesis" in window)) return;
    const voices = speechSynthesis.getVoices();
    const prefix = lang.split("-")[0];
    voice = voices.find(v => v.lang === lang) || voices.find(v => v.lang && v.lang.startsWith(prefix)) || null;
  }
  if ("speechSynthesis" in window) {
    pickVoice();
    speechSynthesis.addEventListener("voiceschanged", pickVoice);
  }

  // "A023" is read digit by digit: "A 零 二 三" in Chinese, "A 0 2 3" otherwise.
  const spell = number => [...number].map(ch => /\d/.test(ch) && lang.startsWith("zh") ? digits[+ch] : ch).join(" ");

  function queueSpeech(call) {
    const words = format(d.speechFormat, spell(call.number), call.windowNumber);
    for (let r = 1; r <= REPETITIONS; r++) {
      const item = { number: call.number, windowNumber: call.windowNumber, recall: !!call.recall, repetition: r, text: words };
      speech.push(item);
      hook.spoken.push(item);
    }
    pump();
  }

  function pump() {
    if (busy || speech.length === 0) return;
    const item = speech.shift();
    busy = true;
    hook.speaking++;
    hook.maxSpeaking = Math.max(hook.maxSpeaking, hook.speaking);
    hook.uttered.push(item);
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(guard);
      hook.speaking--;
      busy = false;
      setTimeout(pump, 700);
    };
    // A voice that never reports its end must not stall the queue.
    const guard = setTimeout(() => {
      try { if ("speechSynthesis" in window) speechSynthesis.cancel(); } catch { /* ignore */ }
      done();
    }, Math.max(5000, item.text.length * 450));
    if (!("speechSynthesis" in window)) return;
    const u = new SpeechSynthesisUtterance(item.text);
    u.lang = lang;
    if (voice) u.voice = voice;
    u.rate = 0.85;
    u.onend = done;
    u.onerror = e => {
      if (e && e.error === "not-allowed") {
        hook.speechBlocked = true;
        el("lobby-sound").hidden = false;
      }
      done();
    };
    speechSynthesis.speak(u);
  }

  // Browsers may refuse speech until the screen was touched once (or Chromium runs with
  // --autoplay-policy=no-user-gesture-required): a hint asks for one touch.
  document.addEventListener("click", () => {
    el("lobby-sound").hidden = true;
    hook.speechBlocked = false;
  });

  // ---- events ----
  function onCall(call) {
    // A recall moves the number back to the top instead of listing it twice.
    state.calls = [call, ...state.calls.filter(c => c.number !== call.number)].slice(0, MAX_CALLS);
    renderNow(true);
    renderRecent();
    queueSpeech(call);
  }

  function onSnapshot(snapshot) {
    const lobby = snapshot.lobby;
    if (!lobby) return;
    state.calls = lobby.calls.slice(0, MAX_CALLS);
    state.waiting = lobby.waiting;
    state.notice = lobby.notice;
    renderNow(false);
    renderRecent();
    renderWaiting();
    renderNotice();
  }

  renderNow(false);
  renderRecent();
  renderNotice();
  window.opsDisplay.clock(status, el("lobby-time"), el("lobby-date"), d.lang);
  window.opsDisplay.connect({
    status,
    banner: el("lobby-stale"),
    onSnapshot,
    handlers: {
      call: onCall,
      waiting: w => { state.waiting = w; renderWaiting(); },
      notice: n => { state.notice = n; renderNotice(); },
    },
  });
})();
