using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Features.Satisfaction;

/// <summary>
/// One rating as reported to the provincial 好差评 platform (ADR 0033): the five-level evaluation (5 非常满意 … 1 非常不满意),
/// the offline channel with its first-level indicator 整体满意度 and the second-level indicators it concerns
/// (服务效率, 服务水平, 服务态度), the item, department, window and staff member, the time, and the case number when the
/// service became a case. The Id is stable, so a record delivered twice is recognisable as one.
/// </summary>
public sealed record RatingReport(
    string Id,
    int Level,
    string LevelName,
    string Channel,
    string Terminal,
    string Indicator,
    IReadOnlyList<string> SecondLevelIndicators,
    IReadOnlyList<string> Reasons,
    string? Comment,
    string? ItemCode,
    string? ItemName,
    string? DepartmentCode,
    string? DepartmentName,
    int WindowNumber,
    string WindowName,
    string? StaffNo,
    string TicketNumber,
    string? CaseNumber,
    DateTimeOffset EvaluatedAt,
    bool RatingCounts);

/// <summary>The national 好差评 vocabulary and the file and wire format of RatingReport (JSON; one record a line in the daily file).</summary>
public static class RatingExportFormat
{
    public const string OfflineChannel = "线下";
    /// <summary>Where an offline rating is given here: the window's evaluator.</summary>
    public const string EvaluatorTerminal = "窗口评价器";
    public const string OverallIndicator = "整体满意度";
    public const string Efficiency = "服务效率";
    public const string Competence = "服务水平";
    public const string Attitude = "服务态度";
    public static readonly IReadOnlyList<string> SecondLevel = [Efficiency, Competence, Attitude];

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Chinese stays readable in the file; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
    };

    /// <summary>5 for 非常满意 down to 1 for 非常不满意, as the national scale counts stars.</summary>
    public static int Score(SatisfactionLevel level) => level switch
    {
        SatisfactionLevel.VerySatisfied => 5,
        SatisfactionLevel.Satisfied => 4,
        SatisfactionLevel.Basic => 3,
        SatisfactionLevel.Dissatisfied => 2,
        _ => 1,
    };

    public static string Name(SatisfactionLevel level) => level switch
    {
        SatisfactionLevel.VerySatisfied => "非常满意",
        SatisfactionLevel.Satisfied => "满意",
        SatisfactionLevel.Basic => "基本满意",
        SatisfactionLevel.Dissatisfied => "不满意",
        _ => "非常不满意",
    };

    public static string Reason(EvaluationReason reason) => reason switch
    {
        EvaluationReason.LongWait => "等待时间长",
        EvaluationReason.PoorAttitude => "服务态度差",
        EvaluationReason.Unskilled => "业务不熟练",
        EvaluationReason.UnclearRequirements => "一次性告知不清",
        EvaluationReason.RepeatedVisits => "多次跑腿",
        EvaluationReason.SystemProblem => "系统或设备问题",
        _ => "其他",
    };

    /// <summary>The second-level indicator a bad rating's reason concerns; null for 其他 (then the comment says it).</summary>
    public static string? IndicatorOf(EvaluationReason reason) => reason switch
    {
        EvaluationReason.LongWait or EvaluationReason.RepeatedVisits or EvaluationReason.SystemProblem => Efficiency,
        EvaluationReason.Unskilled or EvaluationReason.UnclearRequirements => Competence,
        EvaluationReason.PoorAttitude => Attitude,
        _ => null,
    };

    /// <summary>
    /// The second-level indicators a rating speaks to: all three for a good one (the evaluator asks for one overall
    /// level), for a bad one those its reasons name (all three when only 其他 was given).
    /// </summary>
    public static IReadOnlyList<string> IndicatorsOf(SatisfactionLevel level, IEnumerable<EvaluationReason> reasons)
    {
        if (!level.IsBad()) return SecondLevel;
        var named = reasons.Select(IndicatorOf).OfType<string>().ToHashSet();
        return named.Count == 0 ? SecondLevel : SecondLevel.Where(named.Contains).ToList();
    }

    public static string ToLine(RatingReport record) => JsonSerializer.Serialize(record, Json);

    public static RatingReport FromLine(string line) => JsonSerializer.Deserialize<RatingReport>(line, Json)
        ?? throw new FormatException("An empty rating record.");

    /// <summary>The daily file's name: haochaping-{center}-{yyyyMMdd}.jsonl.</summary>
    public static string FileName(string centerCode, DateOnly day) =>
        $"haochaping-{centerCode}-{day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}.jsonl";

    /// <summary>UTF-8 without a byte-order mark, LF line ends.</summary>
    public static readonly Encoding FileEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
}
