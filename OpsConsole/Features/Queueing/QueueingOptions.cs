namespace OpsConsole.Features.Queueing;

/// <summary>The "Queueing" section of configuration.</summary>
public sealed class QueueingOptions
{
    public const string Section = "Queueing";

    /// <summary>The public demo salt: refused outside Development unless Setup:AllowDemoDefaults.</summary>
    public const string DemoIdNumberSalt = "opsconsole-demo-salt-change-me";

    /// <summary>Recalls before a ticket becomes a no-show (default 2).</summary>
    public int MaxRecalls { get; set; } = 2;

    /// <summary>Secret mixed into ID-number hashes; set one per installation (default: a demo value).</summary>
    public string IdNumberSalt { get; set; } = DemoIdNumberSalt;

    /// <summary>
    /// Kiosk tickets one ID number may take in one queue per day (against ticket scalping); 0 = no limit. Default 2:
    /// a second one for an applicant whose first was missed.
    /// </summary>
    public int TicketsPerIdPerQueueDay { get; set; } = 2;

    /// <summary>Base address printed in QR codes on slips (the public status page), e.g. https://zwfw.example.gov.cn.</summary>
    public string PublicBaseUrl { get; set; } = "";
}
