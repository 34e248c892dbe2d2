using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpsConsole.Data;
using OpsConsole.Features.Displays;
using OpsConsole.Features.Monitoring;
using OpsConsole.Features.Queueing;
using OpsConsole.Realtime;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Displays;

/// <summary>When the whole hall changes at once (end of day, a backplane reconnect), every window screen gets its new state.</summary>
public sealed class DisplayResyncTests
{
    [Fact]
    public async Task EndOfDaySendsEveryWindowScreenItsClosedWindow()
    {
        var hub = new RecordingHub();
        var clock = TestClock.MondayMorning();
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db, services: s =>
        {
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
            s.Replace(ServiceDescriptor.Singleton<IHubContext<DisplayHub>>(hub));
        });
        _ = app.Server;
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        await using var ctx = app.CreateDbContext();
        var numbers = ctx.Windows.ToDictionary(w => w.Number, w => w.Id);
        var (window1, window2) = (numbers[1], numbers[2]);
        var staff1 = ctx.Set<OpsConsole.Domain.Windows.WindowSession>().Single(s => s.WindowId == window1).StaffId!.Value;

        Assert.True((await services.GetRequiredService<TicketIssuer>().IssueAsync("BDC", OpsConsole.Domain.Queueing.TicketChannel.Kiosk)).Result.Succeeded);
        Assert.True((await services.GetRequiredService<CounterDesk>().CallNextAsync(window1, staff1)).Succeeded);
        await hub.WaitForAsync(window1, w => w.Current is not null);

        Assert.True((await services.GetRequiredService<HallActions>().EndDayAsync()).Result.Succeeded);
        await hub.WaitForAsync(window1, w => w.Current is null && w.State == "Closed" && w.StaffName is null);
        await hub.WaitForAsync(window2, w => w.State == "Closed" && w.StaffName is null);
    }

    /// <summary>Records what the broadcaster sends to each window screen's group.</summary>
    private sealed class RecordingHub : IHubContext<DisplayHub>
    {
        private readonly ConcurrentQueue<(string Group, DisplayQueries.WindowDisplay Window)> _sent = new();

        public IHubClients Clients => new RecordingClients(this);
        public IGroupManager Groups => throw new NotSupportedException();

        public async Task WaitForAsync(int windowId, Func<DisplayQueries.WindowDisplay, bool> condition)
        {
            var group = DisplayHub.WindowGroup(windowId);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (!_sent.Any(s => s.Group == group && condition(s.Window)))
            {
                Assert.False(timeout.IsCancellationRequested, $"window {windowId}'s screen never got the expected state");
                await Task.Delay(20);
            }
        }

        private sealed class RecordingClients(RecordingHub hub) : IHubClients
        {
            public IClientProxy Group(string groupName) => new Proxy(hub, groupName);
            public IClientProxy All => new Proxy(hub, null);
            public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => new Proxy(hub, null);
            public IClientProxy Client(string connectionId) => new Proxy(hub, null);
            public IClientProxy Clients(IReadOnlyList<string> connectionIds) => new Proxy(hub, null);
            public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => new Proxy(hub, groupName);
            public IClientProxy Groups(IReadOnlyList<string> groupNames) => new Proxy(hub, null);
            public IClientProxy User(string userId) => new Proxy(hub, null);
            public IClientProxy Users(IReadOnlyList<string> userIds) => new Proxy(hub, null);
        }

        private sealed class Proxy(RecordingHub hub, string? group) : IClientProxy
        {
            public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default)
            {
                if (group is not null && method == "window" && args is [DisplayQueries.WindowDisplay w]) hub._sent.Enqueue((group, w));
                return Task.CompletedTask;
            }
        }
    }
}
