// Blazor's JS initializer for this app (picked up by name): custom events that pages use.
export function afterWebStarted(blazor) {
  // Components/CellClick.cs: a click in a grid, named by the data-cell of the element clicked.
  const cell = (event) => ({ cell: event.target.closest?.("[data-cell]")?.dataset.cell ?? "" });
  blazor.registerCustomEventType("cellclick", { browserEventName: "click", createEventArgs: cell });
  blazor.registerCustomEventType("celldblclick", { browserEventName: "dblclick", createEventArgs: cell });
}
