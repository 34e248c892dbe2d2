namespace OpsConsole.Features.Common;

/// <summary>
/// The outcome of a use case a user should see. Errors carry a Chinese message that is also
/// the localization key, with its format arguments, and the field it is about (if any).
/// </summary>
public sealed record OpResult(bool Succeeded, string? Error = null, object[]? Args = null, string? Field = null)
{
    public static readonly OpResult Ok = new(true);
    public static OpResult Fail(string error, params object[] args) => new(false, error, args);
    public static OpResult FailOn(string field, string error, params object[] args) => new(false, error, args, field);

    /// <summary>Succeeded, with something the user should read (e.g. "marked as no-show after 2 recalls").</summary>
    public static OpResult Notice(string notice, params object[] args) => new(true, null, args) { NoticeText = notice };

    /// <summary>A message for a successful outcome, localization key like <see cref="Error"/>.</summary>
    public string? NoticeText { get; init; }
}

/// <summary>Checks shared by the editors: required text and lengths, reported field by field.</summary>
public sealed class InputCheck
{
    private readonly List<OpResult> _errors = [];

    public IReadOnlyList<OpResult> Errors => _errors;
    public bool Ok => _errors.Count == 0;
    public OpResult First => _errors.Count == 0 ? OpResult.Ok : _errors[0];

    public InputCheck Required(string field, string label, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value)) _errors.Add(OpResult.FailOn(field, "请填写{0}。", label));
        else if (value.Trim().Length > maxLength) _errors.Add(OpResult.FailOn(field, "{0}不能超过 {1} 个字符。", label, maxLength));
        return this;
    }

    public InputCheck Optional(string field, string label, string? value, int maxLength)
    {
        if (value is not null && value.Trim().Length > maxLength) _errors.Add(OpResult.FailOn(field, "{0}不能超过 {1} 个字符。", label, maxLength));
        return this;
    }

    public InputCheck Range(string field, string label, int value, int min, int max)
    {
        if (value < min || value > max) _errors.Add(OpResult.FailOn(field, "{0}必须在 {1} 到 {2} 之间。", label, min, max));
        return this;
    }

    public InputCheck That(bool condition, string field, string error, params object[] args)
    {
        if (!condition) _errors.Add(OpResult.FailOn(field, error, args));
        return this;
    }
}
