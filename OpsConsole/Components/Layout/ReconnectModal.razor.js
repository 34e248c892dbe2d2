// .NET 10's reconnect modal script (from the template). One addition: while the server is
// unreachable after the client script's own attempts ran out ("failed"), keep retrying every
// 5 s (a hall PC is left unattended), as well as when the tab becomes visible again.
const reconnectModal = document.getElementById("components-reconnect-modal");
reconnectModal.addEventListener("components-reconnect-state-changed", handleReconnectStateChanged);

const retryButton = document.getElementById("components-reconnect-button");
retryButton.addEventListener("click", retry);

const resumeButton = document.getElementById("components-resume-button");
resumeButton.addEventListener("click", resume);

let retryTimer = null;

function handleReconnectStateChanged(event) {
    if (event.detail.state === "show") {
        reconnectModal.showModal();
    } else if (event.detail.state === "hide") {
        stopRetrying();
        reconnectModal.close();
    } else if (event.detail.state === "failed") {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
        if (!retryTimer) retryTimer = setInterval(retry, 5000);
    } else if (event.detail.state === "rejected") {
        location.reload();
    }
}

function stopRetrying() {
    if (retryTimer) { clearInterval(retryTimer); retryTimer = null; }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenDocumentBecomesVisible);

    try {
        // true: reconnected; false: the server answered but no longer knows the circuit (it
        // restarted); an exception: the server is still unreachable.
        const successful = await Blazor.reconnect();
        if (!successful) {
            stopRetrying();
            const resumeSuccessful = await Blazor.resumeCircuit();
            if (!resumeSuccessful) {
                location.reload();
            } else {
                reconnectModal.close();
            }
        } else {
            stopRetrying();
        }
    } catch (err) {
        document.addEventListener("visibilitychange", retryWhenDocumentBecomesVisible);
    }
}

async function resume() {
    try {
        const successful = await Blazor.resumeCircuit();
        if (!successful) {
            location.reload();
        }
    } catch {
        reconnectModal.classList.replace("components-reconnect-paused", "components-reconnect-resume-failed");
    }
}

async function retryWhenDocumentBecomesVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
