using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using static OpsConsole.Tests.Domain.Queueing.QueueingTestData;

namespace OpsConsole.Tests.Domain.Queueing;

/// <summary>The applicant's path (issue 10): next opening, phone numbers, near-turn notices, what a ticket carries.</summary>
public class HallApplicantTests
{
    private static readonly WorkCalendar Weekdays = new([]);

    [Theory]
    [InlineData(23, 7, 30, "2026-11-23 09:00")]   // Monday before opening
    [InlineData(23, 12, 20, "2026-11-23 13:00")]  // lunch break
    [InlineData(23, 17, 30, "2026-11-24 09:00")]  // Monday night
    [InlineData(27, 18, 0, "2026-11-30 09:00")]   // Friday night: Monday
    [InlineData(28, 10, 0, "2026-11-30 09:00")]   // Saturday morning
    public void TheNextOpeningSkipsBreaksNightsAndDaysOff(int day, int hour, int minute, string expected)
    {
        var now = On(new DateOnly(2026, 11, day), hour, minute);
        var next = QueueHours.NextOpening(Queue(), now, Weekdays);
        Assert.Equal(expected, next!.Value.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Beijing, next.Value.Offset);
    }

    [Fact]
    public void AnOpenQueueHasNoNextOpening() => Assert.Null(QueueHours.NextOpening(Queue(), At(10, 0), Weekdays));

    [Theory]
    [InlineData("13812345678", "13812345678")]
    [InlineData("138 1234 5678", "13812345678")]
    [InlineData("+86 138-1234-5678", "13812345678")]
    [InlineData("008613812345678", "13812345678")]
    public void MobileNumbersParse(string input, string value)
    {
        Assert.True(MobileNumber.TryParse(input, out var number));
        Assert.Equal((value, "138****5678"), (number!.Value, number.Masked));
    }

    [Theory]
    [InlineData("")]
    [InlineData("1381234567")]      // 10 digits
    [InlineData("23812345678")]     // not a mobile prefix
    [InlineData("11812345678")]
    [InlineData("0531-88888888")]   // a landline
    [InlineData("1381234567a")]
    public void WhatIsNotAMobileNumberIsRefused(string input) => Assert.False(MobileNumber.TryParse(input, out _));

    private static NearTurnNotice Notice(int whenAhead = 2)
    {
        MobileNumber.TryParse("13812345678", out var phone);
        return new NearTurnNotice(7, 1, Today, phone!, whenAhead, At(10, 0));
    }

    [Fact]
    public void ANoticeIsDueWhenFewEnoughAreAheadAndIsSentOnce()
    {
        var notice = Notice();
        Assert.False(notice.IsDue(3));
        Assert.True(notice.IsDue(2));
        notice.Claim();
        notice.MarkSent(At(10, 5));
        Assert.Equal((NearTurnState.Sent, 1), (notice.State, notice.Attempts));
        Assert.False(notice.IsDue(0));
        Assert.Throws<DomainException>(notice.Claim);
    }

    [Fact]
    public void AFailingNoticeIsTriedAtMostThreeTimesThenGivenUp()
    {
        var notice = Notice();
        for (var i = 1; i <= NearTurnNotice.MaxAttempts; i++)
        {
            Assert.True(notice.IsDue(1));
            notice.Claim();
            notice.MarkFailed("gateway 502");
        }
        Assert.Equal((NearTurnState.Failed, 3, "gateway 502"), (notice.State, notice.Attempts, notice.LastError));
        Assert.False(notice.IsDue(0));
    }

    [Fact]
    public void APurgedNoticeKeepsOnlyTheMaskedNumber()
    {
        var notice = Notice();
        notice.Purge(At(23, 0));
        Assert.Equal(("", "138****5678", NearTurnState.Dropped), (notice.Phone, notice.PhoneMasked, notice.State));
        Assert.False(notice.IsDue(0));
    }

    [Fact]
    public void ATicketCarriesTheMaskedIdAndTheItemNeverTheFullNumber()
    {
        var ticket = Issue(Queue(), 1, At(10, 0)).For(ResidentIdNumber.Mask("371302199001050021"), 42);
        Assert.Equal(("3713**********0021", 42), (ticket.IdNumberMasked, ticket.ServiceItemId!.Value));
        Assert.Throws<DomainException>(() => Issue(Queue(), 2, At(10, 0)).For("371302199001050021", null));
        Assert.Throws<DomainException>(() => Issue(Queue(), 3, At(10, 0)).For(null, 0));
    }
}
