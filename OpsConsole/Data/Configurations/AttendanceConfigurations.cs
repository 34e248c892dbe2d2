using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;

namespace OpsConsole.Data.Configurations;

internal sealed class PunchConfiguration : IEntityTypeConfiguration<Punch>
{
    public void Configure(EntityTypeBuilder<Punch> b)
    {
        b.ToTable("Punches");
        b.ExcludeFromAudit();
        b.Property(x => x.TerminalId).HasMaxLength(Punch.TerminalIdMaxLength);
        b.Property(x => x.TerminalEventId).HasMaxLength(Punch.TerminalEventIdMaxLength);
        // One person cannot punch twice in the same second: this is what makes re-imports change nothing.
        b.HasIndex(x => new { x.StaffId, x.Time }).IsUnique();
        // NULL event ids (file imports) never collide: both providers treat NULLs as distinct.
        b.HasIndex(x => new { x.TerminalId, x.TerminalEventId }).IsUnique();
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RawPunchConfiguration : IEntityTypeConfiguration<RawPunch>
{
    public void Configure(EntityTypeBuilder<RawPunch> b)
    {
        b.ToTable("RawPunches");
        b.ExcludeFromAudit();
        b.Property(x => x.TerminalId).HasMaxLength(Punch.TerminalIdMaxLength);
        b.Property(x => x.TerminalEventId).HasMaxLength(RawPunch.TextMaxLength);
        b.Property(x => x.EmployeeNo).HasMaxLength(RawPunch.TextMaxLength);
        b.Property(x => x.StaffName).HasMaxLength(RawPunch.TextMaxLength);
        b.Property(x => x.TimeText).HasMaxLength(RawPunch.TextMaxLength);
        b.Property(x => x.MethodText).HasMaxLength(RawPunch.TextMaxLength);
        b.Property(x => x.RawText).HasMaxLength(RawPunch.LineMaxLength);
        b.Property(x => x.Reason).HasMaxLength(RawPunch.ReasonMaxLength);
        b.HasIndex(x => new { x.ImportId, x.RowNumber });
        b.HasIndex(x => x.ReceivedAt);
        b.HasOne(x => x.Punch).WithMany().HasForeignKey(x => x.PunchId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<PunchImport>().WithMany().HasForeignKey(x => x.ImportId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Auth.Devices.Device>().WithMany().HasForeignKey(x => x.DeviceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PunchImportConfiguration : IEntityTypeConfiguration<PunchImport>
{
    public void Configure(EntityTypeBuilder<PunchImport> b)
    {
        b.ToTable("PunchImports");
        b.Property(x => x.FileName).HasMaxLength(PunchImport.FileNameMaxLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Encoding).HasMaxLength(40);
        b.Property(x => x.ImportedBy).HasMaxLength(60);
        b.HasIndex(x => x.Sha256);
        b.HasIndex(x => x.ImportedAt);
    }
}

internal sealed class WorkScheduleConfiguration : IEntityTypeConfiguration<WorkSchedule>
{
    public void Configure(EntityTypeBuilder<WorkSchedule> b)
    {
        b.ToTable("WorkSchedules");
        b.Property(x => x.Name).HasMaxLength(WorkSchedule.NameMaxLength);
        b.ComplexProperty(x => x.MorningIn);
        b.ComplexProperty(x => x.MorningOut);
        b.ComplexProperty(x => x.AfternoonIn);
        b.ComplexProperty(x => x.AfternoonOut);
        b.OwnsOne(x => x.Season);
        // A schedule is closed once: a change racing another finds the end already set (ADR 0009).
        b.Property(x => x.ValidUntil).IsConcurrencyToken();
        b.HasOne<Department>().WithMany().HasForeignKey(x => x.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> b)
    {
        b.ToTable("CalendarEntries");
        b.Property(x => x.Name).HasMaxLength(CalendarEntry.NameMaxLength);
        b.HasIndex(x => x.Date).IsUnique();
    }
}

internal sealed class AttendanceRuleSetConfiguration : IEntityTypeConfiguration<AttendanceRuleSet>
{
    public void Configure(EntityTypeBuilder<AttendanceRuleSet> b)
    {
        b.ToTable("AttendanceRuleSets");
        b.Property(x => x.Name).HasMaxLength(AttendanceRuleSet.NameMaxLength);
        b.HasIndex(x => x.Version).IsUnique();
        b.ComplexProperty(x => x.Rules, r =>
        {
            foreach (var p in new[] { nameof(AttendanceRuleValues.LateMinorPoints), nameof(AttendanceRuleValues.LateMajorPoints),
                nameof(AttendanceRuleValues.EarlyMinorPoints), nameof(AttendanceRuleValues.EarlyMajorPoints),
                nameof(AttendanceRuleValues.MissingPunchPoints), nameof(AttendanceRuleValues.HalfDayAbsencePoints),
                nameof(AttendanceRuleValues.MonthlyDeductionCap) })
                r.Property(p).HasPrecision(6, 2);
        });
    }
}

internal sealed class LeaveRecordConfiguration : IEntityTypeConfiguration<LeaveRecord>
{
    public void Configure(EntityTypeBuilder<LeaveRecord> b)
    {
        b.ToTable("LeaveRecords");
        ApprovalRequestMapping.Configure(b);
        b.ComplexProperty(x => x.Period);
    }
}

internal sealed class OfficialAbsenceRecordConfiguration : IEntityTypeConfiguration<OfficialAbsenceRecord>
{
    public void Configure(EntityTypeBuilder<OfficialAbsenceRecord> b)
    {
        b.ToTable("OfficialAbsences");
        ApprovalRequestMapping.Configure(b);
        b.ComplexProperty(x => x.Period);
    }
}

internal sealed class MakeUpPunchRequestConfiguration : IEntityTypeConfiguration<MakeUpPunchRequest>
{
    public void Configure(EntityTypeBuilder<MakeUpPunchRequest> b)
    {
        b.ToTable("MakeUpPunchRequests");
        ApprovalRequestMapping.Configure(b);
        b.HasIndex(x => new { x.StaffId, x.Date });
    }
}

/// <summary>Each kind of request has its own table; the shared approval columns are mapped the same way.</summary>
internal static class ApprovalRequestMapping
{
    public static void Configure<T>(EntityTypeBuilder<T> b) where T : ApprovalRequest
    {
        b.Property(x => x.Reason).HasMaxLength(ApprovalRequest.ReasonMaxLength);
        b.Property(x => x.RefusalReason).HasMaxLength(ApprovalRequest.ReasonMaxLength);
        b.HasIndex(x => new { x.StaffId, x.Status });
        // Decided once: a second decision or a withdrawal racing it finds the status changed and saves nothing.
        b.Property(x => x.Status).IsConcurrencyToken();
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId).OnDelete(DeleteBehavior.Restrict);
    }
}
