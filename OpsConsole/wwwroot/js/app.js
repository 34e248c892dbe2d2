// OpsConsole page script. Reconnection is .NET 10's reconnect modal (Components/Layout/ReconnectModal).
window.opsConsole = {
  markInteractive: () => { document.documentElement.dataset.interactive = "true"; },
};
