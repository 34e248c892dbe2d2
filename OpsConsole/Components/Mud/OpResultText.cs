using Microsoft.Extensions.Localization;
using OpsConsole.Features.Common;

namespace OpsConsole.Components.Mud;

/// <summary>A use case's error as MudForm shows it: next to its field, or above the form when it names none.</summary>
public static class OpResultText
{
    /// <summary>The localized error if <paramref name="result"/> failed on <paramref name="field"/>; otherwise null.</summary>
    public static string? On(IStringLocalizer L, OpResult? result, string field) =>
        result is { Succeeded: false, Error: not null } && result.Field == field ? Text(L, result) : null;

    /// <summary>The localized error if <paramref name="result"/> failed on none of <paramref name="shownFields"/>; otherwise null.</summary>
    public static string? Elsewhere(IStringLocalizer L, OpResult? result, params string[] shownFields) =>
        result is { Succeeded: false, Error: not null } && (result.Field is null || !shownFields.Contains(result.Field)) ? Text(L, result) : null;

    // Labels passed as arguments ("窗口号") are localization keys too; numbers pass through.
    private static string Text(IStringLocalizer L, OpResult result) =>
        L[result.Error!, (result.Args ?? []).Select(a => a is string s ? (object)L[s].Value : a).ToArray()];
}
