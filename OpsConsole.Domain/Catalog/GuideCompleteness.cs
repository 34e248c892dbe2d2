namespace OpsConsole.Domain.Catalog;

/// <summary>
/// Which required elements of a service guide (办事指南) are missing. The names are the
/// elements' Chinese labels (localization keys), in the guide's order.
/// </summary>
public static class GuideCompleteness
{
    public const string Basis = "设定依据";
    public const string Conditions = "受理条件";
    public const string Materials = "申请材料";
    public const string Process = "办理流程";
    public const string StatutoryLimit = "法定办结时限";
    public const string Place = "办理地点";
    public const string Hours = "办理时间";
    public const string Phone = "咨询电话";
    public const string Complaint = "投诉渠道";
    public const string OnlineLink = "网上办理地址";

    /// <summary>The missing required elements; empty when the guide is complete.</summary>
    /// <remarks>Fees may be empty (free); the statutory limit may be 0 only for an on-the-spot item; the online link is required only for items done fully online (0 visits).</remarks>
    public static IReadOnlyList<string> Missing(ServiceItem item)
    {
        var missing = new List<string>();
        if (Blank(item.Basis)) missing.Add(Basis);
        if (Blank(item.Conditions)) missing.Add(Conditions);
        if (!item.Materials.Any(m => !Blank(m.Name))) missing.Add(Materials);
        if (!item.ProcessSteps.Any(s => !Blank(s.Name))) missing.Add(Process);
        // 0 statutory days is an on-the-spot item (即办); with promised days it is a statutory limit left out.
        if (item.StatutoryLimitDays <= 0 && item.PromisedLimitDays > 0) missing.Add(StatutoryLimit);
        if (Blank(item.Place)) missing.Add(Place);
        if (Blank(item.Hours)) missing.Add(Hours);
        if (Blank(item.Phone)) missing.Add(Phone);
        if (Blank(item.ComplaintChannel)) missing.Add(Complaint);
        if (item.VisitsNeeded == 0 && Blank(item.OnlineUrl)) missing.Add(OnlineLink);
        return missing;
    }

    public static bool IsComplete(ServiceItem item) => Missing(item).Count == 0;

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
