using Microsoft.AspNetCore.Identity;
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

/// <summary>
/// Identity's stock model (IdentityDbContext, ADR 0017) under our table names, with our account fields and
/// lengths. Applied after Identity's own configuration, so what is said here wins.
/// </summary>
internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.ToTable("Users");
        b.Property(x => x.UserName).HasMaxLength(AppUser.UserNameMaxLength).IsRequired();
        b.Property(x => x.NormalizedUserName).HasMaxLength(AppUser.UserNameMaxLength).IsRequired();
        b.Property(x => x.DisplayName).HasMaxLength(60);
        b.Property(x => x.PasswordHash).HasMaxLength(200).IsAuditSecret();
        b.Property(x => x.SecurityStamp).HasMaxLength(64).IsRequired().IsAuditSecret();
        b.Property(x => x.ConcurrencyStamp).HasMaxLength(64).IsRequired().IsConcurrencyToken().IsAuditSecret();
        b.Property(x => x.PhoneNumber).HasMaxLength(40);
        b.HasIndex(x => x.StaffId).IsUnique();
        b.HasOne(x => x.Staff).WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Roles).WithOne().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppRoleConfiguration : IEntityTypeConfiguration<AppRole>
{
    public void Configure(EntityTypeBuilder<AppRole> b)
    {
        b.ToTable("Roles");
        b.Property(x => x.Name).HasMaxLength(Roles.MaxLength);
        b.Property(x => x.NormalizedName).HasMaxLength(Roles.MaxLength);
        b.Property(x => x.ConcurrencyStamp).HasMaxLength(64);
        // The console's roles are fixed (policies name them): part of the model, so every provider's migration inserts them.
        b.HasData(Roles.All.Select(r => new AppRole
        {
            Id = Roles.IdOf(r), Name = r, NormalizedName = r.ToUpperInvariant(), ConcurrencyStamp = "role-" + r.ToLowerInvariant(),
        }));
    }
}

internal sealed class AppUserRoleConfiguration : IEntityTypeConfiguration<AppUserRole>
{
    public void Configure(EntityTypeBuilder<AppUserRole> b)
    {
        b.ToTable("UserRoles");
        b.HasOne(x => x.Role).WithMany().HasForeignKey(x => x.RoleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserClaimConfiguration : IEntityTypeConfiguration<IdentityUserClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserClaim<int>> b) => b.ToTable("UserClaims");
}

internal sealed class UserLoginConfiguration : IEntityTypeConfiguration<IdentityUserLogin<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserLogin<int>> b)
    {
        b.ToTable("UserLogins");
        b.Property(x => x.ProviderKey).IsAuditSecret();
    }
}

/// <summary>Authenticator keys and recovery codes of a second factor live here: never in the audit log.</summary>
internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<IdentityUserToken<int>>
{
    public void Configure(EntityTypeBuilder<IdentityUserToken<int>> b)
    {
        b.ToTable("UserTokens");
        b.Property(x => x.Value).IsAuditSecret();
    }
}

internal sealed class RoleClaimConfiguration : IEntityTypeConfiguration<IdentityRoleClaim<int>>
{
    public void Configure(EntityTypeBuilder<IdentityRoleClaim<int>> b) => b.ToTable("RoleClaims");
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
