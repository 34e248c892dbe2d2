using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;

namespace OpsConsole.Tests.Domain.Assessment;

/// <summary>
/// A month computed by hand (November 2026): staff A and B serve at window W, C is W's chief
/// representative. Every figure below was worked out on paper from the default scheme
/// (PRODUCT.md: base 100, bonus cap +5, no floor, chief bears half of the window's deductions).
/// </summary>
public class MonthScorerTests
{
    private const int A = 1, B = 2, C = 3, W = 10;
    private static readonly YearMonth November = new(2026, 11);
    private static readonly AssessmentScheme Scheme = AssessmentScheme.Defaults(November);

    private static DateOnly Nov(int day) => new(2026, 11, day);

    private static AssessmentEvent Staff(int who, string item, int day, string type, string id, decimal? points = null) =>
        new(item, ItemSubject.Staff, who, Nov(day), type, id, $"{type} {id}", points);

    private static readonly AssessmentEvent[] Events =
    [
        // A: two attendance lines (their own points), two bad ratings (one appealed), three bonuses.
        Staff(A, ItemCodes.Attendance, 3, "punch", "p-301", -1m),
        Staff(A, ItemCodes.Attendance, 5, "half-day", "2026-11-05-am", -2m),
        Staff(A, ItemCodes.BadRating, 10, "evaluation", "501"),
        Staff(A, ItemCodes.BadRating, 12, "evaluation", "502"),
        Staff(A, ItemCodes.CommendationBanner, 20, "commendation", "c-1"),
        Staff(A, ItemCodes.CommendationLetter, 21, "commendation", "c-2"),
        Staff(A, ItemCodes.Innovation, 25, "manual", "m-1"),
        new(ItemCodes.BadRating, ItemSubject.Staff, A, new DateOnly(2026, 10, 31), "evaluation", "499", "last month"),
        // B: posted from 16 November; six findings that reach the inspection cap, a red card (veto), three banners (bonus cap).
        Staff(B, ItemCodes.InspectionPrefix + "phone", 3, "finding", "f-1", -1m),
        Staff(B, ItemCodes.InspectionPrefix + "absent", 17, "finding", "f-2", -2m),
        Staff(B, ItemCodes.InspectionPrefix + "absent", 18, "finding", "f-3", -2m),
        Staff(B, ItemCodes.InspectionPrefix + "absent", 19, "finding", "f-4", -2m),
        Staff(B, ItemCodes.InspectionPrefix + "phone", 20, "finding", "f-5", -1m),
        Staff(B, ItemCodes.InspectionPrefix + "absent", 23, "finding", "f-6", -2m),
        Staff(B, ItemCodes.InspectionPrefix + "absent", 24, "finding", "f-7", -2m),
        Staff(B, ItemCodes.RedCard, 25, "card", "77"),
        Staff(B, ItemCodes.CommendationBanner, 26, "commendation", "c-3"),
        Staff(B, ItemCodes.CommendationBanner, 27, "commendation", "c-4"),
        Staff(B, ItemCodes.CommendationBanner, 30, "commendation", "c-5"),
        // C: a yellow card, a partly upheld complaint, an overdue rectification.
        Staff(C, ItemCodes.YellowCard, 10, "card", "60"),
        Staff(C, ItemCodes.ComplaintPartlyUpheld, 12, "complaint", "9"),
        Staff(C, ItemCodes.RectificationOverdue, 27, "rectification", "31"),
        // W itself: an upheld complaint against the window (veto) and a hygiene finding.
        new(ItemCodes.ComplaintUpheld, ItemSubject.Window, W, Nov(18), "complaint", "8", "窗口整体服务问题"),
        new(ItemCodes.InspectionPrefix + "hygiene", ItemSubject.Window, W, Nov(19), "finding", "f-8", "窗口卫生", -0.5m),
    ];

    private static MonthScores Compute(params LineAdjustment[] adjustments) => MonthScorer.Score(Scheme, November, [A, B, C],
        (who, day) => who != B || day >= Nov(16), Events, [new(W, A, 20), new(W, B, 10)], [new ChiefWindows(C, [W])], adjustments);

    [Fact]
    public void TheHandComputedMonth()
    {
        var appeal = new LineAdjustment(ItemCodes.BadRating, "evaluation", "502", null, "误评：申请人当场更正");
        var scores = Compute(appeal);

        // A: 100 − 1 − 2 (attendance) − 2 (one rating; the other's appeal was upheld) + 2 + 1 + 1 = 99.
        var a = scores.Staff[A];
        Assert.Equal(99m, a.Total);
        Assert.Equal(7, a.Lines.Count); // October's rating is not in November
        var appealed = a.Lines.Single(l => l.SourceId == "502");
        Assert.Equal((-2m, 0m, LineNote.AppealUpheld, "误评：申请人当场更正"), (appealed.SourcePoints, appealed.Points, appealed.Note, appealed.NoteText));
        Assert.False(a.Vetoed);

        // B: findings before the posting do not count; 2+2+2+1+2 = 9, then the cap of 10 leaves 1 of the last 2;
        // −5 red card (veto); +6 in banners, capped at +5. 100 − 10 − 5 + 6 − 1 = 90.
        var b = scores.Staff[B];
        Assert.Equal(90m, b.Total);
        Assert.DoesNotContain(b.Lines, l => l.SourceId == "f-1");
        var capped = b.Lines.Single(l => l.SourceId == "f-7");
        Assert.Equal((-2m, -1m, LineNote.CapReached), (capped.SourcePoints, capped.Points, capped.Note));
        Assert.Equal(-1m, b.Lines.Single(l => l.ItemCode == ItemCodes.BonusCapped).Points);
        Assert.True(b.Vetoed);

        // W: its own deductions 5 + 0.5; C bears half: −2.75. C: 100 − 2 − 2 − 2 − 2.75 = 91.25.
        var c = scores.Staff[C];
        Assert.Equal(91.25m, c.Total);
        var share = c.Lines.Single(l => l.ItemCode == ItemCodes.ChiefShare);
        Assert.Equal((-5.5m, -2.75m, W.ToString()), (share.SourcePoints, share.Points, share.SourceId));
        Assert.False(c.Vetoed); // the window's veto is the window's

        // W: (99 × 20 + 90 × 10) / 30 = 96, then − 5.5 = 90.5; vetoed by the upheld complaint.
        var w = scores.Windows[W];
        Assert.Equal((96m, 90.5m, true), (w.Base, w.Total, w.Vetoed));

        Assert.Equal(new Dictionary<int, int> { [A] = 1, [C] = 2, [B] = 3 },
            Rankings.Rank(scores.Staff.Values.Select(s => (s.SubjectId, s.Total))));
    }

    [Fact]
    public void WithoutTheAppealTheRatingCounts()
    {
        Assert.Equal(97m, Compute().Staff[A].Total);
    }

    [Fact]
    public void ASchemeThatCannotBeReachedIsRefused()
    {
        Assert.Equal(AssessmentErrors.CapBelowOneOccurrence, Assert.Throws<DomainException>(() =>
            new AssessmentScheme(November, 100, 5, null, 0.5m, [new SchemeItem("x", "测试", -5m, MonthlyCap: 2m)])).Message);
        Assert.Equal(AssessmentErrors.DuplicateItem, Assert.Throws<DomainException>(() =>
            new AssessmentScheme(November, 100, 5, null, 0.5m, [new SchemeItem("x", "测试", -1m), new SchemeItem("x", "重复", -2m)])).Message);
        Assert.Equal(AssessmentErrors.InvalidFloor, Assert.Throws<DomainException>(() =>
            new AssessmentScheme(November, 100, 5, 120m, 0.5m, [])).Message);
        Assert.Equal(AssessmentErrors.UnknownItem, Assert.Throws<DomainException>(() => MonthScorer.Score(Scheme, November, [A], (_, _) => true,
            [Staff(A, "no-such-item", 3, "x", "1")], [], [], [])).Message);
    }

    [Fact]
    public void AFloorHoldsAndAQuarterIsTheAverageOfItsScoredMonths()
    {
        var strict = new AssessmentScheme(November, 100, 5, 80m, 0.5m, [new SchemeItem("absent", "旷工", -30m)]);
        var scores = MonthScorer.Score(strict, November, [A], (_, _) => true, [Staff(A, "absent", 2, "x", "1")], [], [], []);
        Assert.Equal((80m, true), (scores.Staff[A].Total, scores.Staff[A].FloorApplied));
        Assert.Equal(95.42m, Rankings.AverageOfMonths([99m, 90m, 97.25m]));
        Assert.Null(Rankings.AverageOfMonths([]));
    }
}
