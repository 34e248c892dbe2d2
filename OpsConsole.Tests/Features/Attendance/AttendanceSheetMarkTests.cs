using OpsConsole.Domain.Attendance;
using OpsConsole.Features.Attendance;

namespace OpsConsole.Tests.Features.Attendance;

/// <summary>The sheet's packed mark gives back every field it was made from (it keeps them in bytes).</summary>
public sealed class AttendanceSheetMarkTests
{
    public static TheoryData<HalfDay, HalfDayStatus, LeaveKind?, OfficialAbsenceKind?, decimal> Marks => new()
    {
        { HalfDay.Morning, HalfDayStatus.Normal, null, null, 0m },
        { HalfDay.Afternoon, HalfDayStatus.Late, null, null, 0.5m },
        { HalfDay.Morning, HalfDayStatus.OnLeave, LeaveKind.Personal, null, 1.25m },
        { HalfDay.Afternoon, HalfDayStatus.OfficialAbsence, null, OfficialAbsenceKind.Business, 0m },
        { HalfDay.Afternoon, HalfDayStatus.NotYetDue, LeaveKind.Annual, OfficialAbsenceKind.Training, 10.125m },
    };

    [Theory]
    [MemberData(nameof(Marks))]
    public void AMarkKeepsWhatItWasMadeOf(HalfDay half, HalfDayStatus status, LeaveKind? leave, OfficialAbsenceKind? official, decimal deduction)
    {
        var mark = new AttendanceSheet.Mark(half, status, leave, official, deduction);

        Assert.Equal(half, mark.Half);
        Assert.Equal(status, mark.Status);
        Assert.Equal(leave, mark.Leave);
        Assert.Equal(official, mark.OfficialAbsence);
        Assert.Equal(deduction, mark.Deduction);
    }
}
