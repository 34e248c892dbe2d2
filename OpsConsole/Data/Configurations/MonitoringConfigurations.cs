using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Data.Monitoring;
using OpsConsole.Domain.Monitoring;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public const string OpenKeyIndex = "IX_Alerts_Key_Open";

    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("Alerts");
        b.Property(x => x.Key).HasMaxLength(Alert.KeyMaxLength);
        b.Property(x => x.AcknowledgedBy).HasMaxLength(60);
        b.Property(x => x.Note).HasMaxLength(Alert.NoteMaxLength);
        // One open alert per condition, however many nodes evaluate it (issue 15).
        b.HasIndex(x => x.Key).IsUnique().HasFilter("\"ResolvedAt\" IS NULL").HasDatabaseName(OpenKeyIndex);
        b.HasIndex(x => x.RaisedAt);
    }
}

internal sealed class QueueThresholdSettingConfiguration : IEntityTypeConfiguration<QueueThresholdSetting>
{
    public void Configure(EntityTypeBuilder<QueueThresholdSetting> b)
    {
        b.ToTable("QueueThresholds");
        b.HasKey(x => x.QueueId);
        b.HasOne<ServiceQueue>().WithOne().HasForeignKey<QueueThresholdSetting>(x => x.QueueId).OnDelete(DeleteBehavior.Cascade);
    }
}
