using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.Supervision;

namespace OpsConsole.Data.Configurations;

internal sealed class EvidenceFileConfiguration : IEntityTypeConfiguration<EvidenceFile>
{
    public void Configure(EntityTypeBuilder<EvidenceFile> b)
    {
        b.ToTable("EvidenceFiles");
        b.Property(x => x.FileName).HasMaxLength(EvidenceFile.FileNameMaxLength).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.UploadedBy).HasMaxLength(256).IsRequired();
        // The bytes stay out of the audit log; the row's name, kind, size and hash are enough there.
        b.Property(x => x.Content).IsRequired().IsAuditSecret();
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("Complaints");
        b.Property(x => x.ExternalNumber).HasMaxLength(40);
        b.Property(x => x.ComplainantName).HasMaxLength(Complaint.NameMaxLength).IsRequired();
        b.Property(x => x.ComplainantPhone).HasMaxLength(Complaint.PhoneMaxLength);
        b.Property(x => x.Content).HasMaxLength(Complaint.ContentMaxLength).IsRequired();
        b.Property(x => x.Reply).HasMaxLength(Complaint.ContentMaxLength);
        b.Property(x => x.Revision).IsConcurrencyToken();
        b.Ignore(x => x.IsVeto);
        b.Ignore(x => x.Counts);
        b.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasIndex(x => x.ReceivedAt);
        b.HasIndex(x => new { x.WindowId, x.ReceivedAt });
        b.HasIndex(x => new { x.StaffId, x.ReceivedAt });
    }
}

internal sealed class ComplaintNoteConfiguration : IEntityTypeConfiguration<ComplaintNote>
{
    public void Configure(EntityTypeBuilder<ComplaintNote> b)
    {
        b.ToTable("ComplaintNotes");
        b.Property(x => x.Text).HasMaxLength(Complaint.NoteMaxLength).IsRequired();
    }
}

internal sealed class FindingTypeConfiguration : IEntityTypeConfiguration<FindingType>
{
    public void Configure(EntityTypeBuilder<FindingType> b)
    {
        b.ToTable("FindingTypes");
        b.Property(x => x.Code).HasMaxLength(20).IsRequired();
        b.Property(x => x.Name).HasMaxLength(FindingType.NameMaxLength).IsRequired();
        b.Property(x => x.Points).HasPrecision(5, 1);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class InspectionFindingConfiguration : IEntityTypeConfiguration<InspectionFinding>
{
    public void Configure(EntityTypeBuilder<InspectionFinding> b)
    {
        b.ToTable("InspectionFindings");
        b.Property(x => x.TypeName).HasMaxLength(FindingType.NameMaxLength).IsRequired();
        b.Property(x => x.Points).HasPrecision(5, 1);
        b.Property(x => x.Note).HasMaxLength(InspectionFinding.NoteMaxLength);
        b.Property(x => x.WithdrawReason).HasMaxLength(InspectionFinding.NoteMaxLength);
        b.Ignore(x => x.Counts);
        b.HasOne<FindingType>().WithMany().HasForeignKey(x => x.FindingTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => x.ObservedAt);
        b.HasIndex(x => new { x.WindowId, x.ObservedAt });
        b.HasIndex(x => new { x.StaffId, x.ObservedAt });
    }
}

internal sealed class CommendationConfiguration : IEntityTypeConfiguration<Commendation>
{
    public void Configure(EntityTypeBuilder<Commendation> b)
    {
        b.ToTable("Commendations");
        b.Property(x => x.Description).HasMaxLength(Commendation.DescriptionMaxLength).IsRequired();
        b.HasIndex(x => x.Date);
    }
}
