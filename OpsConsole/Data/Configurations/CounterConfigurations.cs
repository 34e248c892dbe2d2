using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data.Configurations;

internal sealed class TicketNoteConfiguration : IEntityTypeConfiguration<TicketNote>
{
    public void Configure(EntityTypeBuilder<TicketNote> b)
    {
        b.ToTable("TicketNotes");
        b.Property(x => x.Text).HasMaxLength(TicketNote.TextMaxLength);
        b.HasIndex(x => x.TicketId);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Window>().WithMany().HasForeignKey(x => x.WindowId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MissingMaterialsNoticeConfiguration : IEntityTypeConfiguration<MissingMaterialsNotice>
{
    public void Configure(EntityTypeBuilder<MissingMaterialsNotice> b)
    {
        b.ToTable("MissingMaterialsNotices");
        b.Property(x => x.TicketNumber).HasMaxLength(TicketNumber.MaxLength);
        b.Property(x => x.ItemCode).HasMaxLength(MissingMaterialsNotice.ItemCodeMaxLength);
        b.Property(x => x.ItemName).HasMaxLength(MissingMaterialsNotice.ItemNameMaxLength);
        b.Property(x => x.Note).HasMaxLength(MissingMaterialsNotice.NoteMaxLength);
        // One material per line (names never hold a line break): plain text, the same on every provider.
        b.Property(x => x.Materials).HasMaxLength(4000)
            .HasConversion(new ValueConverter<List<string>, string>(
                    v => string.Join("\n", v), v => v.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList()),
                new ValueComparer<List<string>>((a, c) => a!.SequenceEqual(c!), v => v.Aggregate(0, (h, s) => HashCode.Combine(h, s)), v => v.ToList()));
        b.Ignore(x => x.DocumentNumber);
        b.HasIndex(x => x.TicketId);
        b.HasIndex(x => x.IssuedAt);
        b.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ServiceItemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Window>().WithMany().HasForeignKey(x => x.WindowId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
