using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;

namespace OpsConsole.Data.Seeding.Demo;

/// <summary>
/// Staff of the demo center: fixed demo people first (bound to demo accounts), then generated
/// window staff per department with a fixed-seed generator, so every build yields the same names.
/// </summary>
/// <remarks>
/// Center office (中心管理办公室) staff have no department (<c>Department == null</c>): the office is
/// not a stationed department, so it has no windows, items or chief representative.
/// Every stationed department has exactly one chief representative (首席代表).
/// </remarks>
internal static class DemoStaff
{
    private const uint Seed = 20260105;

    // Fixed people: (employee no., name, gender, department code or null for the center office, title, chief).
    private static readonly (string No, string Name, Gender Gender, string? Dept, string Title, bool Chief)[] Fixed =
    [
        (DemoCatalog.StaffEmployeeNo, "李静", Gender.Female, "BDC", "科员", false),
        (DemoCatalog.ChiefEmployeeNo, "王建军", Gender.Male, "BDC", "首席代表", true),
        (DemoCatalog.ManagerEmployeeNo, "陈志刚", Gender.Male, null, "中心管理办公室副主任", false),
        (DemoCatalog.HrEmployeeNo, "刘晓燕", Gender.Female, null, "人事考核科科长", false),
        (DemoCatalog.AdminEmployeeNo, "赵磊", Gender.Male, null, "信息技术科科长", false),
        ("BJ0006", "周文华", Gender.Male, null, "中心管理办公室主任", false),
        ("BJ0007", "孙海涛", Gender.Male, null, "运行管理科科员", false),
        ("BJ0008", "杨倩", Gender.Female, null, "督查考核科科员", false),
    ];

    public static List<Staff> Create(DeptRow[] rows, List<Department> departments)
    {
        var staff = new List<Staff>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var f in Fixed)
        {
            var dept = f.Dept is null ? null : departments[Array.FindIndex(rows, r => r.Code == f.Dept)];
            Add(staff, names, f.Name, f.Gender, dept, f.Title, f.Chief);
        }

        var random = new Lcg(Seed);
        for (var d = 0; d < rows.Length; d++)
        {
            var dept = departments[d];
            var present = staff.Where(s => s.Department == dept).ToList();
            // Leadership titles this department still needs, in order; the rest are 科员.
            var titles = new List<string> { "首席代表", "窗口负责人" };
            if (rows[d].Staff >= 8)
            {
                titles.Add("副科长");
            }
            titles.RemoveAll(t => present.Any(p => p.Title == t));
            for (var i = present.Count; i < rows[d].Staff; i++)
            {
                var (name, gender) = NewName(random, names);
                var title = titles.Count > 0 ? titles[0] : "科员";
                if (titles.Count > 0)
                {
                    titles.RemoveAt(0);
                }
                Add(staff, names, name, gender, dept, title, title == "首席代表");
            }
        }
        return staff;
    }

    private static void Add(List<Staff> staff, HashSet<string> names, string name, Gender gender, Department? dept, string title, bool chief)
    {
        var n = staff.Count + 1;
        names.Add(name);
        staff.Add(new Staff
        {
            EmployeeNo = $"BJ{n:0000}",
            Name = name,
            Gender = gender,
            Department = dept,
            Title = title,
            Phone = $"1380000{n:0000}",
            PhotoUrl = "",
            IsChiefRepresentative = chief,
        });
    }

    private static (string Name, Gender Gender) NewName(Lcg random, HashSet<string> taken)
    {
        var totalWeight = DemoStaffNames.FamilyNames.Sum(f => f.Weight);
        while (true)
        {
            var pick = random.Next(totalWeight);
            var family = DemoStaffNames.FamilyNames[0].Name;
            foreach (var (name, weight) in DemoStaffNames.FamilyNames)
            {
                if (pick < weight)
                {
                    family = name;
                    break;
                }
                pick -= weight;
            }
            var female = random.Next(100) < 58;
            var single = random.Next(4) == 0 || family.Length > 1; // keep names at 2-3 characters
            var pool = (female, single) switch
            {
                (true, true) => DemoStaffNames.FemaleGivenSingle,
                (true, false) => DemoStaffNames.FemaleGiven,
                (false, true) => DemoStaffNames.MaleGivenSingle,
                (false, false) => DemoStaffNames.MaleGiven,
            };
            var full = family + pool[random.Next(pool.Length)];
            if (!taken.Contains(full))
            {
                return (full, female ? Gender.Female : Gender.Male);
            }
        }
    }

    /// <summary>A tiny linear congruential generator: stable across runtimes, unlike relying on System.Random internals.</summary>
    private sealed class Lcg(uint seed)
    {
        private uint _state = seed;

        public int Next(int bound)
        {
            _state = unchecked((_state * 1664525u) + 1013904223u);
            return (int)((_state >> 8) % (uint)bound);
        }
    }
}
