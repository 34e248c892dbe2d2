using System.Diagnostics.Metrics;
using OpsConsole.Auth;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>Counts "opsconsole.auth.revalidations" of one app (its own meter factory).</summary>
public sealed class RevalidationCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Dictionary<(bool Device, bool Valid), long> _counts = [];
    private readonly Lock _lock = new();

    public RevalidationCounter(IMeterFactory scope)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SessionMetrics.MeterName && instrument.Meter.Scope == scope) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            bool device = false, valid = false;
            foreach (var tag in tags)
            {
                if (tag.Key == "kind") device = (string?)tag.Value == "device";
                if (tag.Key == "valid") valid = tag.Value is true;
            }
            lock (_lock) _counts[(device, valid)] = _counts.GetValueOrDefault((device, valid)) + value;
        });
        _listener.Start();
    }

    public long Count(bool device, bool valid)
    {
        lock (_lock) return _counts.GetValueOrDefault((device, valid));
    }

    public Task WaitForAsync(bool device, bool valid, long count) =>
        Wait.UntilAsync(() => Count(device, valid) >= count, () => $"{count} checks (device={device}, valid={valid}), seen {Count(device, valid)}");

    public void Dispose() => _listener.Dispose();
}
