using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Data.Seeding;

/// <summary>
/// The demo center's queues (one per department, a comprehensive 综合受理 queue and a result
/// pickup queue), the window↔queue routes, and staff signed in at every dedicated window.
/// </summary>
public static class DemoQueues
{
    private static readonly Dictionary<string, string> Prefixes = new()
    {
        ["BDC"] = "A", ["CRJ"] = "B", ["SB"] = "C", ["YB"] = "D", ["GJJ"] = "E", ["SCJG"] = "F",
        ["SW"] = "G", ["CG"] = "H", ["ZJ"] = "J", ["MZ"] = "K", ["RS"] = "L", ["WJ"] = "M",
    };

    /// <summary>Departments whose items the 1D comprehensive windows also take (second precedence).</summary>
    public static readonly IReadOnlySet<string> PooledAtComprehensive = new HashSet<string> { "SB", "YB", "GJJ", "MZ", "RS" };

    public const string ComprehensiveCode = "ZH";
    public const string PickupCode = "CJ";

    private static OpeningPeriod[] CenterHours() => [new(new TimeOnly(9, 0), new TimeOnly(12, 0)), new(new TimeOnly(13, 0), new TimeOnly(17, 0))];

    public static List<ServiceQueue> Queues(IReadOnlyList<Department> departments, IReadOnlyList<ServiceItem> items)
    {
        var queues = new List<ServiceQueue>();
        foreach (var d in departments.Where(d => Prefixes.ContainsKey(d.Code)))
        {
            var q = new ServiceQueue(d.Code, new QueuePrefix(Prefixes[d.Code]), d.ShortName, CenterHours(),
                targetWait: d.Code == "CRJ" ? TimeSpan.FromMinutes(30) : TimeSpan.FromMinutes(20));
            foreach (var item in items.Where(i => i.DepartmentId == d.Id)) q.AddServiceItem(item.Id);
            queues.Add(q);
        }
        var pooled = new ServiceQueue(ComprehensiveCode, new QueuePrefix("Z"), "综合受理", CenterHours());
        foreach (var item in items.Where(i => departments.Any(d => d.Id == i.DepartmentId && PooledAtComprehensive.Contains(d.Code))))
            pooled.AddServiceItem(item.Id);
        queues.Add(pooled);
        queues.Add(new ServiceQueue(PickupCode, new QueuePrefix("Q"), "综合出件", CenterHours(), targetWait: TimeSpan.FromMinutes(10)));
        return queues;
    }

    public static List<WindowQueueRoute> Routes(IReadOnlyList<Window> windows, IReadOnlyList<Department> departments, IReadOnlyList<ServiceQueue> queues)
    {
        var byCode = queues.ToDictionary(q => q.Code);
        var routes = new List<WindowQueueRoute>();
        foreach (var w in windows)
        {
            switch (w.Type)
            {
                case WindowType.Dedicated when departments.FirstOrDefault(d => d.Id == w.DepartmentId) is { } d && byCode.ContainsKey(d.Code):
                    routes.Add(new WindowQueueRoute(w.Id, byCode[d.Code].Id, 1));
                    break;
                case WindowType.Comprehensive when w.Name.Contains("企业开办"):
                    routes.Add(new WindowQueueRoute(w.Id, byCode["SCJG"].Id, 1));
                    routes.Add(new WindowQueueRoute(w.Id, byCode["SW"].Id, 2));
                    break;
                case WindowType.Comprehensive:
                    routes.Add(new WindowQueueRoute(w.Id, byCode[ComprehensiveCode].Id, 1));
                    routes.AddRange(PooledAtComprehensive.Select(code => new WindowQueueRoute(w.Id, byCode[code].Id, 2)));
                    break;
                case WindowType.ResultPickup:
                    routes.Add(new WindowQueueRoute(w.Id, byCode[PickupCode].Id, 1));
                    break;
            }
        }
        return routes;
    }

    /// <summary>Department staff signed in at their department's dedicated windows, in employee-number order.</summary>
    public static List<WindowSession> Sessions(IReadOnlyList<Window> windows, IReadOnlyList<Staff> staff, DateTimeOffset now)
    {
        var sessions = new List<WindowSession>();
        foreach (var group in windows.Where(w => w.Type == WindowType.Dedicated && w.DepartmentId is not null).GroupBy(w => w.DepartmentId))
        {
            var people = staff.Where(s => s.DepartmentId == group.Key).OrderBy(s => s.EmployeeNo).ToList();
            var i = 0;
            foreach (var w in group.OrderBy(w => w.Number))
            {
                var session = new WindowSession(w.Id, now);
                if (i < people.Count) session.SignIn(people[i++].Id, now);
                sessions.Add(session);
            }
        }
        foreach (var w in windows.Where(w => sessions.All(s => s.WindowId != w.Id)))
        {
            sessions.Add(new WindowSession(w.Id, now));
        }
        return sessions;
    }
}
