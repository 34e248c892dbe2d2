// Kiosk and slip printing. The kiosk browser runs Chromium with --kiosk --kiosk-printing, so
// window.print() goes straight to the default (80 mm thermal) printer without a dialog.
// The call is deferred so the Blazor interop call returns at once even where a dialog opens.
export function printSlip() {
    setTimeout(() => window.print(), 50);
}
