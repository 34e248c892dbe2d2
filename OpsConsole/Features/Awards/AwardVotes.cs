using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Awards;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Awards;

/// <summary>A poll open to a channel: the rule, the period being voted on, its choices and the voter's ballot if cast.</summary>
public sealed record AwardPoll(AwardRule Rule, AwardPeriod Period, IReadOnlyList<VoteChoice> Choices, int? VotedFor, bool Closed)
{
    public string Title => Rule.TitleFor(Period);
}

/// <summary>A window or person one may vote for.</summary>
public sealed record VoteChoice(int SubjectId, string Name, string? Department);

/// <summary>
/// Ballots for the weighted composite: duty officers (signed-in managers) on a page, the public on a phone page
/// from the hall's QR code. One ballot per voter, rule, period and channel (a unique index); a poll is open for
/// the period containing today and closes when its round is confirmed (ADR 0037).
/// </summary>
public sealed class AwardVotes(IDbContextFactory<OpsDbContext> dbFactory, AwardRules rules, CenterClock clock, TimeProvider time)
{
    public AwardPeriod CurrentPeriod(AwardRule rule) => AwardPeriod.Containing(rule.Period, clock.Today);

    public IEnumerable<AwardRule> RulesFor(BallotChannel channel) => channel == BallotChannel.Public ? rules.WithPublicVote : rules.WithDutyVote;

    public async Task<AwardPoll?> PollAsync(string ruleCode, BallotChannel channel, string? voter, CancellationToken ct = default)
    {
        var rule = RulesFor(channel).FirstOrDefault(r => r.Code == ruleCode);
        if (rule is null) return null;
        var period = CurrentPeriod(rule);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var closed = await db.AwardRounds.AnyAsync(r => r.RuleCode == rule.Code && r.PeriodKey == period.Key, ct);
        int? votedFor = voter is null ? null : await db.AwardBallots.Where(b => b.RuleCode == rule.Code && b.PeriodKey == period.Key
            && b.Channel == channel && b.Voter == voter).Select(b => (int?)b.SubjectId).FirstOrDefaultAsync(ct);
        return new AwardPoll(rule, period, await ChoicesAsync(db, rule, ct), votedFor, closed);
    }

    /// <summary>Casts a ballot; a second one from the same voter for the same poll is refused, even when sent at the same moment.</summary>
    public async Task<OpResult> CastAsync(string ruleCode, BallotChannel channel, string voter, int subjectId, CancellationToken ct = default)
    {
        var poll = await PollAsync(ruleCode, channel, voter, ct);
        if (poll is null) return OpResult.Fail("该投票不存在或未开放。");
        if (poll.Closed) return OpResult.Fail("本期评选已确认，投票已结束。");
        if (poll.VotedFor is not null) return OpResult.Fail("您本期已经投过票，感谢参与。");
        if (poll.Choices.All(c => c.SubjectId != subjectId)) return OpResult.Fail("请选择一个投票对象。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            db.AwardBallots.Add(new AwardBallot(poll.Rule.Code, poll.Period, channel, voter, subjectId, time.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException ex)
        {
            return OpResult.Fail(ex.Message);
        }
        catch (DbUpdateException)
        {
            return OpResult.Fail("您本期已经投过票，感谢参与。");
        }
        return OpResult.Ok;
    }

    /// <summary>Ballots counted so far per choice (the managers' page shows them).</summary>
    public async Task<IReadOnlyDictionary<int, int>> CountAsync(AwardRule rule, AwardPeriod period, BallotChannel channel, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.AwardBallots.AsNoTracking().Where(b => b.RuleCode == rule.Code && b.PeriodKey == period.Key && b.Channel == channel)
            .GroupBy(b => b.SubjectId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
    }

    /// <summary>Active windows of a department for window awards; active staff of a department (or chiefs) for personal ones.</summary>
    private static async Task<IReadOnlyList<VoteChoice>> ChoicesAsync(OpsDbContext db, AwardRule rule, CancellationToken ct)
    {
        if (rule.IsWindowAward)
            return (await db.Windows.AsNoTracking().Where(w => w.Active && w.DepartmentId != null)
                    .Select(w => new { w.Id, w.Name, w.Number, Department = w.Department!.Name }).ToListAsync(ct))
                .OrderBy(w => w.Number).Select(w => new VoteChoice(w.Id, w.Name, w.Department)).ToList();
        var chiefsOnly = rule.Subject == AwardSubject.ChiefRepresentative;
        return (await db.Staff.AsNoTracking().Where(s => s.Active && s.DepartmentId != null && (!chiefsOnly || s.IsChiefRepresentative))
                .Select(s => new { s.Id, s.Name, s.EmployeeNo, Department = s.Department!.Name }).ToListAsync(ct))
            .OrderBy(s => s.EmployeeNo, StringComparer.Ordinal).Select(s => new VoteChoice(s.Id, s.Name, s.Department)).ToList();
    }
}

/// <summary>
/// The phone's voting identity: a random id in a cookie signed by the app's data protection (a forged or edited
/// cookie is a new phone), stored as its SHA-256 so the database never holds the cookie's value; and the per-address
/// limit on public votes (ADR 0037).
/// </summary>
public sealed class PublicVoter : IDisposable
{
    public const string CookieName = "ops_voter";
    private readonly IDataProtector _protector;
    private readonly PartitionedRateLimiter<string> _limiter;

    public PublicVoter(IDataProtectionProvider protection, IOptions<AwardOptions> options)
    {
        _protector = protection.CreateProtector("OpsConsole.Awards.PublicVoter");
        var o = options.Value;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, o.PublicVotesPerAddress),
            Window = TimeSpan.FromMinutes(Math.Max(1, o.PublicVoteWindowMinutes)),
            QueueLimit = 0,
        }));
    }

    /// <summary>The voter of this request's cookie, or null when it has none (or a forged one).</summary>
    public string? Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return null;
        try
        {
            return Hash(_protector.Unprotect(value));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>The voter of this request, giving the phone a new signed cookie when it has none.</summary>
    public string Ensure(HttpContext http)
    {
        if (Read(http) is { } voter) return voter;
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        http.Response.Cookies.Append(CookieName, _protector.Protect(id), new CookieOptions
        {
            HttpOnly = true,
            Secure = http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(400),
        });
        return Hash(id);
    }

    /// <summary>False when this address has cast too many public votes lately.</summary>
    public bool TryTake(HttpContext http)
    {
        using var lease = _limiter.AttemptAcquire(http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        return lease.IsAcquired;
    }

    private static string Hash(string id) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));

    public void Dispose() => _limiter.Dispose();
}
