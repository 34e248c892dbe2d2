namespace OpsConsole.Domain.Awards;

/// <summary>Kinds of honor (评先树优); each numbers its certificates per year.</summary>
public enum AwardKind
{
    RedFlagWindow,     // 红旗窗口
    ServiceModel,      // 服务标兵
    CivilizedWindow,   // 文明窗口
    CivilizedModel,    // 文明标兵
    OutstandingChief,  // 优秀首席代表
}

public static class AwardKinds
{
    /// <summary>The honor's Chinese title (a localization key).</summary>
    public static string Title(AwardKind kind) => kind switch
    {
        AwardKind.RedFlagWindow => "红旗窗口",
        AwardKind.ServiceModel => "服务标兵",
        AwardKind.CivilizedWindow => "文明窗口",
        AwardKind.CivilizedModel => "文明标兵",
        AwardKind.OutstandingChief => "优秀首席代表",
        _ => kind.ToString(),
    };

    /// <summary>The one-character word that keeps the kinds' number series apart ({kind} in the number format).</summary>
    public static string Word(AwardKind kind) => kind switch
    {
        AwardKind.RedFlagWindow => "旗",
        AwardKind.ServiceModel => "标",
        AwardKind.CivilizedWindow => "文",
        AwardKind.CivilizedModel => "明",
        AwardKind.OutstandingChief => "首",
        _ => "荣",
    };
}
