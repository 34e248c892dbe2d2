// Kiosk and slip printing. The kiosk browser runs Chromium with --kiosk --kiosk-printing, so
// window.print() goes straight to the default (80 mm thermal) printer without a dialog.
// The call is deferred so the Blazor interop call returns at once even where a dialog opens.
export function printSlip() {
    setTimeout(() => window.print(), 50);
}

// A ticket request in flight, kept across a reload or a browser restart: after a crash between the
// server's commit and its answer, the page asks again with the same key and prints that ticket.
const pendingRequest = "opsconsole.kiosk.pendingRequest";

export function rememberRequest(key) {
    localStorage.setItem(pendingRequest, JSON.stringify({ key, at: Date.now() }));
}

export function forgetRequest() {
    localStorage.removeItem(pendingRequest);
}

// The key of a request left unanswered less than maxAgeMs ago, or null.
export function unansweredRequest(maxAgeMs) {
    try {
        const pending = JSON.parse(localStorage.getItem(pendingRequest) ?? "null");
        return pending && typeof pending.key === "string" && Date.now() - pending.at < maxAgeMs ? pending.key : null;
    } catch {
        return null;
    }
}

// ID-card readers and QR scanners on kiosks are keyboard wedges: they type what they read, then Enter
// (docs/kiosk-devices.md). Keys typed within a second of each other make one scan; Enter hands it to the page.
let scanHandler = null;

export function listenForScans(dotnet) {
    if (scanHandler) document.removeEventListener("keydown", scanHandler);
    let buffer = "";
    let last = 0;
    scanHandler = e => {
        if (e.ctrlKey || e.altKey || e.metaKey) return;
        const now = Date.now();
        if (now - last > 1000) buffer = "";
        last = now;
        if (e.key === "Enter") {
            if (buffer.length > 0) {
                e.preventDefault();
                const text = buffer;
                buffer = "";
                dotnet.invokeMethodAsync("ScannedAsync", text);
            }
            return;
        }
        if (e.key.length === 1 && buffer.length < 512) {
            buffer += e.key;
            e.preventDefault();
        }
    };
    document.addEventListener("keydown", scanHandler);
}

// Elder-friendly mode reads each screen's prompt aloud (the browser's own speech synthesis; silent where none).
export function speak(text, lang) {
    if (!("speechSynthesis" in window) || !text) return;
    window.speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang || "zh-CN";
    utterance.rate = 0.9;
    window.speechSynthesis.speak(utterance);
}
