using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Awards;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Awards;

/// <summary>A proposal as shown to the manager: the months it rests on, every candidate's components, and the round if confirmed.</summary>
public sealed record AwardProposal(AwardRule Rule, AwardPeriod Period, IReadOnlyList<YearMonth> MonthsPublished, IReadOnlyList<YearMonth> MonthsMissing,
    IReadOnlyList<AwardProposalRow> Rows, AwardRound? Round, IReadOnlyList<Award> Awards)
{
    public bool Confirmed => Round is not null;
}

/// <summary>One honor of a window or person, for their own pages.</summary>
public sealed record HonorRow(AwardKind Kind, string Period, string Title, string HolderName, int Place, string? CertificateNumber, DateTimeOffset ConfirmedAt);

/// <summary>
/// 评先树优: proposes a rule's ranking for a period from the published assessment scores and the ballots, and
/// confirms it (the manager's overrides with reasons), which stores the awards and issues their certificates
/// through <see cref="CertificateDesk"/> (numbers never reused, ADR 0028).
/// </summary>
public sealed class AwardDesk(IDbContextFactory<OpsDbContext> dbFactory, AwardRules rules, CertificateDesk certificates, TimeProvider time)
{
    public async Task<AwardProposal> ProposeAsync(AwardRule rule, AwardPeriod period, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AwardRounds.AsNoTracking().FirstOrDefaultAsync(r => r.RuleCode == rule.Code && r.PeriodKey == period.Key, ct);
        var awards = round is null ? [] : await db.Awards.AsNoTracking().Where(a => a.AwardRoundId == round.Id).OrderBy(a => a.Place).ToListAsync(ct);

        var months = period.Months;
        var years = months.Select(m => m.Year).Distinct().ToList();
        var published = (await db.AssessmentMonths.AsNoTracking()
                .Where(m => years.Contains(m.Year) && (m.State == AssessmentMonthState.Published || m.State == AssessmentMonthState.Locked))
                .Select(m => new { m.Id, m.Year, m.Month, m.Version }).ToListAsync(ct))
            .Where(m => months.Contains(new YearMonth(m.Year, m.Month))).ToList();
        var monthIds = published.Select(m => m.Id).ToList();
        var stored = (await db.AssessmentScores.AsNoTracking().Where(s => monthIds.Contains(s.AssessmentMonthId)).ToListAsync(ct))
            .Where(s => published.Any(m => m.Id == s.AssessmentMonthId && m.Version == s.Version)).ToList();

        var windowScores = PeriodScores(stored.Where(s => s.Subject == ItemSubject.Window));
        var staffScores = PeriodScores(stored.Where(s => s.Subject == ItemSubject.Staff));
        var departments = await db.Departments.AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var ballots = await db.AwardBallots.AsNoTracking().Where(b => b.RuleCode == rule.Code && b.PeriodKey == period.Key)
            .GroupBy(b => new { b.Channel, b.SubjectId }).Select(g => new { g.Key.Channel, g.Key.SubjectId, Count = g.Count() }).ToListAsync(ct);
        int Votes(BallotChannel channel, int id) => ballots.FirstOrDefault(b => b.Channel == channel && b.SubjectId == id)?.Count ?? 0;
        decimal? DepartmentAverage(Dictionary<int, PeriodScore> scores, int? departmentId) =>
            departmentId is null ? null : Rankings.AverageOfMonths(scores.Values.Where(s => s.DepartmentId == departmentId).Select(s => s.Average));

        var candidates = new List<AwardCandidate>();
        if (rule.IsWindowAward)
        {
            var ids = windowScores.Keys.ToList();
            var names = await db.Windows.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name, ct);
            foreach (var (id, s) in windowScores)
                candidates.Add(new AwardCandidate(id, names.GetValueOrDefault(id) ?? $"#{id}", Department(departments, s.DepartmentId), s.Average,
                    DepartmentAverage(staffScores, s.DepartmentId), Votes(BallotChannel.DutyOfficer, id), Votes(BallotChannel.Public, id), s.Vetoes));
        }
        else
        {
            var ids = staffScores.Keys.ToList();
            var people = await db.Staff.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Name, p.IsChiefRepresentative }).ToDictionaryAsync(p => p.Id, ct);
            foreach (var (id, s) in staffScores)
            {
                if (!people.TryGetValue(id, out var person)) continue;
                if (rule.Subject == AwardSubject.ChiefRepresentative && !person.IsChiefRepresentative) continue;
                candidates.Add(new AwardCandidate(id, person.Name, Department(departments, s.DepartmentId), DepartmentAverage(windowScores, s.DepartmentId),
                    s.Average, Votes(BallotChannel.DutyOfficer, id), Votes(BallotChannel.Public, id), s.Vetoes));
            }
        }

        var publishedMonths = published.Select(m => new YearMonth(m.Year, m.Month)).Order().ToList();
        return new AwardProposal(rule, period, publishedMonths, months.Except(publishedMonths).ToList(), AwardRanking.Propose(rule, candidates), round, awards);
    }

    /// <summary>
    /// Confirms the round: the places (proposal plus overrides with reasons) and the round are stored at once (a
    /// second confirmation of the same rule and period is refused by a unique index), then each place gets its
    /// certificate. A certificate that could not be issued is issued by <see cref="IssueMissingCertificatesAsync"/>.
    /// </summary>
    public async Task<OpResult> ConfirmAsync(AwardRule rule, AwardPeriod period, IReadOnlyList<AwardOverride> overrides, string by, CancellationToken ct = default)
    {
        var proposal = await ProposeAsync(rule, period, ct);
        if (proposal.Confirmed) return OpResult.Fail("本期评选已由 {0} 确认。", proposal.Round!.ConfirmedBy);
        if (proposal.MonthsPublished.Count == 0) return OpResult.Fail("本期还没有已通报的月度考核，无法评选。");
        IReadOnlyList<AwardPlace> places;
        try
        {
            places = AwardRanking.Confirm(rule, proposal.Rows, overrides);
        }
        catch (DomainException ex)
        {
            return OpResult.Fail(ex.Message);
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var round = new AwardRound(rule, period, by, time.GetUtcNow());
            // The written reasons for proposed places not awarded are kept with the round (those awarded keep theirs on the award).
            round.NoteDropped(overrides.Where(o => !o.Award && places.All(p => p.SubjectId != o.SubjectId))
                .Select(o => (proposal.Rows.First(r => r.SubjectId == o.SubjectId).Candidate.Name, o.Reason.Trim())));
            db.AwardRounds.Add(round);
            try
            {
                await db.SaveChangesAsync(ct);
                db.Awards.AddRange(places.Select(p => new Award(round, p)));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                return OpResult.Fail("另一位管理员刚刚确认了本期评选，请刷新后查看。");
            }
        }
        return await IssueMissingCertificatesAsync(rule, period, by, ct);
    }

    /// <summary>Issues the certificates of a confirmed round's places that have none yet (after a failure half-way).</summary>
    public async Task<OpResult> IssueMissingCertificatesAsync(AwardRule rule, AwardPeriod period, string by, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var round = await db.AwardRounds.FirstOrDefaultAsync(r => r.RuleCode == rule.Code && r.PeriodKey == period.Key, ct);
        if (round is null) return OpResult.Fail("本期评选尚未确认。");
        foreach (var award in await db.Awards.Where(a => a.AwardRoundId == round.Id && a.CertificateId == null).OrderBy(a => a.Place).ToListAsync(ct))
        {
            var (result, certificate) = await certificates.IssueAsync(
                new CertificateRequest { Kind = rule.Kind, HolderName = award.HolderName, Period = period.Label }, by, ct);
            if (certificate is null) return result;
            award.AttachCertificate(certificate.Id);
            await db.SaveChangesAsync(ct);
        }
        return OpResult.Ok;
    }

    /// <summary>Honors of a window or person, newest first (the person's own page shows them).</summary>
    public async Task<IReadOnlyList<HonorRow>> HonorsAsync(AwardSubject subject, int subjectId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var subjects = subject == AwardSubject.Window ? new[] { AwardSubject.Window } : new[] { AwardSubject.Staff, AwardSubject.ChiefRepresentative };
        var rows = await (from a in db.Awards.AsNoTracking()
                          join r in db.AwardRounds on a.AwardRoundId equals r.Id
                          join c in db.HonorCertificates on a.CertificateId equals (int?)c.Id into cs
                          from c in cs.DefaultIfEmpty()
                          where subjects.Contains(a.Subject) && a.SubjectId == subjectId && (c == null || c.RevokedAt == null)
                          select new { a.Kind, r.PeriodLabel, a.HolderName, a.Place, Number = c == null ? null : c.Number, r.ConfirmedAt }).ToListAsync(ct);
        return rows.OrderByDescending(r => r.ConfirmedAt)
            .Select(r => new HonorRow(r.Kind, r.PeriodLabel, $"{r.PeriodLabel}“{AwardKinds.Title(r.Kind)}”", r.HolderName, r.Place, r.Number, r.ConfirmedAt)).ToList();
    }

    /// <summary>Confirmed rounds whose period ends in <paramref name="month"/> (the monthly bulletin announces them), with their places.</summary>
    public async Task<IReadOnlyList<(AwardRound Round, IReadOnlyList<Award> Awards)>> RoundsEndingInAsync(YearMonth month, CancellationToken ct = default)
    {
        var keys = new[]
        {
            new AwardPeriod(AwardPeriodKind.Month, month.Year, month.Month).Key,
            month.Month % 3 == 0 ? new AwardPeriod(AwardPeriodKind.Quarter, month.Year, month.Month / 3).Key : null,
            month.Month == 12 ? new AwardPeriod(AwardPeriodKind.Year, month.Year, 1).Key : null,
        }.OfType<string>().ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rounds = await db.AwardRounds.AsNoTracking().Where(r => keys.Contains(r.PeriodKey)).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var awards = (await db.Awards.AsNoTracking().Where(a => ids.Contains(a.AwardRoundId)).ToListAsync(ct)).ToLookup(a => a.AwardRoundId);
        var order = rules.All.Select(r => r.Code).ToList();
        return rounds.OrderBy(r => order.IndexOf(r.RuleCode) is var i && i < 0 ? int.MaxValue : i)
            .Select(r => (Round: r, Awards: (IReadOnlyList<Award>)awards[r.Id].OrderBy(a => a.Place).ToList())).ToList();
    }

    private sealed record PeriodScore(decimal Average, int? DepartmentId, IReadOnlyList<string> Vetoes);

    /// <summary>Per subject: the average of its published months, its department (the latest month's) and the veto items that struck.</summary>
    private static Dictionary<int, PeriodScore> PeriodScores(IEnumerable<AssessmentScoreRecord> records) =>
        records.GroupBy(r => r.SubjectId).ToDictionary(g => g.Key, g =>
        {
            var vetoes = g.Where(r => r.Vetoed).SelectMany(r =>
            {
                var names = r.ToScore().Lines.Where(l => l.IsVeto).Select(l => l.ItemName).ToList();
                return names.Count > 0 ? names : ["一票否决"];
            }).Distinct().ToList();
            return new PeriodScore(Rankings.AverageOfMonths(g.Select(r => r.Total)) ?? 0m, g.OrderByDescending(r => r.AssessmentMonthId).First().DepartmentId, vetoes);
        });

    private static string? Department(Dictionary<int, string> departments, int? id) => id is { } d ? departments.GetValueOrDefault(d) : null;
}
