using OpsConsole.Domain.Common;
using OpsConsole.Domain.Supervision;
using static OpsConsole.Tests.Domain.Cases.CaseTestData;

namespace OpsConsole.Tests.Domain.Supervision;

public class ComplaintTests
{
    private static Complaint Hotline(DateTimeOffset at) => Complaint.Record(ComplaintChannel.Hotline12345, "12345-20261207-0042", at,
        "王先生", "13900000000", "窗口人员态度生硬，办理中途离开十分钟。", departmentId: 3, windowId: 7, staffId: 21, recordedBy: 2, Calendar);

    [Fact]
    public void TheReplyIsDueInWorkingDaysOnTheCenterCalendar()
    {
        var c = Hotline(At(7));
        Assert.Equal(Day(15), c.ReplyDue); // five: Tue 8, Wed 9, (holiday Thu/Fri), Sat 12 worked, Mon 14, Tue 15
        Assert.False(c.IsReplyOverdue(Day(15)));
        Assert.True(c.IsReplyOverdue(Day(16)));
    }

    [Fact]
    public void AnUpheldComplaintIsADeductionAndAVetoAPartlyUpheldOneOnlyADeduction()
    {
        var upheld = Hotline(At(7));
        upheld.AddNote("调取监控：10:12–10:22 窗口无人。", 2, At(7, 15));
        Assert.Equal(ComplaintState.Investigating, upheld.State);
        upheld.Conclude(ComplaintVerdict.Upheld, "经核查属实，已对当事人批评教育并扣分。", 2, At(8));
        Assert.Equal((true, true), (upheld.Counts, upheld.IsVeto));

        var partly = Hotline(At(7));
        partly.Conclude(ComplaintVerdict.PartlyUpheld, "部分属实。", 2, At(8));
        Assert.Equal((true, false), (partly.Counts, partly.IsVeto));

        var not = Hotline(At(7));
        not.Conclude(ComplaintVerdict.NotUpheld, "经核查不属实。", 2, At(8));
        Assert.Equal((false, false), (not.Counts, not.IsVeto));
    }

    [Fact]
    public void AComplaintIsConcludedOnceAndNeedsATargetAReplyAndText()
    {
        var c = Hotline(At(7));
        c.Conclude(ComplaintVerdict.NotUpheld, "不属实。", 2, At(8));
        Assert.Equal(SupervisionErrors.AlreadyConcluded, Assert.Throws<DomainException>(() => c.Conclude(ComplaintVerdict.Upheld, "属实。", 3, At(8, 11))).Message);
        Assert.Equal(SupervisionErrors.AlreadyConcluded, Assert.Throws<DomainException>(() => c.AddNote("补充", 2, At(9))).Message);
        Assert.Equal(SupervisionErrors.TextRequired, Assert.Throws<DomainException>(() => Hotline(At(7)).Conclude(ComplaintVerdict.Upheld, " ", 2, At(8))).Message);
        Assert.Equal(SupervisionErrors.NoTarget, Assert.Throws<DomainException>(() => Complaint.Record(ComplaintChannel.Letter, null, At(7),
            "匿名", null, "内容", null, null, null, 2, Calendar)).Message);
        Assert.Equal(SupervisionErrors.TextTooLong, Assert.Throws<DomainException>(() => Complaint.Record(ComplaintChannel.Letter, null, At(7),
            "匿名", null, new string('长', Complaint.ContentMaxLength + 1), 3, null, null, 2, Calendar)).Message);
    }
}

public class InspectionTests
{
    private static readonly FindingType Phone = new("phone", "玩手机", 1m);
    private static readonly FindingType Absent = new("absent", "脱岗", 2m);

    [Fact]
    public void AFindingKeepsItsPointsAndCanBeCorrectedOrWithdrawnWithinADay()
    {
        var f = InspectionFinding.Record(7, 21, Phone, At(7, 10), "上班时间刷短视频", photoFileId: 9, inspectorStaffId: 2, now: At(7, 10, 5), windowWasOpen: true);
        Assert.Equal(("玩手机", 1m, true), (f.TypeName, f.Points, f.Counts));

        f.Correct(Absent, "离开窗口约十分钟", At(7, 16));
        Assert.Equal(("脱岗", 2m), (f.TypeName, f.Points));
        f.Withdraw("误记：当事人在后台取件", At(8, 10));
        Assert.False(f.Counts);
        Assert.Equal(SupervisionErrors.FindingWithdrawn, Assert.Throws<DomainException>(() => f.Correct(Phone, null, At(8, 10, 30))).Message);
    }

    [Fact]
    public void AfterADayAFindingStandsAndAClosedWindowOrAFutureTimeIsRefused()
    {
        var f = InspectionFinding.Record(7, 21, Phone, At(7, 10), null, null, 2, At(7, 10, 5), true);
        Assert.Equal(SupervisionErrors.CorrectionWindowPassed, Assert.Throws<DomainException>(() => f.Withdraw("晚了", At(8, 10, 6))).Message);
        Assert.Equal(SupervisionErrors.WindowClosedThen, Assert.Throws<DomainException>(() =>
            InspectionFinding.Record(7, null, Phone, At(7, 10), null, null, 2, At(7, 10, 5), windowWasOpen: false)).Message);
        Assert.Equal(SupervisionErrors.FindingInFuture, Assert.Throws<DomainException>(() =>
            InspectionFinding.Record(7, null, Phone, At(7, 11), null, null, 2, At(7, 10, 5), true)).Message);
    }

    [Fact]
    public void FindingTypesHavePointsInTenthsUpToTwenty()
    {
        Assert.Equal(SupervisionErrors.InvalidPoints, Assert.Throws<DomainException>(() => new FindingType("x", "测试", 0.25m)).Message);
        Assert.Equal(SupervisionErrors.InvalidPoints, Assert.Throws<DomainException>(() => new FindingType("x", "测试", 25m)).Message);
        Assert.Equal(6, FindingType.Defaults().Count);
    }

    [Fact]
    public void ACommendationNamesAWindowOrAPersonAndIsNotInTheFuture()
    {
        var c = Commendation.Record(CommendationKind.Banner, Day(7), 7, 21, "群众赠送锦旗“热情服务 高效便民”", 11, 2, At(7, 15));
        Assert.Equal((CommendationKind.Banner, Day(7)), (c.Kind, c.Date));
        Assert.Equal(SupervisionErrors.NoTarget, Assert.Throws<DomainException>(() => Commendation.Record(CommendationKind.Letter, Day(7), null, null, "表扬信", null, 2, At(7))).Message);
        Assert.Equal(SupervisionErrors.FindingInFuture, Assert.Throws<DomainException>(() => Commendation.Record(CommendationKind.Letter, Day(8), 7, null, "表扬信", null, 2, At(7))).Message);
    }
}
