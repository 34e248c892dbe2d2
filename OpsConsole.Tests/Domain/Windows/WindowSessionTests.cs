using OpsConsole.Domain.Common;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Tests.Domain.Windows;

public sealed class WindowSessionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(8));

    private static WindowSession Open(int staffId = 7)
    {
        var s = new WindowSession(1, T0);
        s.SignIn(staffId, T0);
        return s;
    }

    [Fact]
    public void SigningInOpensTheWindowIdle()
    {
        var s = Open();
        Assert.Equal(WindowState.Idle, s.State);
        Assert.Equal(7, s.StaffId);
    }

    [Fact]
    public void AnotherPersonCannotSignInToAnOpenWindow()
    {
        var ex = Assert.Throws<DomainException>(() => Open().SignIn(8, T0));
        Assert.Equal(WindowErrors.OccupiedByOther, ex.Message);
    }

    [Fact]
    public void TakingATicketServesAndReleasingGoesBackToIdle()
    {
        var s = Open();
        s.TakeTicket(42, T0.AddMinutes(1));
        Assert.Equal((WindowState.Serving, 42), (s.State, s.CurrentTicketId!.Value));
        s.ReleaseTicket(T0.AddMinutes(5));
        Assert.Equal(WindowState.Idle, s.State);
        Assert.Null(s.CurrentTicketId);
    }

    [Fact]
    public void ASecondTicketIsRefusedWhileOneIsAtTheCounter()
    {
        var s = Open();
        s.TakeTicket(42, T0);
        Assert.Equal(WindowErrors.TicketAtCounter, Assert.Throws<DomainException>(() => s.TakeTicket(43, T0)).Message);
    }

    [Fact]
    public void APausedWindowCannotTakeTicketsUntilResumed()
    {
        var s = Open();
        s.Pause(PauseReason.Meeting, "科室例会", T0);
        Assert.Equal((WindowState.Paused, PauseReason.Meeting), (s.State, s.PauseReason!.Value));
        Assert.Equal(WindowErrors.Paused, Assert.Throws<DomainException>(() => s.TakeTicket(1, T0)).Message);
        s.Resume(T0.AddMinutes(30));
        Assert.Null(s.PauseReason);
        s.TakeTicket(1, T0.AddMinutes(31));
    }

    [Fact]
    public void CannotPauseOrSignOutWithATicketAtTheCounter()
    {
        var s = Open();
        s.TakeTicket(42, T0);
        Assert.Equal(WindowErrors.TicketAtCounter, Assert.Throws<DomainException>(() => s.Pause(PauseReason.Break, null, T0)).Message);
        Assert.Equal(WindowErrors.TicketAtCounter, Assert.Throws<DomainException>(() => s.SignOut(T0)).Message);
    }

    [Fact]
    public void AClosedWindowRefusesWork()
    {
        var s = new WindowSession(1, T0);
        Assert.Equal(WindowErrors.NotSignedIn, Assert.Throws<DomainException>(() => s.TakeTicket(1, T0)).Message);
        Assert.Equal(WindowErrors.NotPaused, Assert.Throws<DomainException>(() => s.Resume(T0)).Message);
    }

    [Fact]
    public void EndOfDayClosesEvenWithATicketAtTheCounter()
    {
        var s = Open();
        s.TakeTicket(42, T0);
        s.CloseForTheDay(T0.AddHours(8));
        Assert.Equal(WindowState.Closed, s.State);
        Assert.Null(s.StaffId);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void RoutePrecedenceIsOneToFour(int precedence) =>
        Assert.Throws<DomainException>(() => new WindowQueueRoute(1, 1, precedence));
}
