// Shared by the hall's hub-fed screens (lobby display, window screen): one SignalR connection
// to /hubs/display that never gives up, a resync from Snapshot() after every (re)connection,
// a stale banner when no heartbeat ("tick", every 3 s) arrived for 7 s, and the center's clock.
window.opsDisplay = (() => {
  const STALE_AFTER_MS = 7000;

  const format = (template, ...args) => (template || "").replace(/\{(\d+)\}/g, (_, i) => args[+i] ?? "");

  /**
   * Connects and keeps connecting. options: { handlers: { name: fn }, onSnapshot(snapshot),
   * banner: element shown while stale, status: object updated with connected/lastBeat }.
   */
  function connect(options) {
    const status = options.status || {};
    status.connected = false;
    status.lastBeat = Date.now();
    status.offsetMs = 0;
    status.offsetMinutes = 480;
    status.snapshots = 0;

    const connection = new signalR.HubConnectionBuilder()
      .withUrl("/hubs/display")
      // Forever: 0.5 s, 1 s, 2 s, then every 5 s.
      .withAutomaticReconnect({ nextRetryDelayInMilliseconds: ctx => Math.min(500 * 2 ** ctx.previousRetryCount, 5000) })
      .configureLogging(signalR.LogLevel.None)
      .build();
    // Ticks arrive every 3 s: a connection silent for 10 s is dead.
    connection.serverTimeoutInMilliseconds = 10000;
    connection.keepAliveIntervalInMilliseconds = 4000;

    const beat = tick => {
      status.lastBeat = Date.now();
      if (tick && tick.at) {
        status.offsetMs = Date.parse(tick.at) - Date.now();
        status.offsetMinutes = tick.offsetMinutes;
      }
    };

    // A revoked device stops for good: the server says so and closes the connection, or reconnecting is refused.
    let revoked = false;
    const stopped = () => {
      if (revoked) return;
      revoked = true;
      connection.stop();
      location.replace("/device/stopped");
    };
    const checkStillActive = async () => {
      try {
        const response = await fetch("/device/check", { cache: "no-store", headers: { Accept: "application/json" } });
        if (response.status === 401) stopped();
      } catch {
        // The server is away: keep reconnecting.
      }
    };
    connection.on("revoked", stopped);

    for (const [name, handler] of Object.entries(options.handlers || {})) {
      connection.on(name, payload => { beat(); handler(payload); });
    }
    connection.on("tick", beat);

    async function resync() {
      try {
        const snapshot = await connection.invoke("Snapshot");
        beat(snapshot.tick);
        status.snapshots++;
        options.onSnapshot(snapshot);
      } catch (e) {
        console.warn("display snapshot failed", e);
      }
    }

    let starting = false;
    async function start() {
      if (starting) return;
      starting = true;
      for (;;) {
        if (revoked) return;
        try {
          await connection.start();
          break;
        } catch (e) {
          if (e && e.statusCode === 401) { starting = false; stopped(); return; }
          await new Promise(r => setTimeout(r, 3000));
        }
      }
      starting = false;
      status.connected = true;
      await resync();
    }

    connection.onreconnecting(() => { status.connected = false; checkStillActive(); });
    connection.onreconnected(() => { status.connected = true; resync(); });
    // Automatic reconnection never stops, but a close (e.g. the first start failed later) restarts by hand.
    connection.onclose(() => { status.connected = false; if (!revoked) setTimeout(start, 1000); });

    setInterval(() => {
      const stale = Date.now() - status.lastBeat > STALE_AFTER_MS;
      status.stale = stale;
      if (options.banner) options.banner.hidden = !stale;
      document.documentElement.classList.toggle("display-stale", stale);
    }, 1000);

    start();
    return connection;
  }

  /** The center's time now (server clock, center offset) as a Date whose UTC fields read as local time. */
  function centerNow(status) {
    return new Date(Date.now() + (status.offsetMs || 0) + (status.offsetMinutes ?? 480) * 60000);
  }

  /** Runs the clock: time into timeEl (HH:mm:ss), date and weekday into dateEl, in the page's language. */
  function clock(status, timeEl, dateEl, lang) {
    const dateFormat = new Intl.DateTimeFormat(lang, { timeZone: "UTC", month: "long", day: "numeric", weekday: "long" });
    const pad = n => String(n).padStart(2, "0");
    const render = () => {
      const now = centerNow(status);
      if (timeEl) timeEl.textContent = `${pad(now.getUTCHours())}:${pad(now.getUTCMinutes())}:${pad(now.getUTCSeconds())}`;
      if (dateEl) dateEl.textContent = dateFormat.format(now);
    };
    render();
    setInterval(render, 1000);
  }

  return { connect, clock, format };
})();
