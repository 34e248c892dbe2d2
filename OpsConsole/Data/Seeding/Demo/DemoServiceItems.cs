using System.Globalization;
using OpsConsole.Domain.Catalog;

namespace OpsConsole.Data.Seeding.Demo;

/// <summary>
/// One row of the item tables: the guide elements (办事指南要素) that differ per item.
/// <paramref name="Flow"/> names a step template (see <see cref="DemoServiceItems"/>); <paramref name="Result"/> is
/// what the applicant receives (审批结果) and is woven into the step texts. Each material is
/// <c>"form|name[|copies[|note]]"</c> with form Y = 原件, F = 复印件, YF = 原件及复印件, D = 电子材料.
/// </summary>
internal sealed record ItemSpec(
    string Name, ServiceItemKind Kind, int Statutory, int Promised, string Fees, int Visits,
    string Flow, string Result, string Basis, string Conditions, string[] Materials);

/// <summary>Turns the per-department item tables into <see cref="ServiceItem"/>s with full guide content.</summary>
internal static partial class DemoServiceItems
{
    private const string OnlineBase = "https://zwfw.example.gov.cn/item/";

    // Materials shared by many items.
    private const string IdCard = "YF|申请人有效身份证件|1|居民身份证、临时居民身份证或护照，核验原件、留存复印件";
    private const string Agent = "YF|授权委托书及受托人身份证件|1|委托他人代为办理的提供";
    private const string License = "D|营业执照|1|通过电子营业执照或部门共享核验，无需提交纸质材料";
    private const string LegalRep = "YF|法定代表人（负责人）身份证件|1";
    private const string SocialCard = "Y|社会保障卡|1|可使用电子社保卡或医保电子凭证代替";
    private const string BankCard = "F|本人银行卡或存折|1|须为本人名下一类账户";

    // Per-department tables, in department order. Codes must match DeptRow.Code.
    private static (string Dept, ItemSpec[] Specs)[] Tables() =>
    [
        ("BDC", RealEstate()), ("CRJ", ExitEntry()), ("SB", SocialInsurance()), ("YB", MedicalInsurance()),
        ("GJJ", HousingFund()), ("SCJG", MarketRegulation()), ("SW", Taxation()), ("CG", VehicleAdmin()),
        ("ZJ", Construction()), ("MZ", CivilAffairs()), ("RS", HumanResources()), ("WJ", Health()),
    ];

    public static List<ServiceItem> Create(DeptRow[] rows, List<Department> departments, List<Window> windows)
    {
        var complaint = windows.First(w => w.Type == WindowType.Complaints);
        var complaintChannel = $"12345政务服务便民热线；中心投诉窗口（{complaint.Zone!.Floor!.Level}楼{complaint.Number}号）";
        var items = new List<ServiceItem>();
        foreach (var (deptCode, specs) in Tables())
        {
            var d = Array.FindIndex(rows, r => r.Code == deptCode);
            var dept = departments[d];
            var row = rows[d];
            var prefix = $"11990100MB28{d + 1:00}0{(char)('A' + d)}";
            var place = PlaceOf(dept, row, windows);
            var hours = row.Hours.Length > 0 ? row.Hours : DemoCatalog.OpeningHours;
            for (var i = 0; i < specs.Length; i++)
            {
                var s = specs[i];
                var code = $"{prefix}-{i + 1:000}";
                items.Add(new ServiceItem
                {
                    Code = code,
                    Name = s.Name,
                    Department = dept,
                    Kind = s.Kind,
                    Basis = s.Basis,
                    Conditions = s.Conditions,
                    Materials = s.Materials.Select(ParseMaterial).ToList(),
                    ProcessSteps = Steps(s),
                    StatutoryLimitDays = s.Statutory,
                    PromisedLimitDays = s.Promised,
                    Fees = s.Fees,
                    Place = place,
                    Hours = hours,
                    Phone = dept.Phone,
                    ComplaintChannel = complaintChannel,
                    VisitsNeeded = s.Visits,
                    OnlineUrl = OnlineBase + code,
                });
            }
        }
        return items;
    }

    private static string PlaceOf(Department dept, DeptRow row, List<Window> windows)
    {
        var zone = dept.Zone!;
        var own = windows.Where(w => w.Department == dept).ToList();
        var place = $"{zone.Floor!.Level}楼{zone.Code}区（{zone.Name}）{Range(own)}窗口";
        if (row.AlsoAt.Length > 0)
        {
            var shared = windows.Where(w => w.Type == WindowType.Comprehensive && w.Zone!.Code == row.AlsoAt).ToList();
            var z = shared[0].Zone!;
            var label = shared[0].Name[..shared[0].Name.IndexOf(' ')];
            place += $"；也可到{z.Floor!.Level}楼{z.Code}区{label}窗口（{Range(shared)}）办理";
        }
        return place;
    }

    private static string Range(List<Window> windows)
    {
        int min = windows.Min(w => w.Number), max = windows.Max(w => w.Number);
        return min == max ? $"{min}号" : $"{min}-{max}号";
    }

    private static RequiredMaterial ParseMaterial(string text, int index)
    {
        var parts = text.Split('|');
        return new RequiredMaterial
        {
            Order = index + 1,
            Form = parts[0] switch
            {
                "Y" => MaterialForm.Original,
                "F" => MaterialForm.Copy,
                "YF" => MaterialForm.OriginalAndCopy,
                "D" => MaterialForm.Electronic,
                _ => throw new InvalidOperationException($"Bad material form in '{text}'."),
            },
            Name = parts[1],
            Copies = parts.Length > 2 ? int.Parse(parts[2], CultureInfo.InvariantCulture) : 1,
            Note = parts.Length > 3 ? parts[3] : "",
        };
    }

    private const string Accept =
        "受理|窗口工作人员查验申请材料，材料齐全、符合法定形式的予以受理并出具受理通知书；材料不全或者不符合法定形式的，一次性告知需要补正的全部内容。";
    private const string Delivery = "申请人可凭受理通知书到1楼综合出件窗口领取，也可选择免费邮寄送达。";

    /// <summary>Step templates: "name|description", with {R} = result and {T} = time limit phrase.</summary>
    private static string[] Flow(string flow) => flow switch
    {
        // 即办件
        "JB" =>
        [
            "受理|申请人到窗口提交申请材料，窗口工作人员核验身份、查验材料；材料齐全、符合法定形式的当场受理，材料不全的一次性告知需补正的全部内容。",
            "审核|窗口工作人员当场审核申请材料，并通过部门间数据共享核验相关信息。",
            "办结|审核通过的当场办结并出具{R}；不符合条件的当场说明理由。",
        ],
        // 承诺件
        "CN" =>
        [
            Accept,
            "审查|承办人员对申请材料进行审查，必要时核实有关情况，提出审查意见。",
            "决定|审批人员{T}作出准予或者不予批准的决定；不予批准的书面说明理由，并告知申请人依法享有申请行政复议或者提起行政诉讼的权利。",
            "送达|制作{R}，" + Delivery,
        ],
        // 许可，含现场核查
        "XK" =>
        [
            Accept,
            "现场核查|需要对申请材料的实质内容进行核实的，指派两名以上工作人员进行现场核查并制作核查记录，申请人应当予以配合。",
            "审查决定|根据材料审查和现场核查情况，{T}作出准予或者不予许可的决定；现场核查、整改时间不计入承诺时限。",
            "制证送达|准予许可的制发{R}，" + Delivery,
        ],
        // 不动产登记
        "DJ" =>
        [
            "申请受理|申请人或其委托代理人到不动产登记窗口提交申请，窗口人员核验身份、查验材料并询问登记原因，符合受理条件的出具受理凭证。",
            "审核|查验不动产界址、面积、用途和权属来源，核实有无查封、异议等限制情况，必要时实地查看或者调查。",
            "登簿|经审核符合登记条件的，{T}将登记事项记载于不动产登记簿，登记自记载于登记簿时完成。",
            "缮证发证|缮制{R}，申请人凭受理凭证到1楼综合出件窗口领取，也可选择邮寄或者下载电子证照。",
        ],
        // 协助查封
        "CF" =>
        [
            "接收嘱托|核验执行公务人员的工作证件和执行公务证，接收嘱托书、协助执行通知书及生效法律文书。",
            "审查|审查嘱托文件是否齐全，核实不动产权属状况；登记机构不对嘱托文件和生效法律文书进行实体审查。",
            "登簿|收到嘱托文件当日将查封事项记载于不动产登记簿。",
            "出具回执|向嘱托机关出具{R}。",
        ],
        // 出入境证件
        "CZ" =>
        [
            "受理|申请人本人到出入境窗口，工作人员核验身份，现场采集证件照片和指纹信息，打印申请表由申请人签名确认，缴费后出具受理回执。",
            "审批|出入境管理部门对申请进行审核，核查申请人身份信息和申请事由，必要时约谈申请人。",
            "制证|审批通过后{T}制作完成{R}，并以短信通知申请人。",
            "领证|申请人凭受理回执和身份证件到1楼综合出件窗口或者自助发证机领取；申请时选择邮寄的，由EMS送达。",
        ],
        // 行政给付
        "GF" =>
        [
            "受理|窗口工作人员核验申请人身份，查验申请材料，符合条件的予以受理并出具受理回执。",
            "审核|经办人员核对申请人资格条件、缴费记录及相关材料，按规定核定待遇项目和标准。",
            "复核|复核人员对审核结果进行复核，需要公示的按规定进行公示。",
            "发放|{T}办结，{R}发放至申请人社会保障卡银行账户或者指定的银行账户。",
        ],
        // 全程网办
        "WS" =>
        [
            "网上申请|申请人登录滨江市政务服务网或“i滨江”APP在线填写信息、上传材料；不熟悉网上操作的，可到窗口由工作人员帮办。",
            "审核|系统自动比对共享数据，需要人工审核的由经办人员{T}完成审核。",
            "办结|审核通过后办结，{R}在线推送至申请人账户，并以短信告知办理结果。",
        ],
        // 车驾管
        "CG" =>
        [
            "受理|窗口工作人员核验申请人身份证明，查验申请材料，通过公安交通管理信息系统核查车辆和驾驶人信息。",
            "查验|需要查验车辆的，到中心东侧机动车查验区由查验员核对车辆识别代号、发动机号码、外观和安全装置，并拍摄车辆照片。",
            "审核|审核申请材料和查验结果，符合规定的录入公安交通管理信息系统。",
            "制证|审核通过后{T}制发{R}；需要号牌的由申请人现场自编自选号牌号码。",
        ],
        _ => throw new InvalidOperationException($"Unknown flow '{flow}'."),
    };

    private static List<ProcessStep> Steps(ItemSpec s)
    {
        if (s.Promised == 0 && s.Flow is "CN" or "XK" or "CZ" or "GF")
        {
            throw new InvalidOperationException($"Flow {s.Flow} needs a promised limit: {s.Name}.");
        }
        var limit = s.Promised > 0 ? $"自受理之日起{s.Promised}个工作日内" : "当场";
        return Flow(s.Flow).Select((step, i) =>
        {
            var parts = step.Split('|');
            return new ProcessStep
            {
                Order = i + 1,
                Name = parts[0],
                Description = parts[1].Replace("{R}", s.Result, StringComparison.Ordinal).Replace("{T}", limit, StringComparison.Ordinal),
            };
        }).ToList();
    }
}
