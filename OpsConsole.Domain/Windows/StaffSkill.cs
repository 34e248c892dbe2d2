namespace OpsConsole.Domain.Windows;

/// <summary>A staff member may handle a service item (技能). The set of these rows is the skills matrix.</summary>
public class StaffSkill
{
    private StaffSkill() { }

    public StaffSkill(int staffId, int serviceItemId)
    {
        StaffId = staffId;
        ServiceItemId = serviceItemId;
    }

    public int StaffId { get; private set; }
    public int ServiceItemId { get; private set; }
}
