using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Features.Queueing;

/// <summary>Where a queue is served: the floor and zone of most of the windows that serve it first (precedence 1).</summary>
public sealed record QueuePlace(int FloorLevel, string ZoneCode, string ZoneName)
{
    public static async Task<QueuePlace?> OfAsync(OpsDbContext db, int queueId, CancellationToken ct = default)
    {
        var zones = await (from r in db.Set<WindowQueueRoute>()
                           join w in db.Windows on r.WindowId equals w.Id
                           join z in db.Zones on w.ZoneId equals z.Id
                           join f in db.Floors on z.FloorId equals f.Id
                           where r.QueueId == queueId
                           select new { r.Precedence, f.Level, z.Code, z.Name }).ToListAsync(ct);
        var best = zones.OrderBy(z => z.Precedence).GroupBy(z => z.Precedence).FirstOrDefault()?
            .GroupBy(z => (z.Level, z.Code, z.Name)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key.Code, StringComparer.Ordinal).First().Key;
        return best is { } b ? new QueuePlace(b.Level, b.Code, b.Name) : null;
    }
}

/// <summary>The applicant-facing reasons an ID number is refused (issue 10: "a wrong checksum is refused with the reason").</summary>
public static class IdNumberMessages
{
    public const string Format = "身份证号应为 18 位：前 17 位是数字，最后一位是数字或 X。";
    public const string Region = "身份证号前两位不是有效的省级地区代码，请核对。";
    public const string BirthDate = "身份证号第 7 至 14 位的出生日期无效，请核对。";
    public const string Checksum = "身份证号校验位不符，可能有数字输错，请核对后重新输入。";

    public static string Of(string error) => error switch
    {
        IdNumberErrors.Region => Region,
        IdNumberErrors.BirthDate => BirthDate,
        IdNumberErrors.Checksum => Checksum,
        _ => Format,
    };

    public static readonly IReadOnlyList<string> All = [Format, Region, BirthDate, Checksum];
}
