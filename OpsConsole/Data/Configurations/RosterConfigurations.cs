using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Windows;

namespace OpsConsole.Data.Configurations;

internal sealed class StaffSkillConfiguration : IEntityTypeConfiguration<StaffSkill>
{
    public void Configure(EntityTypeBuilder<StaffSkill> b)
    {
        b.ToTable("StaffSkills");
        b.HasKey(x => new { x.StaffId, x.ServiceItemId });
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ServiceItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RosterEntryConfiguration : IEntityTypeConfiguration<RosterEntry>
{
    public void Configure(EntityTypeBuilder<RosterEntry> b)
    {
        b.ToTable("RosterEntries");
        // A window has one person per half-day; the same person twice is allowed and flagged.
        b.HasIndex(x => new { x.Day, x.HalfDay, x.WindowId }).IsUnique();
        b.HasIndex(x => new { x.StaffId, x.Day });
        b.HasOne<Window>().WithMany().HasForeignKey(x => x.WindowId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
