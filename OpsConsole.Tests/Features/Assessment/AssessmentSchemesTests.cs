using Microsoft.Extensions.DependencyInjection;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Assessment;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Assessment;

/// <summary>Scheme versions: an impossible scheme is refused with the domain's reason; a new one applies from its month on only.</summary>
public sealed class AssessmentSchemesTests(SqliteAppFixture fx) : IClassFixture<SqliteAppFixture>
{
    [Fact]
    public async Task AnImpossibleSchemeIsRefusedAndANewOneTakesEffectFromItsMonth()
    {
        await using var scope = fx.App.Services.CreateAsyncScope();
        var schemes = scope.ServiceProvider.GetRequiredService<AssessmentSchemes>();
        var current = schemes.CurrentMonth;
        var next = current.AddMonths(1);
        var form = AssessmentSchemes.SchemeForm.From(await schemes.ForMonthAsync(next), next);

        form.Items.Single(i => i.Code == ItemCodes.BadRating).MonthlyCap = 1m; // below one occurrence (−2)
        Assert.Equal("月度上限低于一次的分值，该项目的分数无法按设置计算。", (await schemes.PublishAsync(form, "BJ0004")).Error);
        form.Items.Single(i => i.Code == ItemCodes.BadRating).MonthlyCap = 6m;
        (form.Year, form.Month) = (current.AddMonths(-1).Year, current.AddMonths(-1).Month);
        Assert.Equal("生效月份不能早于本月：已过去的月份始终按当时的方案计算。", (await schemes.PublishAsync(form, "BJ0004")).Error);
        (form.Year, form.Month) = (next.Year, next.Month);
        form.BaseScore = 120m;
        Assert.True((await schemes.PublishAsync(form, "BJ0004")).Succeeded);

        Assert.Equal(100m, (await schemes.ForMonthAsync(current)).BaseScore);
        var published = await schemes.ForMonthAsync(next.AddMonths(2));
        Assert.Equal(120m, published.BaseScore);
        Assert.Equal(6m, published.Item(ItemCodes.BadRating)!.MonthlyCap);
        Assert.True(published.Item(ItemCodes.RedCard)!.IsVeto);
    }
}
