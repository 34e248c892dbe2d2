using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Auth;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.People;

namespace OpsConsole.Data.Configurations;

internal sealed class StaffConfiguration : IEntityTypeConfiguration<Staff>
{
    public void Configure(EntityTypeBuilder<Staff> b)
    {
        b.Property(x => x.EmployeeNo).HasMaxLength(Staff.EmployeeNoMaxLength);
        b.Property(x => x.Name).HasMaxLength(Staff.NameMaxLength);
        b.Property(x => x.Title).HasMaxLength(40);
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.PhotoUrl).HasMaxLength(300);
        b.HasIndex(x => x.EmployeeNo).IsUnique();
        b.HasOne(x => x.Department).WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("Users");
        b.Property(x => x.UserName).HasMaxLength(AppUser.UserNameMaxLength);
        b.Property(x => x.NormalizedUserName).HasMaxLength(AppUser.UserNameMaxLength);
        b.Property(x => x.DisplayName).HasMaxLength(60);
        b.Property(x => x.PasswordHash).HasMaxLength(200).IsAuditSecret();
        b.Property(x => x.SecurityStamp).HasMaxLength(64).IsAuditSecret();
        b.Property(x => x.ConcurrencyStamp).HasMaxLength(64).IsConcurrencyToken().IsAuditSecret();
        b.HasIndex(x => x.NormalizedUserName).IsUnique();
        b.HasIndex(x => x.StaffId).IsUnique();
        b.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppUserRoleConfiguration : IEntityTypeConfiguration<AppUserRole>
{
    public void Configure(EntityTypeBuilder<AppUserRole> b)
    {
        b.ToTable("UserRoles");
        b.HasKey(x => new { x.UserId, x.Role });
        b.Property(x => x.Role).HasMaxLength(Roles.MaxLength);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditLog");
        b.Property(x => x.Actor).HasMaxLength(AuditEntry.ActorMaxLength);
        b.Property(x => x.Action).HasMaxLength(AuditEntry.ActionMaxLength);
        b.Property(x => x.EntityType).HasMaxLength(AuditEntry.EntityMaxLength);
        b.Property(x => x.EntityId).HasMaxLength(100);
        b.HasIndex(x => x.At);
        b.HasIndex(x => new { x.EntityType, x.EntityId });
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Keys.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Keys.DataProtectionKey> b)
    {
        b.ToTable("DataProtectionKeys");
        b.Property(x => x.FriendlyName).HasMaxLength(200);
        // The key ring: anyone who reads it can forge any account's cookie.
        b.Property(x => x.Xml).IsAuditSecret();
    }
}

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Auth.Devices.Device>
{
    public void Configure(EntityTypeBuilder<Auth.Devices.Device> b)
    {
        b.ToTable("Devices");
        b.Property(x => x.Name).HasMaxLength(Auth.Devices.Device.NameMaxLength);
        b.Property(x => x.TokenHash).HasMaxLength(Auth.Devices.Device.TokenHashLength).IsAuditSecret();
        b.Property(x => x.TokenHint).HasMaxLength(12);
        b.Property(x => x.TerminalId).HasMaxLength(40);
        b.HasIndex(x => x.TokenHash).IsUnique();
        b.HasIndex(x => x.Name).IsUnique();
        b.HasOne(x => x.Window).WithMany().HasForeignKey(x => x.WindowId).OnDelete(DeleteBehavior.Restrict);
    }
}
