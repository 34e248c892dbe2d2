using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Common;
using static OpsConsole.Tests.Domain.Cases.CaseTestData;

namespace OpsConsole.Tests.Domain.Cases;

public class SupervisionRulesTests
{
    private static List<CardLevel> Raise(ServiceCase c, DateTimeOffset at, List<SupervisionCard> raised)
    {
        var cards = SupervisionRules.Raise(c, raised.Select(r => r.Level), at, Calendar);
        raised.AddRange(cards);
        return cards.Select(x => x.Level).ToList();
    }

    [Fact]
    public void AReminderTheWorkdayBeforeAYellowCardOnTheDayAndARedOneAfterEachOnce()
    {
        var c = Promised(4, At(7)); // due Mon 14 (across the holiday)
        var raised = new List<SupervisionCard>();

        Assert.Empty(Raise(c, At(8), raised));
        Assert.Empty(Raise(c, At(10), raised));                       // the holiday: Sat 12 and Mon 14 left
        Assert.Equal([CardLevel.Reminder], Raise(c, At(12), raised)); // the worked Saturday is the day before
        Assert.Empty(Raise(c, At(12, 15), raised));                   // hourly passes raise nothing twice
        Assert.Empty(Raise(c, At(13), raised));                       // Sunday
        Assert.Equal([CardLevel.Yellow], Raise(c, At(14), raised));
        Assert.Equal([CardLevel.Red], Raise(c, At(15), raised));
        Assert.Empty(Raise(c, At(16), raised));

        var red = raised.Single(r => r.Level == CardLevel.Red);
        Assert.Equal((Party.WindowId, Party.StaffId, Party.DepartmentId, Day(14)), (red.WindowId, red.StaffId, red.DepartmentId, red.DueDate));
    }

    [Fact]
    public void ALatePassRaisesEveryLevelTheCaseHasEarned()
    {
        var c = Promised(1, At(7)); // due Tue 8
        Assert.Equal([CardLevel.Reminder, CardLevel.Yellow, CardLevel.Red], SupervisionRules.Raise(c, [], At(9), Calendar).Select(x => x.Level));
    }

    [Fact]
    public void NoCardsWhileMaterialsAreOwedNorForACaseConcludedInTime()
    {
        var c = Promised(1, At(7));
        c.RequestCorrection("缺少营业执照", At(7, 11), 21);
        Assert.Empty(SupervisionRules.Raise(c, [], At(15), Calendar));
        c.ReceiveCorrection(At(15), Calendar, 21); // due moves to Wed 16
        Assert.Equal([CardLevel.Reminder], SupervisionRules.Raise(c, [], At(15, 11), Calendar).Select(x => x.Level));
        c.Conclude(At(16), 21);
        Assert.Empty(SupervisionRules.Raise(c, [CardLevel.Reminder], At(17), Calendar));
    }

    [Fact]
    public void AnOnTheSpotCaseEarnsOnlyARedCardOnceItsDayHasPassedAndALateConclusionKeepsIt()
    {
        var c = Promised(0, At(7, 9), CaseKind.OnTheSpot);
        Assert.Empty(SupervisionRules.Raise(c, [], At(7, 17), Calendar));
        c.Conclude(At(8, 9), 21); // concluded the next day: late
        Assert.Equal([CardLevel.Red], SupervisionRules.Raise(c, [], At(8, 9), Calendar).Select(x => x.Level));
        Assert.Empty(SupervisionRules.Raise(c, [CardLevel.Red], At(8, 10), Calendar));
    }

    [Fact]
    public void AContestedCardIsUpheldOrWithdrawnByAManagerOnce()
    {
        var c = Promised(1, At(7));
        var card = SupervisionRules.Raise(c, [], At(9), Calendar).Single(x => x.Level == CardLevel.Red);
        Assert.Equal(CaseErrors.CardNotContested, Assert.Throws<DomainException>(() => card.Decide(true, null, 3, At(9, 11))).Message);
        Assert.Equal(CaseErrors.ReasonRequired, Assert.Throws<DomainException>(() => card.Contest(" ", 30, At(9, 10))).Message);
        card.Contest("8日系统停电，中心日历未标注", 30, At(9, 10));
        Assert.Equal(CaseErrors.CardNotActive, Assert.Throws<DomainException>(() => card.Contest("再次申诉", 30, At(9, 10))).Message);
        card.Decide(uphold: false, "情况属实，撤销", 3, At(9, 11));
        Assert.Equal((CardState.Withdrawn, false), (card.State, card.Counts));
        Assert.Equal(CaseErrors.CardNotContested, Assert.Throws<DomainException>(() => card.Decide(true, null, 3, At(9, 12))).Message);
    }

    [Fact]
    public void TheBoardRatesCountOnTimeAndOnTheSpotConclusions()
    {
        var onTheSpot = Promised(0, At(7, 9), CaseKind.OnTheSpot);
        onTheSpot.Conclude(At(7, 9, 20), 21);
        var late = Promised(1, At(7));
        late.Conclude(At(9), 21);
        var overdue = Promised(1, At(7));
        var dueToday = Promised(2, At(7));
        var waiting = Promised(1, At(7));
        waiting.RequestCorrection("缺少材料", At(7, 11), 21);

        var rates = CaseStatistics.Rates([onTheSpot, late, overdue, dueToday, waiting], Day(9), Calendar);

        Assert.Equal(new CaseRates(Concluded: 2, ConcludedOnTime: 1, ConcludedOnTheSpot: 1, Open: 3, Overdue: 1, DueToday: 1), rates);
        Assert.Equal((0.5, 0.5), (rates.OnTimeRate, rates.OnTheSpotRate));
    }
}
