using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpsConsole.Data.Auditing;
using OpsConsole.Data.Queueing;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Data.Configurations;

internal sealed class ServiceQueueConfiguration : IEntityTypeConfiguration<ServiceQueue>
{
    public void Configure(EntityTypeBuilder<ServiceQueue> b)
    {
        b.ToTable("ServiceQueues");
        b.Property(x => x.Code).HasMaxLength(ServiceQueue.CodeMaxLength);
        b.Property(x => x.Name).HasMaxLength(ServiceQueue.NameMaxLength);
        b.Property(x => x.IssuingStoppedReason).HasMaxLength(ServiceQueue.IssuingStoppedReasonMaxLength);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Prefix).IsUnique();
        b.Ignore(x => x.OpeningPeriods);
        // Opening hours as text "09:00-12:00;13:00-17:00": readable, and the same on every provider.
        b.Property<List<OpeningPeriod>>("_openingPeriods").HasColumnName("OpeningHours").HasMaxLength(200)
            .HasConversion(new ValueConverter<List<OpeningPeriod>, string>(
                    v => OpeningHoursText.Format(v), v => OpeningHoursText.Parse(v)),
                new ValueComparer<List<OpeningPeriod>>(
                    (a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, p) => HashCode.Combine(h, p)), v => v.ToList()));
        b.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.ServiceQueueId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ServiceQueueItemConfiguration : IEntityTypeConfiguration<ServiceQueueItem>
{
    public void Configure(EntityTypeBuilder<ServiceQueueItem> b)
    {
        b.ToTable("ServiceQueueItems");
        b.HasKey(x => new { x.ServiceQueueId, x.ServiceItemId });
        b.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ServiceItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> b)
    {
        b.ToTable("Tickets");
        b.Property(x => x.PublicCode).HasMaxLength(Ticket.PublicCodeMaxLength);
        b.Property(x => x.IdNumberHash).HasMaxLength(Ticket.IdNumberHashMaxLength).IsAuditSecret();
        b.Property(x => x.IdNumberMasked).HasMaxLength(Ticket.IdNumberMaskedMaxLength);
        b.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ServiceItemId).OnDelete(DeleteBehavior.SetNull);
        // Every transition moves LastChangedAt, so two windows acting on one ticket cannot both win.
        b.Property(x => x.LastChangedAt).IsConcurrencyToken();
        b.HasIndex(x => new { x.IssuedQueueId, x.ServiceDay, x.Sequence }).IsUnique();
        b.HasIndex(x => x.PublicCode).IsUnique();
        b.HasIndex(x => new { x.ServiceDay, x.State, x.QueueId });
        b.HasIndex(x => new { x.ServiceDay, x.WindowId });
        b.HasOne<ServiceQueue>().WithMany().HasForeignKey(x => x.QueueId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceQueue>().WithMany().HasForeignKey(x => x.IssuedQueueId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Window>().WithMany().HasForeignKey(x => x.WindowId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Window>().WithMany().HasForeignKey(x => x.TargetWindowId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Transfers).WithOne().HasForeignKey(t => t.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Transfers).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class TicketTransferConfiguration : IEntityTypeConfiguration<TicketTransfer>
{
    public void Configure(EntityTypeBuilder<TicketTransfer> b) => b.ToTable("TicketTransfers");
}

internal sealed class TicketCounterConfiguration : IEntityTypeConfiguration<TicketCounter>
{
    public void Configure(EntityTypeBuilder<TicketCounter> b)
    {
        b.ToTable("TicketCounters");
        b.HasKey(x => new { x.QueueId, x.Day });
        b.HasOne<ServiceQueue>().WithMany().HasForeignKey(x => x.QueueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppointmentSlotConfiguration : IEntityTypeConfiguration<AppointmentSlot>
{
    public void Configure(EntityTypeBuilder<AppointmentSlot> b)
    {
        b.ToTable("AppointmentSlots");
        b.Property(x => x.BookedCount).IsConcurrencyToken();
        b.HasIndex(x => new { x.QueueId, x.Day, x.Start }).IsUnique();
        b.HasOne<ServiceQueue>().WithMany().HasForeignKey(x => x.QueueId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> b)
    {
        b.ToTable("Appointments");
        b.Property(x => x.BookingCode).HasMaxLength(Appointment.BookingCodeMaxLength);
        b.Property(x => x.PersonHash).HasMaxLength(Appointment.PersonHashMaxLength).IsAuditSecret();
        // A check-in, cancellation or no-show saves only over the state it was decided from (across nodes too).
        b.Property(x => x.State).IsConcurrencyToken();
        b.HasIndex(x => x.BookingCode).IsUnique();
        b.HasIndex(x => new { x.PersonHash, x.Day });
        b.HasOne<AppointmentSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.ToTable("Evaluations");
        b.Property(x => x.Comment).HasMaxLength(Evaluation.CommentMaxLength);
        b.Ignore(x => x.Reasons);
        b.Property<List<EvaluationReason>>("_reasons").HasColumnName("Reasons").HasMaxLength(300)
            .HasConversion(new ValueConverter<List<EvaluationReason>, string>(
                    v => string.Join(",", v), v => v.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<EvaluationReason>).ToList()),
                new ValueComparer<List<EvaluationReason>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, r) => HashCode.Combine(h, r)), v => v.ToList()));
        b.HasIndex(x => x.TicketId).IsUnique();
        b.HasIndex(x => new { x.StaffId, x.EvaluatedAt });
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Rectification).WithOne().HasForeignKey<Rectification>(r => r.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("Rectifications");
        b.Property(x => x.Summary).HasMaxLength(Rectification.SummaryMaxLength);
        b.HasIndex(x => new { x.State, x.Deadline });
        // Every change moves Revision: of two managers deciding one appeal at once, the later save fails.
        b.Property(x => x.Revision).IsConcurrencyToken();
    }
}

internal sealed class WindowSessionConfiguration : IEntityTypeConfiguration<WindowSession>
{
    public void Configure(EntityTypeBuilder<WindowSession> b)
    {
        b.ToTable("WindowSessions");
        b.HasKey(x => x.WindowId);
        b.Property(x => x.PauseNote).HasMaxLength(WindowSession.PauseNoteMaxLength);
        // Two nodes (or a pad and the workstation) acting on one window: the later save fails instead of overwriting.
        b.Property(x => x.Revision).IsConcurrencyToken();
        // A person is signed in to one window at a time (NULLs do not collide).
        b.HasIndex(x => x.StaffId).IsUnique();
        b.HasOne<Window>().WithOne().HasForeignKey<WindowSession>(x => x.WindowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WindowQueueRouteConfiguration : IEntityTypeConfiguration<WindowQueueRoute>
{
    public void Configure(EntityTypeBuilder<WindowQueueRoute> b)
    {
        b.ToTable("WindowQueueRoutes");
        b.HasKey(x => new { x.WindowId, x.QueueId });
        b.HasOne<Window>().WithMany().HasForeignKey(x => x.WindowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ServiceQueue>().WithMany().HasForeignKey(x => x.QueueId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Opening hours as "09:00-12:00;13:00-17:00".</summary>
internal static class OpeningHoursText
{
    public static string Format(IEnumerable<OpeningPeriod> periods) =>
        string.Join(";", periods.Select(p => $"{p.Opens:HH\\:mm}-{p.Closes:HH\\:mm}"));

    public static List<OpeningPeriod> Parse(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var bounds = part.Split('-');
            return new OpeningPeriod(TimeOnly.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture),
                TimeOnly.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
}
