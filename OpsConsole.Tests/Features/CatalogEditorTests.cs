using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Catalog;
using OpsConsole.Features.Catalog;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

public sealed class CatalogEditorTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    private CatalogEditor Editor() => fx.App.Services.CreateScope().ServiceProvider.GetRequiredService<CatalogEditor>();

    [Fact]
    public async Task ADuplicateWindowNumberIsRefusedWithAMessageAndNothingIsWritten()
    {
        var editor = Editor();
        var windows = await editor.WindowsAsync();
        var a = windows[0];
        var b = windows[1];
        var result = await editor.SaveWindowAsync(new Window { Id = b.Id, Number = a.Number, Name = "改名", Type = b.Type, ZoneId = b.ZoneId, DepartmentId = b.DepartmentId });

        Assert.False(result.Succeeded);
        Assert.Equal("窗口号 {0} 已被使用。", result.Error);
        Assert.Equal(nameof(Window.Number), result.Field);
        await using var db = fx.App.CreateDbContext();
        var reloaded = await db.Windows.SingleAsync(w => w.Id == b.Id);
        Assert.Equal(b.Name, reloaded.Name);
        Assert.Equal(b.Number, reloaded.Number);
    }

    [Fact]
    public async Task ADedicatedWindowNeedsADepartment()
    {
        var zones = await Editor().ZonesAsync();
        var result = await Editor().SaveWindowAsync(new Window { Number = 901, Name = "测试窗口", Type = WindowType.Dedicated, ZoneId = zones[0].Id });
        Assert.Equal("专窗必须指定所属部门。", result.Error);
    }

    [Fact]
    public async Task MissingAndOverlongDepartmentFieldsAreRefused()
    {
        var missing = await Editor().SaveDepartmentAsync(new Department { Code = "", Name = "某部门" });
        Assert.Equal("请填写{0}。", missing.Error);
        Assert.Equal("部门编码", missing.Args![0]);

        var overlong = await Editor().SaveDepartmentAsync(new Department { Code = "X1", Name = new string('长', Department.NameMaxLength + 1) });
        Assert.Equal("{0}不能超过 {1} 个字符。", overlong.Error);
    }

    [Fact]
    public async Task SavingAnItemReplacesItsGuideContentAndIsAudited()
    {
        var editor = Editor();
        var first = (await editor.ItemRowsAsync())[0];
        var item = (await editor.ItemAsync(first.Id))!;
        item.Materials = [new RequiredMaterial { Name = "身份证", Form = MaterialForm.OriginalAndCopy, Copies = 1 }];
        item.ProcessSteps = [new ProcessStep { Name = "受理", Description = "窗口受理" }, new ProcessStep { Name = "办结", Description = "当场办结" }];
        item.PromisedLimitDays = 0;

        var result = await editor.SaveItemAsync(item);

        Assert.True(result.Succeeded, result.Error);
        var saved = (await Editor().ItemAsync(first.Id))!;
        Assert.Equal(["身份证"], saved.Materials.Select(m => m.Name));
        Assert.Equal(["受理", "办结"], saved.ProcessSteps.OrderBy(s => s.Order).Select(s => s.Name));
        // The list's row says what the guide still lacks, from the saved item.
        var row = (await Editor().ItemRowsAsync()).Single(r => r.Id == first.Id);
        Assert.Equal(GuideCompleteness.Missing(saved), row.MissingFromGuide);
        Assert.DoesNotContain(GuideCompleteness.Materials, row.MissingFromGuide);
        Assert.DoesNotContain(GuideCompleteness.Process, row.MissingFromGuide);
        await using var db = fx.App.CreateDbContext();
        Assert.True(await db.AuditLog.AnyAsync(a => a.EntityType == nameof(ServiceItem) && a.Action == "Modified" && a.EntityId == first.Id.ToString()));
    }

    [Fact]
    public async Task APromisedLimitLongerThanTheStatutoryOneIsRefused()
    {
        var editor = Editor();
        var item = (await editor.ItemAsync((await editor.ItemRowsAsync())[1].Id))!;
        item.StatutoryLimitDays = 10;
        item.PromisedLimitDays = 12;
        var result = await editor.SaveItemAsync(item);
        Assert.Equal("承诺时限不能超过法定时限。", result.Error);
    }
}
