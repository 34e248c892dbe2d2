using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.Cases;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data.Configurations;

internal sealed class ServiceCaseConfiguration : IEntityTypeConfiguration<ServiceCase>
{
    /// <summary>Named: the generated name would pass PostgreSQL's 63 characters.</summary>
    public const string BoardConcludedIndex = "IX_Cases_Board_Concluded";

    public void Configure(EntityTypeBuilder<ServiceCase> b)
    {
        b.ToTable("Cases");
        b.Property(x => x.Number).HasMaxLength(ServiceCase.NumberMaxLength);
        b.Property(x => x.ApplicantName).HasMaxLength(ServiceCase.ApplicantNameMaxLength);
        b.Property(x => x.ApplicantPhone).HasMaxLength(ServiceCase.ApplicantPhoneMaxLength).IsAuditSecret();
        b.Property(x => x.MaterialsOwed).HasMaxLength(ServiceCase.NoteMaxLength);
        b.PrimitiveCollection(x => x.JointDepartmentIds).HasField("_jointDepartmentIds").UsePropertyAccessMode(PropertyAccessMode.Field);
        // Every change moves Revision: of two people concluding one case at once, the later save fails.
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.HasIndex(x => x.Number).IsUnique();
        // A ticket becomes at most one case.
        b.HasIndex(x => x.TicketId).IsUnique();
        b.HasIndex(x => new { x.State, x.DueDate });
        b.HasIndex(x => new { x.AcceptedOn, x.DepartmentId });
        b.HasIndex(x => new { x.StaffId, x.State });
        // The supervision board's month: concluded cases counted by department and window (on time, on the spot) from
        // this index alone, without reading the table (every column the count needs is in it; SQLite has no INCLUDE).
        b.HasIndex(x => new { x.State, x.ClosedOn, x.DepartmentId, x.WindowId, x.AcceptedOn, x.DueDate }).HasDatabaseName(BoardConcludedIndex);
        b.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Window>().WithMany().HasForeignKey(x => x.WindowId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.History).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.History).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("CaseEvents");
        b.Property(x => x.Note).HasMaxLength(ServiceCase.NoteMaxLength);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.ActorStaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// Supervision cards: one row per case and level (the unique index makes raising idempotent across
/// passes and nodes), with the window and staff member copied so the assessment counts them without a join.
/// </summary>
internal sealed class SupervisionCardConfiguration : IEntityTypeConfiguration<SupervisionCard>
{
    public void Configure(EntityTypeBuilder<SupervisionCard> b)
    {
        b.ToTable("SupervisionCards");
        b.Property(x => x.ContestReason).HasMaxLength(SupervisionCard.ReasonMaxLength);
        b.Property(x => x.DecisionNote).HasMaxLength(SupervisionCard.ReasonMaxLength);
        // A contest or a decision is saved only over the state it was made on: two managers deciding at once, one wins.
        b.Property(x => x.State).IsConcurrencyToken();
        b.HasIndex(x => new { x.CaseId, x.Level }).IsUnique();
        // The month's cards (the board counts them by department, window and level; the assessment reads the month's), covering the board's count.
        b.HasIndex(x => new { x.RaisedOn, x.DepartmentId, x.WindowId, x.Level, x.State });
        b.HasIndex(x => new { x.StaffId, x.RaisedOn });
        b.HasIndex(x => new { x.WindowId, x.RaisedOn });
        b.HasOne<ServiceCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Window>().WithMany().HasForeignKey(x => x.WindowId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
