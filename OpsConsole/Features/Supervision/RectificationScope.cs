using OpsConsole.Data;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Features.Supervision;

/// <summary>Which rectifications a person sees: office roles all; a chief representative the department's; window staff their own and those given to them.</summary>
public sealed record RectificationScope(bool All, int? StaffId, int? DepartmentId)
{
    public static RectificationScope For(SupervisionActor actor) =>
        new(actor.IsOffice, actor.StaffId, actor.IsChief ? actor.DepartmentId : null);

    public IQueryable<Rectification> Apply(IQueryable<Rectification> q, OpsDbContext db)
    {
        if (All) return q;
        var me = StaffId ?? -1;
        var dept = DepartmentId ?? -1;
        return q.Where(r => r.StaffId == me || r.AssignedToStaffId == me
            || db.Windows.Any(w => w.Id == r.WindowId && w.DepartmentId == dept)
            || db.Staff.Any(s => s.Id == r.StaffId && s.DepartmentId == dept));
    }
}
