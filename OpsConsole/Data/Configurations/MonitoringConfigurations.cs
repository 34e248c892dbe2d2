using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Data.Monitoring;
using OpsConsole.Domain.Monitoring;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.ToTable("Alerts");
        b.Property(x => x.Key).HasMaxLength(Alert.KeyMaxLength);
        b.Property(x => x.AcknowledgedBy).HasMaxLength(60);
        b.Property(x => x.Note).HasMaxLength(Alert.NoteMaxLength);
        b.HasIndex(x => new { x.Key, x.ResolvedAt });
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
