using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Domain.Catalog;

namespace OpsConsole.Data.Configurations;

internal sealed class CenterConfiguration : IEntityTypeConfiguration<Center>
{
    public void Configure(EntityTypeBuilder<Center> b)
    {
        b.Property(x => x.Name).HasMaxLength(Center.NameMaxLength);
        b.Property(x => x.Address).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.ComplaintPhone).HasMaxLength(40);
        b.Property(x => x.OpeningHours).HasMaxLength(200);
        b.Property(x => x.Website).HasMaxLength(200);
    }
}

internal sealed class FloorConfiguration : IEntityTypeConfiguration<Floor>
{
    public void Configure(EntityTypeBuilder<Floor> b)
    {
        b.Property(x => x.Name).HasMaxLength(40);
        b.HasIndex(x => x.Level).IsUnique();
        b.HasMany(x => x.Zones).WithOne(z => z.Floor).HasForeignKey(z => z.FloorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ZoneConfiguration : IEntityTypeConfiguration<Zone>
{
    public void Configure(EntityTypeBuilder<Zone> b)
    {
        b.Property(x => x.Code).HasMaxLength(Zone.CodeMaxLength);
        b.Property(x => x.Name).HasMaxLength(Zone.NameMaxLength);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class DepartmentConfiguration : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> b)
    {
        b.Property(x => x.Code).HasMaxLength(Department.CodeMaxLength);
        b.Property(x => x.Name).HasMaxLength(Department.NameMaxLength);
        b.Property(x => x.ShortName).HasMaxLength(20);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasOne(x => x.Zone).WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class WindowConfiguration : IEntityTypeConfiguration<Window>
{
    public void Configure(EntityTypeBuilder<Window> b)
    {
        b.Property(x => x.Name).HasMaxLength(Window.NameMaxLength);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasOne(x => x.Zone).WithMany().HasForeignKey(x => x.ZoneId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> b)
    {
        b.Property(x => x.Code).HasMaxLength(ServiceItem.CodeMaxLength);
        b.Property(x => x.Name).HasMaxLength(ServiceItem.NameMaxLength);
        b.Property(x => x.Basis).HasMaxLength(ServiceItem.TextMaxLength);
        b.Property(x => x.Conditions).HasMaxLength(ServiceItem.TextMaxLength);
        b.Property(x => x.Fees).HasMaxLength(500);
        b.Property(x => x.Place).HasMaxLength(200);
        b.Property(x => x.Hours).HasMaxLength(200);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.ComplaintChannel).HasMaxLength(300);
        b.Property(x => x.OnlineUrl).HasMaxLength(300);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);

        b.OwnsMany(x => x.Materials, m =>
        {
            m.ToTable("ServiceItemMaterials");
            m.WithOwner().HasForeignKey("ServiceItemId");
            m.HasKey(x => x.Id);
            m.Property(x => x.Name).HasMaxLength(RequiredMaterial.NameMaxLength);
            m.Property(x => x.Note).HasMaxLength(500);
        });
        b.OwnsMany(x => x.ProcessSteps, s =>
        {
            s.ToTable("ServiceItemProcessSteps");
            s.WithOwner().HasForeignKey("ServiceItemId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Name).HasMaxLength(ProcessStep.NameMaxLength);
            s.Property(x => x.Description).HasMaxLength(1000);
        });
    }
}
