using System.Text.Json;
using System.Threading.Channels;
using Npgsql;
using OpsConsole.Data;

namespace OpsConsole.Realtime;

/// <summary>
/// Carries hall events between the nodes of a city deployment on one PostgreSQL (ARCHITECTURE: real time):
/// each event published on a node (after its commit) is queued and sent with <c>pg_notify</c> by one sender,
/// several to a round trip, in publish order; every node listens on one dedicated connection and delivers the
/// other nodes' events to its own subscribers, in order. Two connections per node, whatever the load. A lost
/// connection is reopened with a growing delay; on reconnecting, a <see cref="HallResync"/> is delivered locally so
/// pages and displays rebuild from the database what they may have missed. Idle on SQLite.
/// </summary>
public sealed class PostgresHallBackplane(ResolvedDatabase database, HallEvents events, TimeProvider time,
    ILogger<PostgresHallBackplane> log) : BackgroundService
{
    public const string Channel = "opsconsole_hall";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _node = Guid.NewGuid().ToString("N");
    private const int MaxPerRoundTrip = 32;
    private readonly Channel<HallEvent> _incoming = System.Threading.Channels.Channel.CreateUnbounded<HallEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<HallEvent> _outgoing = System.Threading.Channels.Channel.CreateUnbounded<HallEvent>(new UnboundedChannelOptions { SingleReader = true });
    private NpgsqlDataSource? _source;

    /// <summary>Whether the listening connection is open (for tests and health).</summary>
    public bool Listening { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Postgres) return Task.CompletedTask;
        // Keepalives make a silently dropped connection fail instead of waiting forever.
        _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            KeepAlive = 30,
            MaxPoolSize = 2, // the listener and the sender
        }.ConnectionString);
        events.UseBackplane(e =>
        {
            _outgoing.Writer.TryWrite(e);
            return Task.CompletedTask;
        });
        return base.StartAsync(cancellationToken);
    }

    private async Task SendAsync(CancellationToken ct)
    {
        var batch = new List<HallEvent>(MaxPerRoundTrip);
        try
        {
            while (await _outgoing.Reader.WaitToReadAsync(ct))
            {
                while (batch.Count < MaxPerRoundTrip && _outgoing.Reader.TryRead(out var e)) batch.Add(e);
                try
                {
                    await using var cmd = _source!.CreateCommand(
                        "SELECT " + string.Join(", ", batch.Select((_, i) => $"pg_notify(@channel, @p{i})")));
                    cmd.Parameters.AddWithValue("channel", Channel);
                    for (var i = 0; i < batch.Count; i++)
                        cmd.Parameters.AddWithValue($"p{i}", JsonSerializer.Serialize(new Envelope(_node, batch[i]), Json));
                    await cmd.ExecuteNonQueryAsync(ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The changes are committed; other nodes catch up from the database on their next snapshot.
                    log.LogWarning(ex, "{Count} hall events could not be sent to the other nodes", batch.Count);
                }
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delivering = DeliverAsync(stoppingToken);
        var sending = SendAsync(stoppingToken);
        var delay = TimeSpan.FromSeconds(1);
        var reconnecting = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _source!.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, n) => Receive(n.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection)) await listen.ExecuteNonQueryAsync(stoppingToken);
                Listening = true;
                delay = TimeSpan.FromSeconds(1);
                if (reconnecting) _incoming.Writer.TryWrite(new HallResync(time.GetUtcNow()));
                log.LogInformation("Listening for other nodes' hall events");
                while (true) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Listening = false;
                reconnecting = true;
                log.LogWarning(ex, "Lost the hall event connection; reconnecting in {Delay}", delay);
                try { await Task.Delay(delay, time, stoppingToken); } catch (OperationCanceledException) { break; }
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
        Listening = false;
        _incoming.Writer.TryComplete();
        _outgoing.Writer.TryComplete();
        await Task.WhenAll(delivering, sending);
    }

    /// <summary>Runs on the connection's read loop: parse and queue, never block it.</summary>
    private void Receive(string payload)
    {
        try
        {
            if (JsonSerializer.Deserialize<Envelope>(payload, Json) is { } envelope && envelope.Node != _node)
                _incoming.Writer.TryWrite(envelope.Event);
        }
        catch (JsonException ex)
        {
            log.LogWarning(ex, "Ignored a malformed hall event notification");
        }
    }

    private async Task DeliverAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var e in _incoming.Reader.ReadAllAsync(ct)) events.Deliver(e);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override void Dispose()
    {
        _source?.Dispose();
        base.Dispose();
    }

    private sealed record Envelope(string Node, HallEvent Event);
}
