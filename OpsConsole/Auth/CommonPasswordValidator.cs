using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OpsConsole.Auth;

/// <summary>
/// The "Auth:Passwords" section: words of this service that make a password easy to guess (ASVS 6.1.2,
/// 6.2.11). A password that is one of them with only digits or symbols added is refused, as is one that
/// contains the account's own staff number.
/// </summary>
public sealed class PasswordContextOptions
{
    public const string Section = "Auth:Passwords";

    /// <summary>Comma-separated; compared with the letters of a password, ignoring case.</summary>
    public string ContextWords { get; set; } =
        "opsconsole,zhengwu,zwfw,zhengwufuwu,zhengwuzhongxin,fuwuzhongxin,bianmin,banshi,chuangkou,paidui,jiaohao,kaoqin," +
        "政务,政务服务,政务服务中心,服务中心,运营台,便民服务,办事大厅,窗口,排队叫号,考勤,考核";

    public IReadOnlySet<string> Words => ContextWords.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(w => w.ToLowerInvariant()).ToHashSet();
}

/// <summary>
/// Refuses passwords from a list of commonly used ones (ASVS 5: length ≥ 8, no composition
/// rules, but no well-known passwords). The list is embedded from common-passwords.txt.
/// </summary>
public sealed class CommonPasswordValidator(IOptions<PasswordContextOptions> context) : IPasswordValidator<AppUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (password is not null && (Common.Value.Contains(password.ToLowerInvariant())
            || user.UserName is { Length: >= 4 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase)
            || context.Value.Words.Contains(new string([.. password.Where(char.IsLetter)]).ToLowerInvariant())))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "CommonPassword" }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    public static bool IsCommon(string password) => Common.Value.Contains(password.ToLowerInvariant());

    private static HashSet<string> Load()
    {
        var asm = typeof(CommonPasswordValidator).Assembly;
        var name = asm.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(asm.GetManifestResourceStream(name)!);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.ToLowerInvariant());
        }
        return set;
    }
}
