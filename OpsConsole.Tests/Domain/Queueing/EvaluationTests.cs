using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class EvaluationTests
{
    /// <summary>Monday to Friday are working days; nothing else.</summary>
    private sealed class WeekdayCalendar : IWorkingDayCalendar
    {
        public bool IsWorkday(DateOnly day) => day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        public DateOnly AddWorkingDays(DateOnly from, int days)
        {
            var day = from;
            for (var left = days; left > 0;)
            {
                day = day.AddDays(1);
                if (IsWorkday(day)) left--;
            }
            return day;
        }
    }

    private readonly WeekdayCalendar _calendar = new();

    private static Ticket CompletedTicket()
    {
        var ticket = Serving(Queue(), 1, At(9, 0), At(9, 10), At(9, 11), windowId: 5);
        ticket.Complete(At(9, 20));
        return ticket;
    }

    [Theory]
    [InlineData(SatisfactionLevel.VerySatisfied, false)]
    [InlineData(SatisfactionLevel.Satisfied, false)]
    [InlineData(SatisfactionLevel.Basic, false)]
    [InlineData(SatisfactionLevel.Dissatisfied, true)]
    [InlineData(SatisfactionLevel.VeryDissatisfied, true)]
    public void OnlyTheTwoLowestLevelsAreBad(SatisfactionLevel level, bool bad) => Assert.Equal(bad, level.IsBad());

    [Fact]
    public void GoodRatingIsLinkedToTicketWindowAndStaffWithoutRectification()
    {
        var ticket = CompletedTicket();

        var evaluation = Evaluation.Submit(ticket, SatisfactionLevel.VerySatisfied, [], null, At(9, 21), _calendar);

        Assert.Equal((ticket.Id, 5, 50), (evaluation.TicketId, evaluation.WindowId, evaluation.StaffId));
        Assert.False(evaluation.IsBad);
        Assert.Null(evaluation.Rectification);
    }

    [Fact]
    public void BadRatingOpensARectificationDueInFifteenWorkingDays()
    {
        // Monday 2026-11-23 + 15 weekdays = Monday 2026-12-14.
        var evaluation = Evaluation.Submit(CompletedTicket(), SatisfactionLevel.Dissatisfied,
            [EvaluationReason.LongWait, EvaluationReason.LongWait, EvaluationReason.PoorAttitude], "等了很久", At(9, 21), _calendar);

        var rectification = Assert.IsType<Rectification>(evaluation.Rectification);
        Assert.Equal(new DateOnly(2026, 12, 14), rectification.Deadline);
        Assert.Equal(RectificationState.Open, rectification.State);
        Assert.Equal((5, 50), (rectification.WindowId, rectification.StaffId));
        Assert.Equal([EvaluationReason.LongWait, EvaluationReason.PoorAttitude], evaluation.Reasons);
        Assert.False(rectification.IsOverdue(new DateOnly(2026, 12, 14)));
        Assert.True(rectification.IsOverdue(new DateOnly(2026, 12, 15)));
    }

    [Fact]
    public void BadRatingNeedsAReason() =>
        Assert.Equal(QueueingErrors.ReasonsRequiredWhenBad, Assert.Throws<DomainException>(() =>
            Evaluation.Submit(CompletedTicket(), SatisfactionLevel.VeryDissatisfied, [], "差", At(9, 21), _calendar)).Message);

    [Fact]
    public void GoodRatingTakesNoReasons() =>
        Assert.Throws<DomainException>(() =>
            Evaluation.Submit(CompletedTicket(), SatisfactionLevel.Satisfied, [EvaluationReason.LongWait], null, At(9, 21), _calendar));

    [Fact]
    public void RefusesRatingATicketNotCompleted()
    {
        var serving = Serving(Queue(), 1, At(9, 0), At(9, 10), At(9, 11));

        Assert.Equal(QueueingErrors.EvaluatedTicketNotCompleted, Assert.Throws<DomainException>(() =>
            Evaluation.Submit(serving, SatisfactionLevel.Satisfied, [], null, At(9, 21), _calendar)).Message);
    }

    [Fact]
    public void ARectificationIsAssignedCalledBackAndClosedWithItsFixOnce()
    {
        var rectification = Evaluation.Submit(CompletedTicket(), SatisfactionLevel.Dissatisfied,
            [EvaluationReason.Unskilled], null, At(9, 21), _calendar).Rectification!;

        rectification.Assign(30, At(9, 30));
        Assert.Equal(RectificationState.Assigned, rectification.State);
        Assert.Equal(QueueingErrors.CallbackFirst, Assert.Throws<DomainException>(() => rectification.Close("已整改", null, 30, At(10, 0))).Message);
        Assert.Equal(QueueingErrors.CallbackRequired, Assert.Throws<DomainException>(() => rectification.RecordCallback(30, " ", true, At(10, 0))).Message);
        rectification.RecordCallback(30, "电话回访，申请人表示理解", applicantSatisfied: true, At(10, 0));
        Assert.Throws<DomainException>(() => rectification.Close(" ", null, 30, At(10, 5)));
        rectification.Close("已回访，加强业务培训", evidenceFileId: 12, closedBy: 30, At(10, 10));

        Assert.Equal((RectificationState.Closed, false, true), (rectification.State, rectification.IsOverdue(new DateOnly(2027, 1, 1)), rectification.RatingCounts));
        Assert.False(rectification.ClosedLate);
        Assert.Equal(QueueingErrors.RectificationClosed, Assert.Throws<DomainException>(() => rectification.Close("again", null, 30, At(11, 0))).Message);
    }

    [Fact]
    public void AnUpheldMisratingAppealClosesTheRectificationAndTheRatingNoLongerCounts()
    {
        var upheld = Evaluation.Submit(CompletedTicket(), SatisfactionLevel.VeryDissatisfied,
            [EvaluationReason.PoorAttitude], null, At(9, 21), _calendar).Rectification!;
        upheld.AppealMisrating("申请人误按，已当场说明", 21, At(9, 30));
        Assert.Equal(QueueingErrors.AppealAlreadyMade, Assert.Throws<DomainException>(() => upheld.AppealMisrating("再次", 21, At(9, 31))).Message);
        upheld.DecideAppeal(uphold: true, "监控核实为误评", 3, At(10, 0));
        Assert.Equal((RectificationState.Closed, false, MisratingAppealState.Upheld), (upheld.State, upheld.RatingCounts, upheld.Appeal));

        var rejected = Evaluation.Submit(CompletedTicket(), SatisfactionLevel.Dissatisfied,
            [EvaluationReason.LongWait], null, At(9, 21), _calendar).Rectification!;
        rejected.AppealMisrating("等候时间并不长", 21, At(9, 30));
        rejected.DecideAppeal(uphold: false, "叫号记录显示等候 52 分钟", 3, At(10, 0));
        Assert.Equal((RectificationState.Open, true), (rejected.State, rejected.RatingCounts));
        Assert.Equal(QueueingErrors.NoPendingAppeal, Assert.Throws<DomainException>(() => rejected.DecideAppeal(true, "改判", 3, At(10, 1))).Message);
    }
}
