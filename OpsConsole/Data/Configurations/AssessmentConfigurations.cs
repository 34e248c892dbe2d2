using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;

namespace OpsConsole.Data.Configurations;

internal sealed class PostingConfiguration : IEntityTypeConfiguration<Posting>
{
    public void Configure(EntityTypeBuilder<Posting> b)
    {
        b.ToTable("Postings");
        b.Property(x => x.Windows).HasMaxLength(Posting.WindowsMaxLength);
        b.Property(x => x.Note).HasMaxLength(Posting.NoteMaxLength);
        b.HasIndex(x => new { x.StaffId, x.From });
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PostingImportConfiguration : IEntityTypeConfiguration<PostingImport>
{
    public void Configure(EntityTypeBuilder<PostingImport> b)
    {
        b.ToTable("PostingImports");
        // The raw file is kept here; the audit log names the import without copying it.
        b.ExcludeFromAudit();
        b.Property(x => x.FileName).HasMaxLength(PostingImport.FileNameMaxLength);
        b.Property(x => x.ImportedBy).HasMaxLength(PostingImport.ActorMaxLength);
        b.HasIndex(x => x.ImportedAt);
    }
}

internal sealed class AssessmentSchemeVersionConfiguration : IEntityTypeConfiguration<AssessmentSchemeVersion>
{
    public void Configure(EntityTypeBuilder<AssessmentSchemeVersion> b)
    {
        b.ToTable("AssessmentSchemes");
        b.Ignore(x => x.EffectiveFrom);
        foreach (var p in new[] { nameof(AssessmentSchemeVersion.BaseScore), nameof(AssessmentSchemeVersion.BonusCap), nameof(AssessmentSchemeVersion.Floor) })
            b.Property(p).HasPrecision(8, 2);
        b.Property(x => x.ChiefShare).HasPrecision(4, 3);
        b.Property(x => x.PublishedBy).HasMaxLength(60);
        b.HasIndex(x => new { x.Year, x.Month });
    }
}

internal sealed class AssessmentMonthConfiguration : IEntityTypeConfiguration<AssessmentMonth>
{
    public void Configure(EntityTypeBuilder<AssessmentMonth> b)
    {
        b.ToTable("AssessmentMonths");
        b.Ignore(x => x.Period);
        b.HasIndex(x => new { x.Year, x.Month }).IsUnique();
        // Every state change moves it: two HR users publishing at once publish once.
        b.Property(x => x.LastChangedAt).IsConcurrencyToken();
        b.HasMany(x => x.History).WithOne().HasForeignKey(e => e.AssessmentMonthId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.History).HasField("_history").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AssessmentMonthEventConfiguration : IEntityTypeConfiguration<AssessmentMonthEvent>
{
    public void Configure(EntityTypeBuilder<AssessmentMonthEvent> b)
    {
        b.ToTable("AssessmentMonthEvents");
        b.Property(x => x.Reason).HasMaxLength(AssessmentMonth.ReasonMaxLength);
    }
}

internal sealed class AssessmentAppealConfiguration : IEntityTypeConfiguration<AssessmentAppeal>
{
    public void Configure(EntityTypeBuilder<AssessmentAppeal> b)
    {
        b.ToTable("AssessmentAppeals");
        b.Property(x => x.ItemCode).HasMaxLength(SchemeItem.CodeMaxLength);
        b.Property(x => x.SourceType).HasMaxLength(40);
        b.Property(x => x.SourceId).HasMaxLength(80);
        b.Property(x => x.LinePoints).HasPrecision(8, 2);
        b.Property(x => x.NewPoints).HasPrecision(8, 2);
        b.Property(x => x.Reason).HasMaxLength(AssessmentMonth.ReasonMaxLength);
        b.Property(x => x.ChiefComment).HasMaxLength(AssessmentMonth.ReasonMaxLength);
        b.Property(x => x.DecisionReason).HasMaxLength(AssessmentMonth.ReasonMaxLength);
        b.HasIndex(x => new { x.AssessmentMonthId, x.StaffId });
        b.HasOne<AssessmentMonth>().WithMany().HasForeignKey(x => x.AssessmentMonthId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentScoreRecordConfiguration : IEntityTypeConfiguration<AssessmentScoreRecord>
{
    public void Configure(EntityTypeBuilder<AssessmentScoreRecord> b)
    {
        b.ToTable("AssessmentScores");
        // Written once at publication; the month's own change is what the audit log records.
        b.ExcludeFromAudit();
        b.Property(x => x.Base).HasPrecision(8, 2);
        b.Property(x => x.Total).HasPrecision(8, 2);
        b.HasIndex(x => new { x.AssessmentMonthId, x.Version, x.Subject, x.SubjectId }).IsUnique();
        b.HasOne<AssessmentMonth>().WithMany().HasForeignKey(x => x.AssessmentMonthId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ManualAssessmentItemConfiguration : IEntityTypeConfiguration<ManualAssessmentItem>
{
    public void Configure(EntityTypeBuilder<ManualAssessmentItem> b)
    {
        b.ToTable("ManualAssessmentItems");
        b.Property(x => x.ItemCode).HasMaxLength(SchemeItem.CodeMaxLength);
        b.Property(x => x.Points).HasPrecision(8, 2);
        b.Property(x => x.Evidence).HasMaxLength(ManualAssessmentItem.TextMaxLength);
        b.Property(x => x.Reason).HasMaxLength(ManualAssessmentItem.TextMaxLength);
        b.HasIndex(x => x.Date);
    }
}
