using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Data;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;
using OpsConsole.Features.Queueing;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>The seeded app on a given provider with a test clock, plus helpers for queue tests.</summary>
public sealed class QueueApp : IAsyncDisposable
{
    public TestDatabase Db { get; }
    public OpsApp App { get; }
    public TestClock Clock { get; }
    private readonly List<OpsApp> _otherNodes = [];

    private QueueApp(TestDatabase db, TestClock clock, Action<IServiceCollection>? services)
    {
        Db = db;
        Clock = clock;
        App = StartNode(services);
    }

    public static async Task<QueueApp> StartAsync(DatabaseProvider provider, TestClock? clock = null, Action<IServiceCollection>? services = null) =>
        new(await TestDatabase.CreateAsync(provider), clock ?? TestClock.MondayMorning(), services);

    /// <summary>Another app node on the same database and clock, as a city runs several on one PostgreSQL; disposed with this.</summary>
    public OpsApp AddNode()
    {
        var node = StartNode(null);
        _otherNodes.Add(node);
        return node;
    }

    private OpsApp StartNode(Action<IServiceCollection>? services)
    {
        var node = new OpsApp(Db, services: s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            services?.Invoke(s);
        });
        _ = node.Server;
        return node;
    }

    public T Service<T>() where T : notnull => App.Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public OpsDbContext Context() => App.CreateDbContext();

    public async Task<ServiceQueue> QueueAsync(string code)
    {
        await using var db = Context();
        return await db.Set<ServiceQueue>().AsNoTracking().SingleAsync(q => q.Code == code);
    }

    /// <summary>
    /// Adds a queue open 09:00–12:00 and 13:00–17:00 (the demo center's hours); with <paramref name="routeToWindow"/> that
    /// window (staffed in the demo: 1–3) serves it, so the kiosk issues for it.
    /// </summary>
    public Task<ServiceQueue> AddQueueAsync(string code, string prefix, string name, int? routeToWindow = null) =>
        TestQueues.AddAsync(App, code, prefix, name, routeToWindow);

    /// <summary>The window (number) and the staff member signed in there by the demo seed.</summary>
    public async Task<(int WindowId, int StaffId)> StaffedWindowAsync(int number)
    {
        await using var db = Context();
        var window = await db.Windows.SingleAsync(w => w.Number == number);
        var session = await db.Set<WindowSession>().SingleAsync(s => s.WindowId == window.Id);
        return (window.Id, session.StaffId!.Value);
    }

    /// <summary>Adds <paramref name="count"/> staffed windows that all serve <paramref name="queueCode"/>.</summary>
    public async Task<List<(int WindowId, int StaffId)>> AddStaffedWindowsAsync(int count, string queueCode)
    {
        await using var db = Context();
        var queue = await db.Set<ServiceQueue>().SingleAsync(q => q.Code == queueCode);
        var zone = await db.Zones.FirstAsync();
        var first = await db.Windows.MaxAsync(w => w.Number) + 1;
        var staff = Enumerable.Range(first, count).Select(i => new Staff { EmployeeNo = $"LT{i:00000}", Name = $"压测{i}" }).ToList();
        var windows = Enumerable.Range(first, count).Select(i => new Window { Number = i, Name = $"压测窗口{i}", Type = WindowType.Comprehensive, ZoneId = zone.Id }).ToList();
        db.AddRange(staff);
        db.AddRange(windows);
        await db.SaveChangesAsync();
        var now = Clock.Now;
        for (var i = 0; i < count; i++)
        {
            db.Add(new WindowQueueRoute(windows[i].Id, queue.Id, 1));
            var session = new WindowSession(windows[i].Id, now);
            session.SignIn(staff[i].Id, now);
            db.Add(session);
        }
        await db.SaveChangesAsync();
        return windows.Select((w, i) => (w.Id, staff[i].Id)).ToList();
    }

    public async Task<IssuedTicket> IssueAsync(string queueCode = "BDC", TicketChannel channel = TicketChannel.Kiosk)
    {
        var outcome = await Service<TicketIssuer>().IssueAsync(queueCode, channel);
        Assert.True(outcome.Result.Succeeded, outcome.Result.Error);
        return outcome.Ticket!;
    }

    public async Task<Ticket> TicketAsync(int id)
    {
        await using var db = Context();
        return await db.Set<Ticket>().AsNoTracking().SingleAsync(t => t.Id == id);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _otherNodes) await node.DisposeAsync();
        await App.DisposeAsync();
        await Db.DisposeAsync();
    }
}
