namespace OpsConsole.Printing;

/// <summary>
/// A PDF could not be made (Chromium missing, crashed or timed out). The message is a Chinese
/// localization key for the user; the print view keeps working.
/// </summary>
public sealed class PrintUnavailableException(string message, Exception? inner = null) : Exception(message, inner)
{
    public const string Missing = "服务器上没有可用的 Chromium，暂时不能生成 PDF。请联系管理员安装 chromium 或配置 Printing:ChromiumPath；也可以打开打印视图，用浏览器打印。";
    public const string Crashed = "生成 PDF 时浏览器出错，请稍后重试；也可以打开打印视图，用浏览器打印。";
    public const string TimedOut = "生成 PDF 超时，请缩小范围后重试；也可以打开打印视图，用浏览器打印。";
}
