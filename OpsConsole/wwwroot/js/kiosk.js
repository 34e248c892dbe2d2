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
