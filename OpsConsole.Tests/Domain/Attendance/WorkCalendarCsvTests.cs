using OpsConsole.Domain.Attendance;
using Xunit;
using static OpsConsole.Tests.Domain.Attendance.AttendanceScenario;

namespace OpsConsole.Tests.Domain.Attendance;

public class WorkCalendarCsvTests
{
    [Fact]
    public void ReadsHolidaysAndMakeUpWorkdaysWithNames()
    {
        var result = WorkCalendarCsv.Parse("2026-10-01,holiday,国庆节\n2026-10-11,workday,国庆调休\n");

        Assert.False(result.HasErrors);
        Assert.Equal(
            [(D("2026-10-01"), CalendarEntryKind.Holiday, "国庆节"), (D("2026-10-11"), CalendarEntryKind.Workday, "国庆调休")],
            result.Entries.Select(e => (e.Date, e.Kind, e.Name)));
    }

    [Fact]
    public void SkipsBomHeaderCommentsAndBlankLinesAndAcceptsChineseKinds()
    {
        var result = WorkCalendarCsv.Parse("\uFEFF日期,类型,名称\r\n# 2026年示例数据\r\n\r\n2026/10/2，休，国庆节\r\n2026-10-10,班\r\n");

        Assert.Empty(result.Errors);
        Assert.Equal([(D("2026-10-02"), "国庆节"), (D("2026-10-10"), "")], result.Entries.Select(e => (e.Date, e.Name)));
        Assert.Equal(CalendarEntryKind.Workday, result.Entries[1].Kind);
    }

    [Fact]
    public void ReportsBadLinesWithTheirNumbersAndKeepsTheGoodOnes()
    {
        var text = string.Join('\n',
            "date,kind,name",                       // 1 header
            "2026-10-01,holiday,国庆节",             // 2 good
            "2026-13-01,holiday,十三月",             // 3 bad date
            "2026-10-02,party,联欢",                 // 4 bad kind
            "2026-10-03",                            // 5 one field
            "2026-10-01,holiday,重复",               // 6 duplicate of line 2
            "2026-10-04,holiday," + new string('节', 41), // 7 name too long
            "2026-10-11,workday,国庆调休",           // 8 good
            "2026-10-05,holiday,国庆节,多余");        // 9 four fields

        var result = WorkCalendarCsv.Parse(text);

        Assert.Equal([D("2026-10-01"), D("2026-10-11")], result.Entries.Select(e => e.Date));
        Assert.Equal(
            [(3, CalendarCsvProblem.BadDate), (4, CalendarCsvProblem.BadKind), (5, CalendarCsvProblem.WrongFieldCount),
             (6, CalendarCsvProblem.DuplicateDate), (7, CalendarCsvProblem.NameTooLong), (9, CalendarCsvProblem.WrongFieldCount)],
            result.Errors.Select(e => (e.LineNumber, e.Problem)));
        Assert.Equal("2026-10-02,party,联欢", result.Errors[1].Line);
        Assert.StartsWith("第4行：", result.Errors[1].Message);
    }

    [Fact]
    public void EmptyTextGivesNoEntriesAndNoErrors()
    {
        var result = WorkCalendarCsv.Parse("");

        Assert.Empty(result.Entries);
        Assert.Empty(result.Errors);
    }
}
