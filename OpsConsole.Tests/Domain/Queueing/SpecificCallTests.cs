using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;
using Xunit;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

public class SpecificCallTests
{
    private const int Window = 5;
    private static readonly ServiceQueue Served = Queue(1, "A");
    private static readonly ServiceQueue Other = Queue(2, "B");
    private static readonly int[] Routes = [Served.Id];

    private static SpecificCallOutcome Check(Ticket? t, DateTimeOffset? at = null) => SpecificCall.Check(t, Window, Routes, at ?? At(10, 0));

    [Fact]
    public void AWaitingTicketOfAServedQueueIsCalledOutOfTurn() =>
        Assert.Equal(SpecificCallOutcome.Call, Check(Issue(Served, 7, At(9, 0))));

    [Fact]
    public void ARecentNoShowIsReinstatedAndCalledButNotAfterThirtyMinutes()
    {
        var t = Called(Served, 3, At(9, 0), At(9, 30), windowId: 8);
        t.MarkNoShow(At(9, 40));

        Assert.Equal(SpecificCallOutcome.ReinstateAndCall, Check(t, At(10, 10)));
        Assert.Equal(SpecificCallOutcome.NoShowTooLongAgo, Check(t, At(10, 11)));
    }

    [Fact]
    public void RefusesWithTheReasonThatApplies()
    {
        var done = Serving(Served, 1, At(9, 0), At(9, 5), At(9, 6));
        done.Complete(At(9, 20));
        var cancelled = Issue(Served, 2, At(9, 0));
        cancelled.Cancel(TicketCancelReason.ApplicantLeft, At(9, 10));
        var elsewhere = Called(Served, 4, At(9, 0), At(9, 30), windowId: 8);
        var parkedHere = Called(Served, 5, At(9, 0), At(9, 30), windowId: Window);
        parkedHere.Park(At(9, 35));
        var parkedThere = Called(Served, 6, At(9, 0), At(9, 30), windowId: 8);
        parkedThere.Park(At(9, 35));
        var otherQueue = Issue(Other, 1, At(9, 0));

        Assert.Equal(SpecificCallOutcome.NotFound, Check(null));
        Assert.Equal(SpecificCallOutcome.Completed, Check(done));
        Assert.Equal(SpecificCallOutcome.Cancelled, Check(cancelled));
        Assert.Equal(SpecificCallOutcome.AtACounter, Check(elsewhere));
        Assert.Equal(SpecificCallOutcome.ParkedHere, Check(parkedHere));
        Assert.Equal(SpecificCallOutcome.ParkedElsewhere, Check(parkedThere));
        Assert.Equal(SpecificCallOutcome.QueueNotServed, Check(otherQueue));
    }

    [Fact]
    public void ATicketTransferredToAWindowByNameIsCalledOnlyThere()
    {
        var toUs = Called(Other, 2, At(9, 0), At(9, 30), windowId: 8);
        toUs.TransferToWindow(Window, At(9, 40));
        var toThem = Called(Served, 9, At(9, 0), At(9, 30), windowId: Window);
        toThem.TransferToWindow(8, At(9, 40));

        Assert.Equal(SpecificCallOutcome.Call, Check(toUs));
        Assert.Equal(SpecificCallOutcome.ReservedForOtherWindow, Check(toThem));
    }
}

public class TicketNoteTests
{
    [Fact]
    public void ABlankNoteIsNoNoteAndALongOneIsRefused()
    {
        Assert.Null(TicketNote.Write(1, TicketNoteKind.Park, "   ", 5, 50, At(9, 0)));
        var note = TicketNote.Write(1, TicketNoteKind.Transfer, "  缺户口本原件  ", 5, 50, At(9, 0))!;
        Assert.Equal(("缺户口本原件", TicketNoteKind.Transfer), (note.Text, note.Kind));
        Assert.Equal(QueueingErrors.NoteTooLong,
            Assert.Throws<DomainException>(() => TicketNote.Write(1, TicketNoteKind.Park, new string('字', TicketNote.TextMaxLength + 1), 5, 50, At(9, 0))).Message);
    }
}

public class MissingMaterialsNoticeTests
{
    private static readonly string[] Guide = ["身份证原件", "户口簿", "不动产权证书", "购房合同"];

    private static MissingMaterialsNotice Issue(IEnumerable<string> missing) =>
        MissingMaterialsNotice.Issue(7, "A007", 3, "11370100MB", "不动产转移登记", Guide, missing, "请于十日内补齐", 5, 50, At(10, 0));

    [Fact]
    public void KeepsTheTickedMaterialsInTheGuidesOrder()
    {
        var notice = Issue(["购房合同", "户口簿"]);

        Assert.Equal(["户口簿", "购房合同"], notice.Materials);
        Assert.Equal(("A007", "不动产转移登记", "请于十日内补齐"), (notice.TicketNumber, notice.ItemName, notice.Note));
    }

    [Fact]
    public void RefusesANoticeWithNothingTickedOrAMaterialTheGuideDoesNotName()
    {
        Assert.Equal(QueueingErrors.NoticeWithoutMaterials, Assert.Throws<DomainException>(() => Issue([])).Message);
        Assert.Equal(QueueingErrors.NoticeMaterialNotInGuide, Assert.Throws<DomainException>(() => Issue(["结婚证"])).Message);
    }
}
