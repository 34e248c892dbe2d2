using System.Security.Cryptography;
using OpsConsole.Domain.Awards;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;

namespace OpsConsole.Data.Seeding.Demo;

/// <summary>
/// Demo honor certificates: the third quarter of the demo year's red-flag windows, service models and one
/// civilized window, issued on the tenth of the month after the quarter, numbered as the desk numbers them.
/// </summary>
public static class AwardsDemoSeeder
{
    public const string Format = "滨政服{kind}〔{year}〕第{seq:000}号";
    public const string Issuer = "滨江市政务服务中心";

    public static async Task SeedAsync(OpsDbContext db, IReadOnlyList<Window> windows, IReadOnlyList<Staff> staff, DateOnly today, CancellationToken ct)
    {
        var quarterStart = new DateOnly(today.Year, (today.Month - 1) / 3 * 3 + 1, 1).AddMonths(-3);
        var quarter = (quarterStart.Month - 1) / 3 + 1;
        var period = $"{quarterStart.Year}年第{ChineseDate.Number(quarter)}季度";
        var issuedOn = quarterStart.AddMonths(3).AddDays(9);
        var year = issuedOn.Year;
        var named = windows.Where(w => w.DepartmentId is not null).OrderBy(w => w.Number).ToList();
        var people = staff.Where(s => s.DepartmentId is not null).OrderBy(s => s.EmployeeNo).ToList();

        var awards = new List<(AwardKind Kind, string Holder)>();
        awards.AddRange(named.Where((_, i) => i % 7 == 2).Take(3).Select(w => (AwardKind.RedFlagWindow, w.Name)));
        awards.AddRange(people.Where((_, i) => i % 9 == 4).Take(4).Select(s => (AwardKind.ServiceModel, s.Name)));
        awards.AddRange(named.Where((_, i) => i % 11 == 5).Take(1).Select(w => (AwardKind.CivilizedWindow, w.Name)));

        foreach (var group in awards.GroupBy(a => a.Kind))
        {
            var seq = 0;
            foreach (var (kind, holder) in group)
            {
                seq++;
                db.HonorCertificates.Add(new HonorCertificate(kind, year, seq, CertificateNumber.Format(Format, kind, year, seq),
                    new string(RandomNumberGenerator.GetItems<char>("ABCDEFGHJKLMNPQRSTUVWXYZ23456789", HonorCertificate.CodeLength)),
                    holder, $"{period}“{AwardKinds.Title(kind)}”", period, Issuer, issuedOn, "demo"));
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
