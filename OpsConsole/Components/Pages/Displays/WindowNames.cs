namespace OpsConsole.Components.Pages.Displays;

/// <summary>Window names often end with the window's own label ("不动产登记 1号窗口"): shown next to that label, the ending is dropped.</summary>
public static class WindowNames
{
    public static string Short(string name, string label)
    {
        var trimmed = name.EndsWith(label, StringComparison.Ordinal) ? name[..^label.Length].Trim() : name;
        return trimmed.Length == 0 ? name : trimmed;
    }
}
