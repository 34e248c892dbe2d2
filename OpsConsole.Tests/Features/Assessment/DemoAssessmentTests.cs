using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Assessment;

/// <summary>The demo center (with its history) has last month published with stored scores and this month in draft.</summary>
public sealed class DemoAssessmentTests
{
    [Fact]
    public async Task TheDemoHasAPublishedPastMonthAndADraftCurrentMonth()
    {
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock))) { SeedHistory = true };
        _ = app.Server;
        await using var ctx = app.CreateDbContext();
        var october = await ctx.AssessmentMonths.SingleAsync(m => m.Year == 2026 && m.Month == 10);
        Assert.Equal(AssessmentMonthState.Published, october.State);
        Assert.True(await ctx.AssessmentScores.CountAsync(s => s.AssessmentMonthId == october.Id && s.Subject == ItemSubject.Staff) > 10);
        Assert.True(await ctx.AssessmentScores.AnyAsync(s => s.AssessmentMonthId == october.Id && s.Subject == ItemSubject.Window));
        Assert.Equal(AppealState.Upheld, (await ctx.AssessmentAppeals.SingleAsync(a => a.AssessmentMonthId == october.Id)).State);
        Assert.False(await ctx.AssessmentMonths.AnyAsync(m => m.Year == 2026 && m.Month == 11)); // a draft: computed on demand
        Assert.True(await ctx.ManualAssessmentItems.AnyAsync(i => i.Date == new DateOnly(2026, 11, 23)));
    }
}
