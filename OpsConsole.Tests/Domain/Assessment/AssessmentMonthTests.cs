using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using static OpsConsole.Tests.Domain.Cases.CaseTestData;

namespace OpsConsole.Tests.Domain.Assessment;

public class AssessmentMonthTests
{
    private static readonly ScoreLine Rating = new(ItemCodes.BadRating, "差评（经核实）", Day(1), "evaluation", "502", "", -2m, -2m, LineNote.None, null, false);

    [Fact]
    public void AMonthGoesFromDraftThroughAppealsToPublishedAndLocked()
    {
        var month = new AssessmentMonth(new YearMonth(2026, 11), At(7, 9));
        Assert.Equal(AssessmentErrors.MonthNotOpenForAppeal, Assert.Throws<DomainException>(() => AssessmentAppeal.File(month, 1, Rating, "误评", null, At(7, 10))).Message);

        month.OpenForAppeal(At(7, 10), workingDays: 3, Calendar, actorStaffId: 4); // Tue 8, Wed 9, Sat 12 (the holiday skipped)
        Assert.Equal(Day(12), month.AppealDeadline);
        var appeal = AssessmentAppeal.File(month, 1, Rating, "申请人当场更正了评价", null, At(12, 16));
        Assert.Equal(AssessmentErrors.AppealDeadlinePassed, Assert.Throws<DomainException>(() => AssessmentAppeal.File(month, 1, Rating, "晚了", null, At(14, 9))).Message);

        Assert.Equal(AssessmentErrors.AppealsOpen, Assert.Throws<DomainException>(() => month.Publish(At(14), openAppeals: 1, reason: null, 4)).Message);
        appeal.Comment("情况属实，建议撤销");
        appeal.Decide(uphold: true, newPoints: null, "误评属实", managerStaffId: 3, At(14, 10));
        Assert.Equal(new LineAdjustment(ItemCodes.BadRating, "evaluation", "502", null, "误评属实"), appeal.Adjustment);
        Assert.Equal(AssessmentErrors.AppealAlreadyDecided, Assert.Throws<DomainException>(() => appeal.Decide(false, null, "再议", 3, At(14, 11))).Message);

        month.Publish(At(14, 11), openAppeals: 0, reason: null, 4);
        month.Lock(At(15), 4);
        Assert.Equal(AssessmentErrors.MonthNotDraft, Assert.Throws<DomainException>(() => month.Publish(At(15, 11), 0, null, 4)).Message);
        Assert.Equal(AssessmentErrors.ReasonRequired, Assert.Throws<DomainException>(() => month.Reopen(" ", At(16), 4)).Message);

        month.Reopen("考勤机故障，11月5日打卡记录补录", At(16), 4);
        Assert.Equal((AssessmentMonthState.Draft, 2, (DateOnly?)null), (month.State, month.Version, month.AppealDeadline));
        Assert.Equal([AssessmentMonthState.OpenForAppeal, AssessmentMonthState.Published, AssessmentMonthState.Locked, AssessmentMonthState.Draft],
            month.History.Select(h => h.To));
    }

    [Fact]
    public void WithAppealsOpenAMonthIsPublishedOnlyWithAReason()
    {
        var month = new AssessmentMonth(new YearMonth(2026, 11), At(7, 9));
        month.OpenForAppeal(At(7, 10), 3, Calendar, 4);
        month.Publish(At(8), openAppeals: 2, reason: "上级要求 12 月 10 日前通报，两件申诉另行处理", 4);
        Assert.Equal("上级要求 12 月 10 日前通报，两件申诉另行处理", month.History[^1].Reason);
    }
}
