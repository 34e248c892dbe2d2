namespace OpsConsole.Domain.Cases;

/// <summary>Keys of the case rules' errors; the UI shows them in Chinese.</summary>
public static class CaseErrors
{
    public const string NoPromisedDays = "case.no_promised_days";
    public const string TooManyDays = "case.too_many_days";
    public const string NotOpen = "case.not_open";
    public const string AlreadyConcluded = "case.already_concluded";
    public const string NotStarted = "case.not_accepted";
    public const string NotAwaitingCorrection = "case.not_awaiting_correction";
    public const string AwaitingCorrection = "case.awaiting_correction";
    public const string ReasonRequired = "case.reason_required";
    public const string ApplicantRequired = "case.applicant_required";
    public const string TextTooLong = "case.text_too_long";
    public const string InvalidParty = "case.invalid_party";
    public const string TimeWentBackwards = "case.time_went_backwards";
    public const string JointNeedsDepartments = "case.joint_needs_departments";
    public const string TransferToSameParty = "case.transfer_same_party";
    public const string CardNotActive = "card.not_active";
    public const string CardNotContested = "card.not_contested";
}
