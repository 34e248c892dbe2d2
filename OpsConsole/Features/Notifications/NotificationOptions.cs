namespace OpsConsole.Features.Notifications;

/// <summary>The "Notifications" section: which adapter sends near-turn notices, and when.</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>"Log" (default: demo and tests, nothing leaves the server), "Sms" or "WeChat".</summary>
    public string Channel { get; set; } = "Log";

    /// <summary>Tell the applicant when this many people or fewer are ahead (default 2).</summary>
    public int WhenAhead { get; set; } = 2;

    /// <summary>Longest wait for the gateway before a send counts as failed (default 5 s).</summary>
    public int TimeoutSeconds { get; set; } = 5;

    public SmsOptions Sms { get; set; } = new();
    public WeChatOptions WeChat { get; set; } = new();

    public sealed class SmsOptions
    {
        public string Url { get; set; } = "";
        public string Key { get; set; } = "";
        /// <summary>The header carrying <see cref="Key"/> (default X-Api-Key).</summary>
        public string KeyHeader { get; set; } = "X-Api-Key";
        /// <summary>The gateway's template code for the near-turn text, if it uses templates.</summary>
        public string TemplateCode { get; set; } = "";
    }

    public sealed class WeChatOptions
    {
        /// <summary>message/template/send (the token is added when <see cref="AppId"/> is set), or the center's relay with its own token.</summary>
        public string Url { get; set; } = "";
        public string TemplateId { get; set; } = "";
        /// <summary>The service account's AppID; empty: <see cref="Url"/> needs no token from us.</summary>
        public string AppId { get; set; } = "";
        public string AppSecret { get; set; } = "";
        /// <summary>Where the access token comes from (default: the official cgi-bin/token).</summary>
        public string TokenUrl { get; set; } = "https://api.weixin.qq.com/cgi-bin/token";
    }
}
