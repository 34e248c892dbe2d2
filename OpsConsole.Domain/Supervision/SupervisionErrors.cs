namespace OpsConsole.Domain.Supervision;

/// <summary>Keys of the complaint, inspection and commendation rules' errors; the UI shows them in Chinese.</summary>
public static class SupervisionErrors
{
    public const string TextRequired = "supervision.text_required";
    public const string TextTooLong = "supervision.text_too_long";
    public const string NoTarget = "supervision.no_target";
    public const string AlreadyConcluded = "complaint.already_concluded";
    public const string NotConcluded = "complaint.not_concluded";
    public const string InvalidReplyDays = "complaint.invalid_reply_days";
    public const string WindowClosedThen = "finding.window_closed_then";
    public const string FindingInFuture = "finding.in_future";
    public const string CorrectionWindowPassed = "finding.correction_window_passed";
    public const string FindingWithdrawn = "finding.withdrawn";
    public const string InvalidPoints = "finding.invalid_points";
    public const string EvidenceWrongType = "evidence.wrong_type";
    public const string TimeWentBackwards = "supervision.time_went_backwards";
}
