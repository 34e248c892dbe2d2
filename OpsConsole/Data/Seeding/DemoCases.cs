using Microsoft.EntityFrameworkCore;
using OpsConsole.Data.Seeding.Demo;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.Common;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// A month of cases for the demo: about one served ticket in eight of the last 30 days becomes a case (a third
/// on-the-spot, the rest promised in the item's working days), handled as a hall would (most concluded early,
/// some after a correction, a few late or still open, a few not accepted or returned). The supervision
/// pass is replayed every workday at 09:00 and after each change, so the cards are those the job would have raised;
/// the chief representative has contested two of them and a manager decided one. Deterministic from a fixed seed.
/// </summary>
public sealed class DemoCases(IDbContextFactory<OpsDbContext> dbFactory, ILogger<DemoCases> log)
{
    private const int Seed = 20261201;
    private const int Days = 30;
    private const double CaseShare = 0.125;

    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "娟", "涛", "明", "超", "秀英", "桂兰", "建华", "志强", "晓燕", "海燕", "国庆", "春梅", "子涵"];
    private static readonly string[] Missing = ["营业执照副本复印件", "房屋所有权证原件", "法定代表人身份证复印件", "委托书原件", "户口簿首页复印件"];
    private static readonly string[] RejectReasons = ["不属于本中心受理范围", "申请事项依法不需要取得行政许可"];
    private static readonly string[] ReturnReasons = ["申请人主动撤回申请", "申请人逾期未补正材料"];
    private static readonly string[] TransferReasons = ["原经办人外出培训，转同事续办", "申请人改到综合窗口办理", "涉及其他部门审批，转相关窗口办理"];

    private sealed record Step(DateTimeOffset At, Action<ServiceCase, DateTimeOffset> Apply);

    public async Task GenerateAsync(DateOnly today, TimeSpan offset, CancellationToken ct = default)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var random = new Random(Seed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var calendar = new WorkCalendar(await db.CalendarEntries.AsNoTracking().ToListAsync(ct));
        var items = await db.ServiceItems.AsNoTracking().Where(i => i.Active)
            .Select(i => new { i.Id, i.DepartmentId, i.PromisedLimitDays }).ToDictionaryAsync(i => i.Id, ct);
        var itemsByQueue = (await db.Set<ServiceQueueItem>().AsNoTracking().Select(q => new { q.ServiceQueueId, q.ServiceItemId }).ToListAsync(ct))
            .Where(q => items.ContainsKey(q.ServiceItemId)).GroupBy(q => q.ServiceQueueId).ToDictionary(g => g.Key, g => g.Select(x => x.ServiceItemId).ToList());
        var from = today.AddDays(-Days);
        var tickets = await db.Set<Ticket>().AsNoTracking()
            .Where(t => t.ServiceDay >= from && t.ServiceDay < today && t.State == TicketState.Completed && t.WindowId != null && t.StaffId != null)
            .OrderBy(t => t.ServiceDay).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.QueueId, t.ServiceDay, WindowId = t.WindowId!.Value, StaffId = t.StaffId!.Value, t.ServiceStartedAt, t.CompletedAt })
            .ToListAsync(ct);
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), offset);
        // Joint cases and transfers draw from their own sequence, so the rest of the month stays as it was.
        var extra = new Random(Seed + 1);
        var departments = items.Values.Select(i => i.DepartmentId).Distinct().Order().ToList();
        var posts = tickets.Select(t => (t.WindowId, t.StaffId)).Distinct().ToList();

        var cases = 0;
        var cards = 0;
        foreach (var day in tickets.GroupBy(t => t.ServiceDay))
        {
            var made = new List<(ServiceCase Case, List<SupervisionCard> Cards)>();
            var sequence = 0;
            foreach (var t in day)
            {
                if (random.NextDouble() >= CaseShare || !itemsByQueue.TryGetValue(t.QueueId, out var queueItems)) continue;
                var item = items[queueItems[random.Next(queueItems.Count)]];
                var onTheSpot = item.PromisedLimitDays <= 0 || random.NextDouble() < 0.33;
                var kind = onTheSpot ? CaseKind.OnTheSpot : CaseKind.Promised;
                List<int>? joint = null;
                if (!onTheSpot && departments.Count > 1 && extra.NextDouble() < 0.06)
                {
                    kind = CaseKind.Joint;
                    joint = [departments.Where(d => d != item.DepartmentId).ElementAt(extra.Next(departments.Count - 1))];
                }
                var accepted = (t.ServiceStartedAt ?? t.CompletedAt!.Value).ToOffset(offset).AddMinutes(2);
                var c = ServiceCase.Register($"{day.Key:yyyyMMdd}{++sequence:0000}", kind, item.Id, new CaseParty(item.DepartmentId, t.WindowId, t.StaffId),
                    Applicant(random), Phone(random), onTheSpot ? 0 : Math.Min(item.PromisedLimitDays, 20), accepted, calendar, t.StaffId, t.Id,
                    jointDepartmentIds: joint, materialsOwed: !onTheSpot && random.NextDouble() < 0.05 ? Missing[random.Next(Missing.Length)] : null);
                var raised = new List<SupervisionCard>();
                var steps = Plan(c, t.CompletedAt!.Value.ToOffset(offset), t.StaffId, calendar, random, offset);
                if (!onTheSpot && posts.Count > 1 && extra.NextDouble() < 0.03)
                {
                    // 转办 after work began, before any conclusion (those come from 11:00).
                    var to = posts.Where(p => p != (t.WindowId, t.StaffId)).ElementAt(extra.Next(posts.Count - 1));
                    var reason = TransferReasons[extra.Next(TransferReasons.Length)];
                    var at = new DateTimeOffset(calendar.AddWorkingDays(c.AcceptedOn, 1).ToDateTime(new TimeOnly(10, extra.Next(60))), offset);
                    var staffId = t.StaffId;
                    steps.Add(new(at, (x, when) => x.Transfer(new CaseParty(x.DepartmentId, to.WindowId, to.StaffId), reason, when, staffId)));
                }
                Replay(c, steps, now, calendar, raised);
                made.Add((c, raised));
            }
            if (made.Count == 0) continue;
            db.AddRange(made.Select(m => m.Case));
            await db.SaveChangesAsync(ct);
            foreach (var (c, raised) in made)
            {
                foreach (var card in raised)
                {
                    db.Add(card);
                    db.Entry(card).Property(x => x.CaseId).CurrentValue = c.Id;
                }
                cards += raised.Count;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            cases += made.Count;
        }
        await ContestSomeAsync(db, now, ct);
        log.LogInformation("Demo cases: {Cases} cases and {Cards} supervision cards over {Days} days in {Ms} ms.", cases, cards, Days, started.ElapsedMilliseconds);
    }

    /// <summary>What happens to a case after its registration, as timed steps.</summary>
    private static List<Step> Plan(ServiceCase c, DateTimeOffset served, int staffId, IWorkingDayCalendar calendar, Random random, TimeSpan offset)
    {
        var steps = new List<Step>();
        // Starts and receipts in the first hour, requests mid-morning, conclusions from 11:00: one day's steps stay in order.
        DateTimeOffset At(DateOnly day, int fromHour, int toHour) => new(day.ToDateTime(new TimeOnly(random.Next(fromHour, toHour), random.Next(60))), offset);
        if (c.Kind == CaseKind.OnTheSpot)
        {
            var end = served.AddMinutes(4);
            if (random.NextDouble() < 0.03) steps.Add(new(end, (x, at) => x.Reject(RejectReasons[random.Next(RejectReasons.Length)], at, staffId)));
            else steps.Add(new(end, (x, at) => x.Conclude(at, staffId, "当场办结")));
            return steps;
        }
        var startDay = calendar.AddWorkingDays(c.AcceptedOn, 1);
        steps.Add(new(At(startDay, 9, 10), (x, at) => x.Start(at, staffId)));
        var roll = random.NextDouble();
        if (roll < 0.03)
        {
            steps.Add(new(At(calendar.AddWorkingDays(startDay, 1), 11, 17), (x, at) => x.Return(ReturnReasons[random.Next(ReturnReasons.Length)], at, staffId)));
            return steps;
        }
        var earliest = 1;
        var suspended = 0;
        // Materials found missing early on, while the deadline is still ahead (a short promise has no room for it).
        if (roll < 0.12 && c.PromisedDays >= 3)
        {
            var askDay = calendar.AddWorkingDays(startDay, 1);
            suspended = random.Next(1, 4);
            steps.Add(new(At(askDay, 10, 11), (x, at) => x.RequestCorrection(Missing[random.Next(Missing.Length)], at, staffId)));
            steps.Add(new(At(calendar.AddWorkingDays(askDay, suspended), 9, 10), (x, at) => x.ReceiveCorrection(at, calendar, staffId, "材料已补齐")));
            earliest = suspended + 2;
        }
        // Most finish a day or more early; about one in fourteen runs late.
        var total = c.PromisedDays + suspended;
        var days = random.NextDouble() < 0.07 ? total + random.Next(1, 3) : Math.Max(earliest, total - random.Next(0, Math.Max(1, total / 2)));
        var endDay = calendar.AddWorkingDays(c.AcceptedOn, days);
        steps.Add(new(At(endDay, 11, 17), (x, at) => x.Conclude(at, staffId)));
        return steps;
    }

    /// <summary>Applies the steps that happened before now, with a supervision pass at each workday's 09:00 and after each change.</summary>
    private static void Replay(ServiceCase c, List<Step> steps, DateTimeOffset now, IWorkingDayCalendar calendar, List<SupervisionCard> raised)
    {
        void Pass(DateTimeOffset at) => raised.AddRange(SupervisionRules.Raise(c, raised.Select(r => r.Level), at, calendar));
        Pass(c.AcceptedAt);
        var queue = new Queue<Step>(steps.OrderBy(s => s.At));
        for (var day = c.AcceptedOn.AddDays(1); ; day = day.AddDays(1))
        {
            var morning = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), now.Offset);
            if (morning > now || !c.IsOpen) break;
            while (queue.TryPeek(out var before) && before.At < morning && before.At <= now)
            {
                queue.Dequeue().Apply(c, before.At);
                Pass(before.At);
            }
            if (!c.IsOpen) break;
            if (calendar.IsWorkday(day)) Pass(morning);
        }
        while (c.IsOpen && queue.TryPeek(out var step) && step.At <= now)
        {
            queue.Dequeue().Apply(c, step.At);
            Pass(step.At);
        }
    }

    /// <summary>The chief representative contests two of the department's cards; a manager withdraws one.</summary>
    private static async Task ContestSomeAsync(OpsDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var chief = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.EmployeeNo == DemoCatalog.ChiefEmployeeNo, ct);
        var manager = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.EmployeeNo == DemoCatalog.ManagerEmployeeNo, ct);
        if (chief?.DepartmentId is not { } department || manager is null) return;
        var contested = await db.Set<SupervisionCard>().Where(c => c.DepartmentId == department && c.Level != CardLevel.Reminder)
            .OrderByDescending(c => c.RaisedAt).Take(2).ToListAsync(ct);
        foreach (var card in contested)
        {
            card.Contest("窗口当日因系统故障暂停受理，中心日历未登记，申请核减。", chief.Id, card.RaisedAt.AddHours(2));
        }
        if (contested.Count > 0) contested[0].Decide(false, "经核实系统故障属实，撤销。", manager.Id, contested[0].ContestedAt!.Value.AddHours(3));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
    }

    private static string Applicant(Random random)
    {
        var total = DemoStaffNames.FamilyNames.Sum(f => f.Weight);
        var roll = random.Next(total);
        var family = DemoStaffNames.FamilyNames[^1].Name;
        foreach (var (name, weight) in DemoStaffNames.FamilyNames)
        {
            if ((roll -= weight) < 0) { family = name; break; }
        }
        return family + Given[random.Next(Given.Length)];
    }

    private static string Phone(Random random) => "1" + "3589"[random.Next(4)] + random.Next(0, 1_000_000_000).ToString("000000000", System.Globalization.CultureInfo.InvariantCulture);
}
