using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Features.Satisfaction;

public enum RatingExportState { Pending, Delivered }

/// <summary>
/// A rating's place in the queue to the provincial 好差评 platform: pending until a push is acknowledged, then delivered.
/// One row per rating (unique), so enrolling is idempotent; a failed push leaves its rows pending for the next run.
/// </summary>
public class RatingExport
{
    public const int ErrorMaxLength = 500;

    private RatingExport() { }

    public RatingExport(int evaluationId, DateOnly serviceDay, DateTimeOffset enqueuedAt)
    {
        EvaluationId = evaluationId;
        ServiceDay = serviceDay;
        EnqueuedAt = enqueuedAt;
        State = RatingExportState.Pending;
    }

    public long Id { get; private set; }
    public int EvaluationId { get; private set; }
    /// <summary>The center day the rating was given (the daily file it belongs to).</summary>
    public DateOnly ServiceDay { get; private set; }
    public RatingExportState State { get; private set; }
    public DateTimeOffset EnqueuedAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    public void Delivered(DateTimeOffset at)
    {
        Attempts++;
        LastAttemptAt = at;
        DeliveredAt = at;
        LastError = null;
        State = RatingExportState.Delivered;
    }

    public void Failed(string error, DateTimeOffset at)
    {
        Attempts++;
        LastAttemptAt = at;
        LastError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
    }
}

/// <summary>One push to the platform (a batch): when, through which adapter, how many records, with what outcome.</summary>
public class RatingDelivery
{
    public const int AdapterMaxLength = 40;
    public const int ErrorMaxLength = 1000;

    private RatingDelivery() { }

    public RatingDelivery(DateTimeOffset at, string adapter, int records, long firstExportId, long lastExportId, bool succeeded, int tries,
        string? error, int durationMs)
    {
        At = at;
        Adapter = adapter.Length > AdapterMaxLength ? adapter[..AdapterMaxLength] : adapter;
        Records = records;
        FirstExportId = firstExportId;
        LastExportId = lastExportId;
        Succeeded = succeeded;
        Tries = tries;
        Error = error is { Length: > ErrorMaxLength } ? error[..ErrorMaxLength] : error;
        DurationMs = durationMs;
    }

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string Adapter { get; private set; } = "";
    public int Records { get; private set; }
    public long FirstExportId { get; private set; }
    public long LastExportId { get; private set; }
    public bool Succeeded { get; private set; }
    /// <summary>HTTP tries within this push (the adapter's retries).</summary>
    public int Tries { get; private set; }
    public string? Error { get; private set; }
    public int DurationMs { get; private set; }
}

internal sealed class RatingExportConfiguration : IEntityTypeConfiguration<RatingExport>
{
    public void Configure(EntityTypeBuilder<RatingExport> b)
    {
        b.ToTable("RatingExports");
        // Bookkeeping of the push, one row per rating: the delivery log (RatingDeliveries) is its record.
        b.ExcludeFromAudit();
        b.Property(x => x.LastError).HasMaxLength(RatingExport.ErrorMaxLength);
        b.HasIndex(x => x.EvaluationId).IsUnique();
        b.HasIndex(x => new { x.State, x.Id });
        b.HasIndex(x => x.ServiceDay);
        b.HasOne<Evaluation>().WithMany().HasForeignKey(x => x.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RatingDeliveryConfiguration : IEntityTypeConfiguration<RatingDelivery>
{
    public void Configure(EntityTypeBuilder<RatingDelivery> b)
    {
        b.ToTable("RatingDeliveries");
        b.ExcludeFromAudit();
        b.Property(x => x.Adapter).HasMaxLength(RatingDelivery.AdapterMaxLength);
        b.Property(x => x.Error).HasMaxLength(RatingDelivery.ErrorMaxLength);
        b.HasIndex(x => x.At);
    }
}
