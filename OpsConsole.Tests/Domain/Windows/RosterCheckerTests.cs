using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Tests.Domain.Windows;

public sealed class RosterCheckerTests
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private static readonly DateOnly[] Workdays = Enumerable.Range(0, 5).Select(Monday.AddDays).ToArray();
    private const int W1 = 1, W2 = 2, Q1 = 10, Q2 = 20, Alice = 100, Bob = 200;

    // Window 1 serves queue 1 (items 1, 2); window 2 serves queue 2 (item 3). Both queues open all day.
    private static readonly WindowQueueRoute[] Routes = [new(W1, Q1, 1), new(W2, Q2, 1)];
    private static readonly RosterQueue[] Queues = [new(Q1, true, true, [1, 2]), new(Q2, true, true, [3])];
    private static readonly Dictionary<int, IReadOnlySet<int>> Skilled = new() { [Alice] = new HashSet<int> { 1, 2, 3 }, [Bob] = new HashSet<int> { 1, 2, 3 } };

    /// <summary>Alice at window 1 and Bob at window 2 every half-day: no conflicts.</summary>
    private static List<RosterCell> FullWeek() =>
        Workdays.SelectMany(d => RosterChecker.HalfDays.SelectMany(h => new[] { new RosterCell(d, h, W1, Alice), new RosterCell(d, h, W2, Bob) })).ToList();

    private static IReadOnlyList<RosterConflict> Check(List<RosterCell> cells, IReadOnlyList<AwayHalfDay>? away = null,
        IReadOnlyCollection<int>? staff = null, IReadOnlyDictionary<int, IReadOnlySet<int>>? skills = null) =>
        RosterChecker.Check(new RosterWeek(Workdays, cells, staff ?? [Alice, Bob], away ?? [], Routes, Queues, skills ?? Skilled));

    [Fact]
    public void AFullWeekWithSkilledPeopleHasNoConflicts() => Assert.Empty(Check(FullWeek()));

    [Fact]
    public void SomeoneRosteredOnAnApprovedLeaveHalfDayIsFlaggedForThatCellOnly()
    {
        var conflict = Assert.Single(Check(FullWeek(), away: [new AwayHalfDay(Alice, Monday.AddDays(2), HalfDay.Afternoon)]));
        Assert.Equal(new RosterConflict(RosterConflictKind.OnLeave, Monday.AddDays(2), HalfDay.Afternoon, W1, Alice), conflict);
    }

    [Fact]
    public void WindowStaffNotRosteredAllWeekAreListed()
    {
        const int carol = 300;
        var conflict = Assert.Single(Check(FullWeek(), staff: [Alice, Bob, carol]));
        Assert.Equal((RosterConflictKind.NotRostered, (int?)carol), (conflict.Kind, conflict.StaffId));
    }

    [Fact]
    public void OnePersonOnTwoWindowsInTheSameHalfDayFlagsBothCells()
    {
        var cells = FullWeek();
        cells.RemoveAll(c => c.Day == Monday && c.HalfDay == HalfDay.Morning && c.WindowId == W2);
        cells.Add(new RosterCell(Monday, HalfDay.Morning, W2, Alice));

        var conflicts = Check(cells, staff: [Alice]);

        Assert.Equal([W1, W2], conflicts.Where(c => c.Kind == RosterConflictKind.TwoWindows).Select(c => c.WindowId!.Value));
        Assert.All(conflicts, c => Assert.Equal((Monday, HalfDay.Morning, (int?)Alice), (c.Day!.Value, c.HalfDay!.Value, c.StaffId)));
        Assert.Equal(2, conflicts.Count);
    }

    [Fact]
    public void TheSamePersonMorningAndAfternoonAtDifferentWindowsIsFine()
    {
        var cells = FullWeek().Select(c => c.Day == Monday && c.HalfDay == HalfDay.Afternoon ? c with { StaffId = c.StaffId == Alice ? Bob : Alice } : c).ToList();
        Assert.Empty(Check(cells));
    }

    [Fact]
    public void AnOpenQueueWithNoRosteredWindowIsFlaggedPerHalfDay()
    {
        var cells = FullWeek().Where(c => !(c.WindowId == W2 && c.Day == Monday.AddDays(4))).ToList();

        var conflicts = Check(cells);

        Assert.Equal([(Monday.AddDays(4), HalfDay.Morning), (Monday.AddDays(4), HalfDay.Afternoon)],
            conflicts.Select(c => (c.Day!.Value, c.HalfDay!.Value)));
        Assert.All(conflicts, c => Assert.Equal((RosterConflictKind.QueueUncovered, (int?)Q2), (c.Kind, c.QueueId)));
    }

    [Fact]
    public void AQueueClosedInTheAfternoonNeedsNoAfternoonWindow()
    {
        var cells = FullWeek().Where(c => !(c.WindowId == W2 && c.HalfDay == HalfDay.Afternoon)).ToList();
        var conflicts = RosterChecker.Check(new RosterWeek(Workdays, cells, [Alice, Bob], [], Routes,
            [Queues[0], new RosterQueue(Q2, true, false, [3])], Skilled));
        Assert.Empty(conflicts);
    }

    [Fact]
    public void APersonWithoutTheSkillsOfTheWindowsQueuesIsFlaggedWithTheNumberMissing()
    {
        var skills = new Dictionary<int, IReadOnlySet<int>> { [Alice] = new HashSet<int> { 1 }, [Bob] = new HashSet<int> { 3 } };

        var conflicts = Check(FullWeek(), skills: skills);

        Assert.Equal(10, conflicts.Count);
        Assert.All(conflicts, c => Assert.Equal((RosterConflictKind.SkillsMissing, W1, Alice, 1), (c.Kind, c.WindowId!.Value, c.StaffId!.Value, c.MissingItems)));
    }

    [Fact]
    public void CellsOnNonWorkdaysAreIgnored()
    {
        var cells = FullWeek();
        cells.Add(new RosterCell(Monday.AddDays(5), HalfDay.Morning, W2, Alice));
        Assert.Empty(Check(cells));
    }

    [Theory]
    [InlineData(9, 12, true, false)]
    [InlineData(13, 17, false, true)]
    [InlineData(9, 17, true, true)]
    public void OpeningHoursTellWhichHalfDaysAQueueOpens(int from, int to, bool morning, bool afternoon) =>
        Assert.Equal((morning, afternoon), RosterChecker.Opens([new OpsConsole.Domain.Queueing.OpeningPeriod(new TimeOnly(from, 0), new TimeOnly(to, 0))]));
}
