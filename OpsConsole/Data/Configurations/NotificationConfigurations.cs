using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data.Configurations;

internal sealed class NearTurnNoticeConfiguration : IEntityTypeConfiguration<NearTurnNotice>
{
    public void Configure(EntityTypeBuilder<NearTurnNotice> b)
    {
        b.ToTable("NearTurnNotices");
        // The hall's own bookkeeping (like tickets' moves); a phone number must not outlive its day in an audit row.
        b.ExcludeFromAudit();
        b.Property(x => x.Phone).HasMaxLength(MobileNumber.Length);
        b.Property(x => x.PhoneMasked).HasMaxLength(MobileNumber.Length);
        b.Property(x => x.LastError).HasMaxLength(NearTurnNotice.ErrorMaxLength);
        // Several nodes hear the same hall event: the state is the token, so only one of them sends.
        b.Property(x => x.State).IsConcurrencyToken();
        b.HasIndex(x => new { x.ServiceDay, x.QueueId, x.State });
        b.HasIndex(x => x.TicketId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
