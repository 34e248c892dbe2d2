using System.Text.Json;

namespace OpsConsole.Auth;

/// <summary>
/// Errors of the device API as RFC 9457 problem details with a stable code and a Chinese
/// message for the device to show ("title" is the message; "code" is for programs).
/// </summary>
public static class ApiProblems
{
    public static IResult Result(int status, string code, string message) =>
        Results.Json(Body(status, code, message), JsonOptions, "application/problem+json", status);

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(Body(status, code, message), JsonOptions));
    }

    private static Dictionary<string, object> Body(int status, string code, string message) => new()
    {
        ["type"] = $"https://opsconsole.local/problems/{code}",
        ["title"] = message,
        ["status"] = status,
        ["code"] = code,
    };

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
