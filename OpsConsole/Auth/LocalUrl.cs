namespace OpsConsole.Auth;

/// <summary>
/// Where the app may send a browser after sign-in or a culture switch: only a path of this site.
/// Browsers read "/\host", "/\t/host" and "//host" as another site, so those fall back to the home page
/// (the same rules as ASP.NET Core's <c>IsLocalUrl</c>, which is not public outside MVC).
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/') return false;
        if (url.Length == 1) return true;
        if (url[1] is '/' or '\\') return false;
        foreach (var c in url)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) && c != ' ') return false;
        }
        return !url.Contains('\\');
    }

    /// <summary><paramref name="url"/> when it is local, otherwise the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
