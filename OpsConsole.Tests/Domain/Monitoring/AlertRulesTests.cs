using OpsConsole.Domain.Monitoring;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Tests.Domain.Monitoring;

public sealed class AlertRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly AlertSettings Defaults = new();
    private static readonly Dictionary<int, QueueThresholds> None = [];

    private static QueueState Queue(int waiting, int longestMinutes = 0, int windowsOpen = 1) =>
        new(1, "BDC", "不动产登记", waiting, TimeSpan.FromMinutes(longestMinutes), TimeSpan.FromMinutes(20), windowsOpen);

    private static WindowStateSnapshot Window(WindowState state, int minutesInState) =>
        new(7, 7, "7号窗口", state, Now.AddMinutes(-minutesInState), 1, [1]);

    [Theory]
    [InlineData(14, null)]
    [InlineData(15, AlertSeverity.Yellow)]
    [InlineData(29, AlertSeverity.Yellow)]
    [InlineData(30, AlertSeverity.Red)]
    public void WaitingCountTurnsYellowThenRed(int waiting, AlertSeverity? expected)
    {
        var c = AlertRules.Evaluate([Queue(waiting)], [], Defaults, None, Now).SingleOrDefault(x => x.Kind == AlertKind.QueueWaiting);
        Assert.Equal(expected, c?.Severity);
    }

    [Theory]
    [InlineData(19, null)]
    [InlineData(20, AlertSeverity.Yellow)]
    [InlineData(30, AlertSeverity.Red)]
    public void LongestWaitIsMeasuredAgainstTheQueuesTarget(int longest, AlertSeverity? expected)
    {
        var c = AlertRules.Evaluate([Queue(3, longest)], [], Defaults, None, Now).SingleOrDefault(x => x.Kind == AlertKind.QueueLongestWait);
        Assert.Equal(expected, c?.Severity);
    }

    [Fact]
    public void PerQueueThresholdsOverrideTheDefaults()
    {
        var custom = new Dictionary<int, QueueThresholds> { [1] = new(5, 8, null, null) };
        var c = AlertRules.Evaluate([Queue(8)], [], Defaults, custom, Now).Single(x => x.Kind == AlertKind.QueueWaiting);
        Assert.Equal((AlertSeverity.Red, 8.0), (c.Severity, c.Threshold));
    }

    [Fact]
    public void PeopleWaitingWithNoOpenWindowIsRed()
    {
        var c = AlertRules.Evaluate([Queue(2, windowsOpen: 0)], [], Defaults, None, Now).Single(x => x.Kind == AlertKind.QueueWithoutWindow);
        Assert.Equal(AlertSeverity.Red, c.Severity);
    }

    [Fact]
    public void ALongPauseRaisesAnAlertThatTurnsRedAtTwiceTheLimit()
    {
        Assert.Empty(AlertRules.Evaluate([], [Window(WindowState.Paused, 19)], Defaults, None, Now));
        Assert.Equal(AlertSeverity.Yellow, AlertRules.Evaluate([], [Window(WindowState.Paused, 20)], Defaults, None, Now).Single().Severity);
        Assert.Equal(AlertSeverity.Red, AlertRules.Evaluate([], [Window(WindowState.Paused, 40)], Defaults, None, Now).Single().Severity);
    }

    [Fact]
    public void AnIdleWindowIsFlaggedOnlyWhileItsQueuesHavePeopleWaiting()
    {
        Assert.DoesNotContain(AlertRules.Evaluate([Queue(0)], [Window(WindowState.Idle, 10)], Defaults, None, Now), x => x.Kind == AlertKind.WindowIdleWhileWaiting);
        Assert.Single(AlertRules.Evaluate([Queue(2)], [Window(WindowState.Idle, 10)], Defaults, None, Now), x => x.Kind == AlertKind.WindowIdleWhileWaiting);
    }

    [Fact]
    public void AnAlertFollowsItsConditionAndIsAcknowledgedWithANote()
    {
        var yellow = AlertRules.Evaluate([Queue(16)], [], Defaults, None, Now).Single();
        var alert = new Alert(yellow, Now);
        var red = AlertRules.Evaluate([Queue(31)], [], Defaults, None, Now).Single();
        Assert.True(alert.Update(red, Now.AddMinutes(1)));
        alert.Acknowledge("BJ0003", "已调综合窗支援", Now.AddMinutes(2));
        alert.Resolve(Now.AddMinutes(10));
        Assert.Equal((AlertSeverity.Red, false, "已调综合窗支援"), (alert.Severity, alert.IsOpen, alert.Note));
    }

    [Fact]
    public void SettingsOutOfRangeAreReported()
    {
        Assert.Empty(Defaults.Problems());
        Assert.NotEmpty((Defaults with { WaitingRed = 10, WaitingYellow = 10 }).Problems());
        Assert.NotEmpty((Defaults with { PausedTooLong = TimeSpan.Zero }).Problems());
    }
}
