using Microsoft.EntityFrameworkCore;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Supervision;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// A month of supervision for the demo, after the ticket history: the bad ratings' rectifications moved on
/// (most closed after a callback, a few overdue, appeals pending, upheld and rejected), complaints from every
/// channel (some upheld), hall inspection findings with photos, and commendations. Deterministic from a fixed seed.
/// </summary>
public static class DemoSupervision
{
    private const int Seed = 20261201;

    // A small real PNG (64×48, red) standing in for the photos and scans.
    private static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAAY0lEQVR4nO3PQQkAMAzAwCqpfymTNRF7HINABFzm7H7dcEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAUNaEEDWtCAFjSgBQ1oQQNa0IAWNKAFDWhBA1rQgBY0oAWPXYknMLX+nGo+AAAAAElFTkSuQmCC");

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];

    private static readonly (ComplaintChannel Channel, string Content)[] Complaints =
    [
        (ComplaintChannel.Hotline12345, "窗口工作人员办理时接打私人电话，让群众等候十余分钟。"),
        (ComplaintChannel.InPerson, "材料清单没有一次性告知，来回跑了三趟。"),
        (ComplaintChannel.Online, "工作人员态度生硬，解释政策不耐烦。"),
        (ComplaintChannel.Letter, "午休时段窗口无人值守，等候群众无人引导。"),
        (ComplaintChannel.Hotline12345, "预约后到场仍需重新取号排队，等候时间过长。"),
        (ComplaintChannel.Online, "办件承诺时限已过仍未办结，电话咨询无人接听。"),
        (ComplaintChannel.InPerson, "窗口人员未佩戴工作证，询问姓名拒绝告知。"),
        (ComplaintChannel.Hotline12345, "同一事项不同窗口说法不一致。"),
        (ComplaintChannel.Letter, "提交的申请材料被要求重复复印。"),
        (ComplaintChannel.Online, "自助终端故障无人处理。"),
    ];

    private static readonly (CommendationKind Kind, string Text)[] Commendations =
    [
        (CommendationKind.Banner, "群众赠送锦旗“热情服务 高效便民”。"),
        (CommendationKind.Letter, "企业来信感谢窗口加班为其办结开业登记。"),
        (CommendationKind.Media, "市电视台《民生直通车》报道窗口延时服务。"),
        (CommendationKind.Banner, "老年群众赠送锦旗“为民办实事 贴心暖人心”。"),
        (CommendationKind.Letter, "残障人士家属来信感谢上门帮办。"),
        (CommendationKind.Official, "市政务服务管理局通报表扬窗口“一次办好”经验做法。"),
    ];

    public static async Task GenerateAsync(IDbContextFactory<OpsDbContext> dbFactory, DateOnly today, TimeSpan offset, CancellationToken ct = default)
    {
        var random = new Random(Seed);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var calendar = new WorkCalendar(await db.CalendarEntries.AsNoTracking().ToListAsync(ct));
        var managers = await db.Staff.AsNoTracking().Where(s => s.DepartmentId == null && s.Active && !s.Title.Contains("考核")).Select(s => s.Id).ToListAsync(ct);
        if (managers.Count == 0) return;
        var staffAt = await db.Set<WindowSession>().AsNoTracking().Where(s => s.StaffId != null).ToDictionaryAsync(s => s.WindowId, s => s.StaffId!.Value, ct);
        var windows = staffAt.Keys.Order().ToList();
        if (windows.Count == 0) return;
        var days = new List<DateOnly>();
        for (var d = today.AddDays(-1); days.Count < 22; d = d.AddDays(-1)) if (calendar.IsWorkday(d)) days.Add(d);
        DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), offset);
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(9, 0)), offset);
        int Manager() => managers[random.Next(managers.Count)];
        EvidenceFile NewPhoto(string name, DateTimeOffset at) => EvidenceFile.Create(name, EvidenceKind.Png, Photo, "demo", null, at);

        await AdvanceRectificationsAsync(db, today, offset, random, Manager, ct);

        if (!await db.Set<FindingType>().AnyAsync(ct)) db.AddRange(FindingType.Defaults());
        await db.SaveChangesAsync(ct);
        var types = await db.Set<FindingType>().ToListAsync(ct);

        for (var i = 0; i < Complaints.Length; i++)
        {
            var (channel, content) = Complaints[i];
            var day = days[Math.Min(days.Count - 1, i * 2 + random.Next(2))];
            var window = windows[random.Next(windows.Count)];
            var department = await db.Windows.Where(w => w.Id == window).Select(w => w.DepartmentId).FirstAsync(ct);
            var received = At(day, 9 + random.Next(7), random.Next(60));
            var complaint = Complaint.Record(channel, channel == ComplaintChannel.Hotline12345 ? $"12345-{day:yyyyMMdd}-{random.Next(100, 999)}" : null,
                received, Surnames[i] + (i % 2 == 0 ? "女士" : "先生"), $"139{random.Next(10000000, 99999999)}", content, department, window, staffAt[window], Manager(), calendar);
            if (i < 8)
            {
                var photo = NewPhoto($"调查材料-{i + 1}.png", received.AddHours(2));
                db.Add(photo);
                await db.SaveChangesAsync(ct);
                complaint.AddNote("调取监控录像并约谈当事人，了解经过。", Manager(), received.AddHours(2), photo.Id);
            }
            if (i < 6)
            {
                var verdict = i switch { 0 or 3 => ComplaintVerdict.Upheld, 1 or 4 => ComplaintVerdict.PartlyUpheld, _ => ComplaintVerdict.NotUpheld };
                complaint.Conclude(verdict, verdict == ComplaintVerdict.NotUpheld ? "经核实，窗口按规定办理，已向投诉人解释。" : "经核实投诉属实，已对当事人批评教育并按规定扣分，向投诉人致歉。",
                    Manager(), received.AddDays(2));
            }
            db.Add(complaint);
        }

        for (var i = 0; i < 26; i++)
        {
            var day = days[random.Next(days.Count)];
            var window = windows[random.Next(windows.Count)];
            var type = types[random.Next(types.Count)];
            var observed = At(day, random.Next(2) == 0 ? 9 + random.Next(3) : 14 + random.Next(3), random.Next(60));
            long? photoId = null;
            if (i % 3 != 2)
            {
                var photo = NewPhoto($"巡查-{day:MMdd}-{i + 1}.png", observed);
                db.Add(photo);
                await db.SaveChangesAsync(ct);
                photoId = photo.Id;
            }
            var finding = InspectionFinding.Record(window, staffAt[window], type, observed, i % 4 == 0 ? "巡查时发现，已当场提醒。" : null, photoId, Manager(), observed.AddMinutes(5), windowWasOpen: true);
            if (i == 5) finding.Withdraw("核实为窗口轮岗交接，不属脱岗。", observed.AddHours(2));
            db.Add(finding);
        }

        for (var i = 0; i < Commendations.Length; i++)
        {
            var (kind, text) = Commendations[i];
            var day = days[random.Next(days.Count)];
            var window = windows[random.Next(windows.Count)];
            var scan = NewPhoto($"表扬-{i + 1}.png", At(day, 16, 0));
            db.Add(scan);
            await db.SaveChangesAsync(ct);
            db.Add(Commendation.Record(kind, day, window, kind == CommendationKind.Official ? null : staffAt[window], text, scan.Id, Manager(), now));
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Moves the history's rectifications on: older ones mostly closed after a callback (a few late or still open and overdue), recent ones at every step.</summary>
    private static async Task AdvanceRectificationsAsync(OpsDbContext db, DateOnly today, TimeSpan offset, Random random, Func<int> manager, CancellationToken ct)
    {
        var open = await db.Set<Rectification>().Where(r => r.State == RectificationState.Open).OrderBy(r => r.OpenedAt).ToListAsync(ct);
        int Age(Rectification r) => today.DayNumber - DateOnly.FromDateTime(r.OpenedAt.ToOffset(offset).DateTime).DayNumber;
        // Misrating appeals: two recent ones wait for review, two older ones were decided (one upheld, one rejected).
        var pending = open.Where(r => Age(r) is >= 1 and <= 10).TakeLast(2).ToList();
        var decided = open.Where(r => Age(r) is > 10 and <= 30).Take(2).ToList();
        foreach (var r in pending.Concat(decided))
        {
            var opened = r.OpenedAt.ToOffset(offset);
            r.AppealMisrating("群众误按评价键，办理过程顺利，现场已确认。", r.StaffId, opened.AddHours(3));
            if (decided.Contains(r))
            {
                var uphold = r == decided[0];
                r.DecideAppeal(uphold, uphold ? "调取评价器记录与录像，属误评。" : "评价与办理情况相符，驳回申诉。", manager(), opened.AddDays(3));
            }
        }
        foreach (var r in open.Except(pending).Except(decided))
        {
            var opened = r.OpenedAt.ToOffset(offset);
            var age = Age(r);
            var roll = random.NextDouble();
            if (age < 2 || roll > 0.93) continue; // new, or left open (and overdue when old)
            r.Assign(r.StaffId, opened.AddHours(2));
            if (age < 5 && roll > 0.5) continue;
            var calledBack = opened.AddDays(Math.Min(age - 1, 1 + random.Next(4))).AddHours(1);
            r.RecordCallback(r.StaffId, "电话回访，向群众致歉并说明办理要求。", random.NextDouble() < 0.85, calledBack);
            if (age < 8 && roll > 0.4) continue;
            var late = roll > 0.88 && age > 25;
            var closedAt = late ? new DateTimeOffset(r.Deadline.AddDays(3).ToDateTime(new TimeOnly(16, 0)), offset) : calledBack.AddDays(1);
            if (DateOnly.FromDateTime(closedAt.DateTime) >= today) closedAt = calledBack;
            r.Close("组织窗口人员学习服务规范，优化一次性告知清单。", null, manager(), closedAt);
        }
        await db.SaveChangesAsync(ct);
    }
}
