using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Common;

namespace OpsConsole.Features.Assessment;

/// <summary>
/// 申诉: staff appeal one of their lines during the appeal period; the chief representative of their department
/// comments; a manager upholds (the line's new points, or none) or rejects, with a reason. Audited through the
/// context like every change.
/// </summary>
public sealed class AssessmentAppeals(IDbContextFactory<OpsDbContext> dbFactory, MonthAssessment months, CenterClock clock)
{
    /// <summary>
    /// Files an appeal on the line of the staff member's month named by item and source, with an optional evidence file
    /// already kept by the evidence store (ADR 0025); only a file the appellant uploaded themself is accepted.
    /// </summary>
    public async Task<OpResult> FileAsync(YearMonth month, int staffId, string itemCode, string sourceType, string sourceId, string reason,
        long? evidenceFileId = null, CancellationToken ct = default)
    {
        var view = await months.LoadAsync(month, ct);
        if (view.Record is null) return OpResult.Fail(AssessmentMessages.Of(AssessmentErrors.MonthNotOpenForAppeal));
        var line = view.Scores.Staff.GetValueOrDefault(staffId)?.Lines
            .FirstOrDefault(l => l.ItemCode == itemCode && l.SourceType == sourceType && l.SourceId == sourceId);
        if (line is null) return OpResult.Fail("该扣分行不存在，请刷新后重试。");
        if (view.Appeals.Any(a => a.StaffId == staffId && a.ItemCode == itemCode && a.SourceType == sourceType && a.SourceId == sourceId))
            return OpResult.Fail("该行已申诉过。");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (evidenceFileId is { } fileId
            && !await db.Set<Domain.Supervision.EvidenceFile>().AnyAsync(f => f.Id == fileId && f.UploadedByStaffId == staffId, ct))
            return OpResult.Fail("证据文件不存在，请重新上传。");
        var record = await MonthAssessment.RecordAsync(db, month, ct);
        try
        {
            db.AssessmentAppeals.Add(AssessmentAppeal.File(record!, staffId, line, reason, evidenceFileId, clock.Now));
        }
        catch (DomainException e)
        {
            return OpResult.Fail(AssessmentMessages.Of(e.Message));
        }
        await db.SaveChangesAsync(ct);
        return OpResult.Notice("申诉已提交。");
    }

    /// <summary>The chief representative's comment, on appeals of their own department's staff only.</summary>
    public async Task<OpResult> CommentAsync(long appealId, int chiefStaffId, string comment, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appeal = await db.AssessmentAppeals.FirstOrDefaultAsync(a => a.Id == appealId, ct);
        if (appeal is null) return OpResult.Fail("申诉不存在。");
        var chief = await db.Staff.AsNoTracking().FirstOrDefaultAsync(s => s.Id == chiefStaffId, ct);
        var appellant = await db.Staff.AsNoTracking().FirstAsync(s => s.Id == appeal.StaffId, ct);
        if (chief is not { IsChiefRepresentative: true } || chief.DepartmentId != appellant.DepartmentId)
            return OpResult.Fail("只能对本部门人员的申诉发表意见。");
        try
        {
            appeal.Comment(comment);
        }
        catch (DomainException e)
        {
            return OpResult.Fail(AssessmentMessages.Of(e.Message));
        }
        await db.SaveChangesAsync(ct);
        return OpResult.Notice("意见已保存。");
    }

    /// <summary>A manager's decision; not on a month already published or locked.</summary>
    public async Task<OpResult> DecideAsync(long appealId, bool uphold, decimal? newPoints, string reason, int managerStaffId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var appeal = await db.AssessmentAppeals.FirstOrDefaultAsync(a => a.Id == appealId, ct);
        if (appeal is null) return OpResult.Fail("申诉不存在。");
        var month = await db.AssessmentMonths.AsNoTracking().FirstAsync(m => m.Id == appeal.AssessmentMonthId, ct);
        if (month.State is AssessmentMonthState.Published or AssessmentMonthState.Locked)
            return OpResult.Fail("该月考核已通报，请先更正重新打开。");
        try
        {
            appeal.Decide(uphold, newPoints, reason, managerStaffId, clock.Now);
        }
        catch (DomainException e)
        {
            return OpResult.Fail(AssessmentMessages.Of(e.Message));
        }
        await db.SaveChangesAsync(ct);
        return OpResult.Notice(uphold ? "申诉已支持，该行已按决定调整。" : "申诉已驳回。");
    }
}

public static class AssessmentServiceCollectionExtensions
{
    /// <summary>Postings and the monthly assessment, registered from one line in AddFeatures. Each source is one class.</summary>
    public static IServiceCollection AddAssessmentFeatures(this IServiceCollection services)
    {
        services.AddScoped<Postings>();
        services.AddScoped<AssessmentSchemes>();
        services.AddScoped<MonthAssessment>();
        services.AddScoped<AssessmentAppeals>();
        services.AddScoped<AssessmentWorkbook>();
        services.AddScoped<BulletinAnnexQuery>();
        services.AddScoped<PeriodAssessment>();
        services.AddScoped<PeriodWorkbook>();
        services.AddScoped<IAssessmentSource, AttendanceLinesSource>();
        services.AddScoped<IAssessmentSource, BadRatingSource>();
        services.AddScoped<IAssessmentSource, OverdueRectificationSource>();
        services.AddScoped<IAssessmentSource, WorkloadSource>();
        services.AddScoped<IAssessmentSource, ManualItemSource>();
        services.AddScoped<IAssessmentSource, SupervisionCardSource>();
        services.AddScoped<IAssessmentSource, ComplaintSource>();
        services.AddScoped<IAssessmentSource, InspectionFindingSource>();
        services.AddScoped<IAssessmentSource, CommendationSource>();
        return services;
    }
}
