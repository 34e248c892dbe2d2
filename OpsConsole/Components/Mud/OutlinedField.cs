using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace OpsConsole.Components.Mud;

/// <summary>
/// MudBlazor's dense outlined text field as markup drawn into the caller's own render tree: the same classes, label,
/// border legend and error line as <c>MudTextField</c>, a plain <c>input</c> or <c>textarea</c> bound on change. A long
/// form of MudTextFields kept five components per field in every open editor's circuit; this keeps none (ADR 0052).
/// The label floats by MudBlazor's own CSS: on focus, and through <c>mud-shrink</c> while the field has a value.
/// </summary>
public static class OutlinedField
{
    /// <summary>What the field shows and where a change goes.</summary>
    /// <param name="Id">The input's id, which the label points at; unique on the page.</param>
    /// <param name="Label">The floating label, or null for a field with a <paramref name="Placeholder"/> only.</param>
    /// <param name="Value">The current text.</param>
    /// <param name="Set">Receives the text when the user changes it.</param>
    /// <param name="MaxLength">The longest text the field accepts.</param>
    /// <param name="Error">The error shown under the field, or null.</param>
    /// <param name="Lines">1 for an input; more for a textarea of that many rows.</param>
    /// <param name="TestId">The <c>data-testid</c> of the input, or null.</param>
    /// <param name="Placeholder">Shown in an empty field, or null.</param>
    /// <param name="Class">Extra classes on the outer element, or null.</param>
    public sealed record Spec(string Id, string? Label, string? Value, Action<string> Set, int MaxLength,
        string? Error = null, int Lines = 1, string? TestId = null, string? Placeholder = null, string? Class = null);

    /// <summary>The field drawn for <paramref name="spec"/>; a change re-renders <paramref name="receiver"/>.</summary>
    public static RenderFragment Render(object receiver, Spec spec) => builder => Build(builder, receiver, spec);

    private static void Build(RenderTreeBuilder b, object receiver, Spec s)
    {
        var error = s.Error is not null ? " mud-input-error" : "";
        var withLabel = s.Label is not null ? " mud-input-outlined-with-label" : "";
        var shrink = string.IsNullOrEmpty(s.Value) ? "" : " mud-shrink";

        b.OpenElement(0, "div");
        b.AddAttribute(1, "class", $"mud-input-control mud-input-control-margin-dense{error}{withLabel} mud-input-input-control mud-input-sizing-fixed {s.Class}".TrimEnd());
        b.OpenElement(2, "div");
        b.AddAttribute(3, "class", "mud-input-control-input-container");
        b.OpenElement(4, "div");
        b.AddAttribute(5, "class", $"mud-input mud-input-outlined{withLabel} mud-input-margin-dense{shrink}{error} mud-typography-subtitle1 mud-input-sizing-fixed");

        b.OpenElement(6, s.Lines > 1 ? "textarea" : "input");
        b.AddAttribute(7, "class", "mud-input-slot mud-input-root mud-input-root-outlined mud-input-root-margin-dense");
        b.AddAttribute(8, "id", s.Id);
        if (s.Lines > 1) b.AddAttribute(9, "rows", s.Lines);
        else b.AddAttribute(10, "type", "text");
        b.AddAttribute(11, "maxlength", s.MaxLength);
        b.AddAttribute(12, "aria-invalid", s.Error is not null ? "true" : "false");
        b.AddAttribute(13, "placeholder", s.Placeholder);
        b.AddAttribute(14, "data-testid", s.TestId);
        b.AddAttribute(15, "value", s.Value ?? "");
        b.AddAttribute(16, "onchange", EventCallback.Factory.Create<ChangeEventArgs>(receiver, e => s.Set(e.Value as string ?? "")));
        b.SetUpdatesAttributeName("value");
        b.CloseElement();

        b.OpenElement(17, "fieldset");
        b.AddAttribute(18, "class", "mud-input-outlined-border");
        b.OpenElement(19, "legend");
        b.AddContent(20, s.Label);
        b.CloseElement();
        b.CloseElement();
        b.CloseElement(); // .mud-input

        if (s.Label is not null)
        {
            b.OpenElement(21, "label");
            b.AddAttribute(22, "class", $"mud-input-label mud-input-label-animated mud-input-label-outlined mud-input-label-margin-dense{error} mud-input-label-inputcontrol");
            b.AddAttribute(23, "for", s.Id);
            b.AddContent(24, s.Label);
            b.CloseElement();
        }
        b.CloseElement(); // .mud-input-control-input-container

        if (s.Error is not null)
        {
            b.OpenElement(25, "div");
            b.AddAttribute(26, "class", "mud-input-control-helper-container px-2");
            b.OpenElement(27, "div");
            b.AddAttribute(28, "class", "d-flex mud-input-helper-text mud-input-error");
            b.OpenElement(29, "div");
            b.AddAttribute(30, "class", "me-auto");
            b.AddContent(31, s.Error);
            b.CloseElement();
            b.CloseElement();
            b.CloseElement();
        }
        b.CloseElement();
    }
}
