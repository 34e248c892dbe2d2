using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Auth.Devices;
using OpsConsole.Features.Accounts;
using OpsConsole.Features.Auditing;
using OpsConsole.Features.Devices;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>The audit log as an admin reads it: center time, Chinese names, old → new, filters, paging, export.</summary>
public sealed class AuditLogReaderTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private T Service<T>() where T : notnull => fx.App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<int> UserIdAsync(string userName)
    {
        await using var db = fx.App.CreateDbContext();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task DisablesResetsRevocationsAndFailedSignInsReadAsWhatTheyWere()
    {
        var admin = Service<AccountAdmin>();
        Assert.True((await admin.SetDisabledAsync(await UserIdAsync("BJ0050"), true, "admin")).Succeeded);
        Assert.True((await admin.ResetPasswordAsync(await UserIdAsync("BJ0051"), "a new passphrase 2026")).Succeeded);
        int deviceId;
        await using (var db = fx.App.CreateDbContext()) deviceId = await db.Set<Device>().Where(d => d.RevokedAt == null).Select(d => d.Id).FirstAsync();
        Assert.True((await Service<DeviceAdmin>().RevokeAsync(deviceId)).Succeeded);
        await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), "BJ0052", "not-the-password");

        var rows = (await Service<AuditLogReader>().PageAsync(new AuditFilter(), 1, 200)).Rows;

        var disabled = rows.First(r => r.Action == "停用账号");
        Assert.Equal(("账号", await UserIdAsync("BJ0050") + ""), (disabled.Object, disabled.ObjectId));
        Assert.Contains(disabled.Changes, c => c is { Field: "IsDisabled", Old: "否", New: "是" });
        Assert.Equal(TimeSpan.FromHours(8), disabled.At.Offset);

        var reset = rows.First(r => r.Action == "重置密码");
        Assert.Contains(reset.Changes, c => c is { Field: "PasswordHash", Old: "***", New: "***" });
        Assert.Contains(rows, r => r.Action == "吊销设备" && r.Object == "设备" && r.ObjectId == deviceId.ToString());
        var failed = rows.First(r => r.Action == "登录失败" && r.Actor == "BJ0052");
        Assert.NotNull(failed.ActorName);
        Assert.DoesNotContain(rows, r => r.ObjectId == "new");
    }

    [Fact]
    public async Task FiltersAndPagesInTheDatabase()
    {
        var reader = Service<AuditLogReader>();
        await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), "BJ0053", "not-the-password");
        await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), "BJ0053", "not-the-password-2");

        var mine = await reader.PageAsync(new AuditFilter(Person: "BJ0053", Action: "SignInFailed"), 1, 1);
        Assert.Equal(2, mine.Total);
        var second = await reader.PageAsync(new AuditFilter(Person: "BJ0053", Action: "SignInFailed"), 2, 1);
        Assert.NotEqual(mine.Rows.Single().Id, second.Rows.Single().Id);

        // By name as well as by sign-in name.
        var name = mine.Rows.Single().ActorName!;
        Assert.True((await reader.PageAsync(new AuditFilter(Person: name, Action: "SignInFailed"), 1, 10)).Total >= 2);

        var today = DateOnly.FromDateTime(fx.App.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8)).DateTime);
        Assert.Equal(2, (await reader.PageAsync(new AuditFilter("BJ0053", today, today, "Account"), 1, 10)).Total);
        Assert.Equal(0, (await reader.PageAsync(new AuditFilter("BJ0053", today.AddDays(1), null), 1, 10)).Total);
        Assert.Equal(0, (await reader.PageAsync(new AuditFilter("BJ0053", null, today.AddDays(-1)), 1, 10)).Total);
    }

    [Fact]
    public async Task TheExportIsAWorkbookOfTheFilteredLinesForAdminsOnly()
    {
        await HttpSignIn.PostLoginAsync(HttpSignIn.NewClient(fx.App), "BJ0054", "not-the-password");
        var client = await HttpSignIn.SignedInClientAsync(fx.App, "admin", DemoAccounts.Password);

        var response = await client.GetAsync("/admin/audit/export.xlsx?person=BJ0054");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new WorkbookReader(await response.Content.ReadAsByteArrayAsync());
        var sheet = book.Sheet("审计日志");
        Assert.Equal(("时间", "动作", "变更"), (book.Text(sheet, "A2"), book.Text(sheet, "D2"), book.Text(sheet, "G2")));
        Assert.Equal(("BJ0054", "登录失败"), (book.Text(sheet, "B3"), book.Text(sheet, "D3")));
        Assert.Equal(4, WorkbookReader.Rows(sheet).Count()); // title, header, one line, the export time

        var bad = await client.GetAsync("/admin/audit/export.xlsx?from=yesterday");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var staff = await HttpSignIn.SignedInClientAsync(fx.App, "BJ0055", DemoAccounts.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await staff.GetAsync("/admin/audit/export.xlsx")).StatusCode);
    }
}
