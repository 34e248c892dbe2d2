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

    /// <summary>A problem with extension members (RFC 9457 §3.2), e.g. what was done with the rest of a batch.</summary>
    public static IResult Result(int status, string code, string message, IEnumerable<KeyValuePair<string, object?>> extensions)
    {
        var body = Body(status, code, message);
        foreach (var (name, value) in extensions) body.TryAdd(name, value);
        return Results.Json(body, JsonOptions, "application/problem+json", status);
    }

    /// <summary>
    /// The exception handler of the device API: a problem, never the HTML error page. A request Kestrel refused while
    /// it was being read (too large, cut off) keeps its status.
    /// </summary>
    public static Task UnhandledAsync(HttpContext context)
    {
        var error = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error;
        return error switch
        {
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "request_too_large", "请求内容过大。"),
            BadHttpRequestException bad => WriteAsync(context, bad.StatusCode, "bad_request", "请求不完整或格式不正确。"),
            _ => WriteAsync(context, StatusCodes.Status500InternalServerError, "internal_error", "服务器内部错误，请稍后重试；如持续出现请联系系统管理员。"),
        };
    }

    public static Task WriteAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(Body(status, code, message), JsonOptions));
    }

    private static Dictionary<string, object?> Body(int status, string code, string message) => new()
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
