using Microsoft.Extensions.Options;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Printing;

/// <summary>Addresses printed in QR codes: Printing:PublicBaseUrl, else Queueing:PublicBaseUrl, else the caller's base.</summary>
public sealed class PublicLinks(IOptions<PrintOptions> print, IOptions<QueueingOptions> queueing)
{
    public const string GuidePath = "/guide/";
    public const string VerifyPath = "/verify/";

    public string Root(string requestBase)
    {
        var configured = !string.IsNullOrWhiteSpace(print.Value.PublicBaseUrl) ? print.Value.PublicBaseUrl : queueing.Value.PublicBaseUrl;
        return (string.IsNullOrWhiteSpace(configured) ? requestBase : configured).TrimEnd('/');
    }

    public string Guide(string code, string requestBase) => Root(requestBase) + GuidePath + Uri.EscapeDataString(code);

    public string Verify(string code, string requestBase) => Root(requestBase) + VerifyPath + Uri.EscapeDataString(code);
}
