using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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
