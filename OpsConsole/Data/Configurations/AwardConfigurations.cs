using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.Awards;

namespace OpsConsole.Data.Configurations;

internal sealed class HonorCertificateConfiguration : IEntityTypeConfiguration<HonorCertificate>
{
    public void Configure(EntityTypeBuilder<HonorCertificate> b)
    {
        b.ToTable("HonorCertificates");
        b.Property(x => x.Number).HasMaxLength(HonorCertificate.NumberMaxLength);
        b.Property(x => x.VerifyCode).HasMaxLength(HonorCertificate.CodeLength);
        b.Property(x => x.HolderName).HasMaxLength(HonorCertificate.HolderMaxLength);
        b.Property(x => x.Title).HasMaxLength(HonorCertificate.TitleMaxLength);
        b.Property(x => x.Period).HasMaxLength(HonorCertificate.PeriodMaxLength);
        b.Property(x => x.Issuer).HasMaxLength(HonorCertificate.IssuerMaxLength);
        b.Property(x => x.IssuedBy).HasMaxLength(100);
        b.Property(x => x.RevokedBy).HasMaxLength(100);
        b.Property(x => x.RevokeReason).HasMaxLength(HonorCertificate.ReasonMaxLength);
        b.Ignore(x => x.IsRevoked);
        // A number is never given twice: the series (kind, year, sequence) and the printed number are both unique,
        // so two managers issuing at once collide here and the loser retries with the next sequence.
        b.HasIndex(x => new { x.Kind, x.Year, x.Sequence }).IsUnique();
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => x.VerifyCode).IsUnique();
    }
}

internal sealed class AwardRoundConfiguration : IEntityTypeConfiguration<AwardRound>
{
    public void Configure(EntityTypeBuilder<AwardRound> b)
    {
        b.ToTable("AwardRounds");
        b.Property(x => x.RuleCode).HasMaxLength(AwardRule.CodeMaxLength);
        b.Property(x => x.PeriodKey).HasMaxLength(AwardPeriod.KeyMaxLength);
        b.Property(x => x.PeriodLabel).HasMaxLength(HonorCertificate.PeriodMaxLength);
        b.Property(x => x.ConfirmedBy).HasMaxLength(100);
        b.Property(x => x.DroppedNotes).HasMaxLength(AwardRound.NotesMaxLength);
        // A round is confirmed once: two managers confirming the same period at once, the second is refused.
        b.HasIndex(x => new { x.RuleCode, x.PeriodKey }).IsUnique();
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> b)
    {
        b.ToTable("Awards");
        b.Property(x => x.PeriodKey).HasMaxLength(AwardPeriod.KeyMaxLength);
        b.Property(x => x.HolderName).HasMaxLength(HonorCertificate.HolderMaxLength);
        b.Property(x => x.OwnScore).HasPrecision(7, 2);
        b.Property(x => x.Composite).HasPrecision(7, 2);
        b.Property(x => x.OverrideReason).HasMaxLength(AwardRanking.ReasonMaxLength);
        b.HasOne<AwardRound>().WithMany().HasForeignKey(x => x.AwardRoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<HonorCertificate>().WithMany().HasForeignKey(x => x.CertificateId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(x => new { x.AwardRoundId, x.SubjectId }).IsUnique();
        b.HasIndex(x => new { x.Subject, x.SubjectId });
    }
}

internal sealed class AwardBallotConfiguration : IEntityTypeConfiguration<AwardBallot>
{
    public void Configure(EntityTypeBuilder<AwardBallot> b)
    {
        b.ToTable("AwardBallots");
        // Ballots are many and anonymous by design: counted, not audited (ADR 0037).
        b.ExcludeFromAudit();
        b.Property(x => x.RuleCode).HasMaxLength(AwardRule.CodeMaxLength);
        b.Property(x => x.PeriodKey).HasMaxLength(AwardPeriod.KeyMaxLength);
        b.Property(x => x.Voter).HasMaxLength(AwardBallot.VoterMaxLength);
        // One ballot per voter, rule, period and channel: the database refuses a second one even when sent at once.
        b.HasIndex(x => new { x.RuleCode, x.PeriodKey, x.Channel, x.Voter }).IsUnique();
    }
}

internal sealed class AwardRuleVersionConfiguration : IEntityTypeConfiguration<AwardRuleVersion>
{
    public void Configure(EntityTypeBuilder<AwardRuleVersion> b)
    {
        b.ToTable("AwardRuleVersions");
        b.Ignore(x => x.EffectiveFrom);
        b.Property(x => x.Code).HasMaxLength(AwardRule.CodeMaxLength);
        b.Property(x => x.MinScore).HasPrecision(7, 2);
        b.Property(x => x.PublishedBy).HasMaxLength(100);
        b.HasIndex(x => new { x.Code, x.Year, x.Month });
    }
}
