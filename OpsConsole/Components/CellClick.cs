using Microsoft.AspNetCore.Components;

namespace OpsConsole.Components;

/// <summary>
/// A click (or double click: <c>@oncelldblclick</c>) inside a large grid, named by the <c>data-cell</c> of the element clicked (the browser side is
/// <c>wwwroot/OpsConsole.lib.module.js</c>). The grid takes one <c>@oncellclick</c> handler instead of a
/// lambda per cell: a handler and its closure per cell are kept in every open page's circuit (ADR 0051).
/// </summary>
public sealed class CellClickEventArgs : EventArgs
{
    /// <summary>The <c>data-cell</c> of the nearest element clicked that has one; empty when the click was elsewhere in the grid.</summary>
    public string Cell { get; set; } = "";
}

[EventHandler("oncellclick", typeof(CellClickEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
[EventHandler("oncelldblclick", typeof(CellClickEventArgs), enableStopPropagation: true, enablePreventDefault: true)]
public static class EventHandlers
{
}
