using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Tests.Domain.Attendance;

/// <summary>A raw punch stores any text a terminal or a file sends, on every provider.</summary>
public sealed class RawPunchTextTests
{
    [Fact]
    public void NulIsDroppedAndAHalfSurrogateBecomesAReplacementCharacter()
    {
        var raw = new RawPunch(PunchChannel.FileImport, DateTimeOffset.UnixEpoch,
            new RawPunchFields("BJ0001\0\0", "2026-11-16 08:50", MethodText: "face\ud83d", RawText: "a\0b\ude00c"), RawPunchOutcome.Invalid, "x");

        Assert.Equal("BJ0001", raw.EmployeeNo);
        Assert.Equal("face\uFFFD", raw.MethodText);
        Assert.Equal("ab\uFFFDc", raw.RawText);
    }

    [Theory]
    [InlineData("xx😀", 3, "xx")]          // an emoji is two UTF-16 units
    [InlineData("xe\u0301y", 2, "x")]      // e + combining acute accent is one text element
    [InlineData("abc", 3, "abc")]
    public void TextIsCutBetweenTextElements(string text, int max, string expected) =>
        Assert.Equal(expected, StorableText.Fit(text, max));

    [Fact]
    public void AnOverLongFieldIsAnInvalidItem()
    {
        var intake = new PunchIntake(new Dictionary<string, PunchOwner>(), [], new WorkCalendar([]), new ScheduleResolver([WorkSchedule.Standard()]), new DateTime(2026, 11, 23, 10, 0, 0));
        var verdict = intake.Judge(new PunchCandidate(new RawPunchFields(new string('9', 21), "2026-11-16 08:50"), new DateTime(2026, 11, 16, 8, 50, 0), PunchMethod.Face));

        Assert.Equal(RawPunchOutcome.Invalid, verdict.Outcome);
        Assert.Contains("工号超过20个字符", verdict.Reason);
    }
}
