using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Data;
using OpsConsole.Domain.People;
using OpsConsole.Features.Common;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Features.Accounts;

/// <summary>
/// Admin use cases: create staff accounts, assign roles, reset passwords, disable accounts. Each operation takes
/// its own UserManager (and so its own context of Identity's EF store): a page's circuit lives for hours, and a
/// store context kept that long would hand back accounts as they were when first read.
/// </summary>
public sealed class AccountAdmin(IDbContextFactory<OpsDbContext> dbFactory, IServiceScopeFactory scopes, CounterDesk desk, CenterClock clock)
{
    private static UserManager<AppUser> Users(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();

    public sealed record AccountRow(int UserId, string UserName, string DisplayName, string? Department,
        IReadOnlyList<string> Roles, bool Disabled, DateTimeOffset? LockoutEnd, bool TwoFactor = false);

    public async Task<IReadOnlyList<AccountRow>> ListAsync()
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.Users.AsNoTracking().Include(u => u.Roles).ThenInclude(r => r.Role).Include(u => u.Staff).ThenInclude(s => s!.Department)
            .OrderBy(u => u.UserName).ToListAsync();
        return rows.Select(u => new AccountRow(u.Id, u.UserName!, u.DisplayName, u.Staff?.Department?.Name,
            u.Roles.Select(r => r.Role!.Name!).OrderBy(r => Roles.All.ToList().IndexOf(r)).ToList(), u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled)).ToList();
    }

    public sealed class NewAccount
    {
        public string EmployeeNo { get; set; } = "";
        public string Name { get; set; } = "";
        public int? DepartmentId { get; set; }
        public string Title { get; set; } = "";
        public HashSet<string> Roles { get; set; } = [Auth.Roles.WindowStaff];
        public string Password { get; set; } = "";
        /// <summary>The posting's first day: the first day the person counts for attendance and assessment; null for today.</summary>
        public DateOnly? PostedFrom { get; set; }
    }

    /// <summary>Creates the staff record and its account together, or neither.</summary>
    public async Task<OpResult> CreateAsync(NewAccount input)
    {
        var check = new InputCheck()
            .Required(nameof(NewAccount.EmployeeNo), "工号", input.EmployeeNo, Staff.EmployeeNoMaxLength)
            .Required(nameof(NewAccount.Name), "姓名", input.Name, Staff.NameMaxLength)
            .Optional(nameof(NewAccount.Title), "职务", input.Title, 40)
            .That(input.Roles.Count > 0, nameof(NewAccount.Roles), "请至少选择一个角色。")
            .That(input.Roles.All(Auth.Roles.All.Contains), nameof(NewAccount.Roles), "角色无效。");
        if (!check.Ok) return check.First;
        var employeeNo = input.EmployeeNo.Trim();
        if (!employeeNo.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            return OpResult.FailOn(nameof(NewAccount.EmployeeNo), "工号只能包含字母、数字、-、_ 和 .。");
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var passwordCheck = await CheckPasswordAsync(users, input.Password, employeeNo);
        if (!passwordCheck.Succeeded) return passwordCheck with { Field = nameof(NewAccount.Password) };

        await using var db = dbFactory.CreateDbContext();
        if (await db.Staff.AnyAsync(s => s.EmployeeNo == employeeNo) || await db.Users.AnyAsync(u => u.NormalizedUserName == employeeNo.ToUpperInvariant()))
            return OpResult.FailOn(nameof(NewAccount.EmployeeNo), "工号 {0} 已存在。", employeeNo);

        await using var tx = await db.Database.BeginTransactionAsync();
        var staff = new Staff
        {
            EmployeeNo = employeeNo, Name = input.Name.Trim(), DepartmentId = input.DepartmentId, Title = input.Title.Trim(),
            IsChiefRepresentative = input.Roles.Contains(Auth.Roles.ChiefRepresentative),
        };
        db.Staff.Add(staff);
        await db.SaveChangesAsync();
        // Counted from the day they are posted, never before (a person created on 1 December is not absent all October).
        var posting = await Assessment.Postings.AddAsync(db, staff.Id, staff.DepartmentId, input.PostedFrom ?? clock.Today, null, null, null, default);
        if (!posting.Succeeded) return posting;
        var user = new AppUser
        {
            UserName = employeeNo,
            NormalizedUserName = users.NormalizeName(employeeNo),
            DisplayName = staff.Name,
            StaffId = staff.Id,
            Roles = input.Roles.Select(Auth.Roles.Of).ToList(),
        };
        user.PasswordHash = users.PasswordHasher.HashPassword(user, input.Password);
        user.MustChangePassword = true;
        db.Users.Add(user);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return OpResult.Ok;
    }

    public async Task<OpResult> SetRolesAsync(int userId, IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0) return OpResult.Fail("请至少选择一个角色。");
        if (!roles.All(Roles.All.Contains)) return OpResult.Fail("角色无效。");
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return OpResult.Fail("账号不存在。");
        var current = await users.GetRolesAsync(user);
        foreach (var r in current.Except(roles)) await users.RemoveFromRoleAsync(user, r);
        foreach (var r in roles.Except(current)) await users.AddToRoleAsync(user, r);
        // New roles take effect at the next revalidation (within a minute) or sign-in.
        await users.UpdateSecurityStampAsync(user);
        return OpResult.Ok;
    }

    public async Task<OpResult> ResetPasswordAsync(int userId, string newPassword)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return OpResult.Fail("账号不存在。");
        var check = await CheckPasswordAsync(users, newPassword, user.UserName!);
        if (!check.Succeeded) return check;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        user.MustChangePassword = true; // the admin knows it: the person replaces it at the next sign-in
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded) return OpResult.Fail("重置密码失败，请重试。");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        return OpResult.Ok;
    }

    /// <summary>
    /// Takes away an account's second factor after its owner lost both the phone and the recovery codes, once the
    /// admin has checked who they are in person (ASVS 6.4.4). Ends every session; the person enrols again at the next
    /// sign-in if their roles require it (ADR 0031).
    /// </summary>
    public async Task<OpResult> ResetTwoFactorAsync(int userId, string actingUserName)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return OpResult.Fail("账号不存在。");
        if (!user.TwoFactorEnabled) return OpResult.Fail("该账号没有启用两步验证。");
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return OpResult.Fail("保存失败：该账号已被他人修改，请刷新后重试。");
        await scope.ServiceProvider.GetRequiredService<SignInAudit>().RecordAsync("TwoFactorReset", user.UserName!, $"{{\"by\":\"{actingUserName}\"}}");
        return OpResult.Ok;
    }

    /// <summary>Disables or re-enables an account; disabling also ends its sessions within a minute.</summary>
    public async Task<OpResult> SetDisabledAsync(int userId, bool disabled, string actingUserName)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return OpResult.Fail("账号不存在。");
        if (disabled && string.Equals(user.UserName, actingUserName, StringComparison.OrdinalIgnoreCase))
            return OpResult.Fail("不能停用自己正在使用的账号。");
        user.IsDisabled = disabled;
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded) return OpResult.Fail("保存失败：该账号已被他人修改，请刷新后重试。");
        // A calling pad acts as whoever is signed in at its window: a disabled person is taken off every window now.
        if (disabled && user.StaffId is { } staffId) await desk.TakeOffWindowsAsync(staffId, "AccountDisabled", actingUserName);
        return OpResult.Ok;
    }

    internal static async Task<OpResult> CheckPasswordAsync(UserManager<AppUser> users, string? password, string userName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < 8) return OpResult.Fail("密码至少需要 8 个字符。");
        if (password.Length > 128) return OpResult.Fail("密码不能超过 128 个字符。");
        foreach (var validator in users.PasswordValidators)
        {
            var r = await validator.ValidateAsync(users, new AppUser { UserName = userName }, password);
            if (!r.Succeeded) return OpResult.Fail("该密码过于常见或与工号相同，请换一个更难猜的密码。");
        }
        return OpResult.Ok;
    }
}
