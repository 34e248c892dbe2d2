using OpsConsole.Auth;
using OpsConsole.Domain.Catalog;

namespace OpsConsole.Components.Shared;

/// <summary>The Chinese display names (localization keys) of roles.</summary>
public static class RoleNames
{
    public static string Of(string role) => role switch
    {
        Roles.WindowStaff => "窗口工作人员",
        Roles.ChiefRepresentative => "首席代表",
        Roles.Manager => "中心管理人员",
        Roles.HR => "人事考核",
        Roles.Admin => "系统管理员",
        _ => role,
    };
}

/// <summary>The Chinese display names (localization keys) of window types.</summary>
public static class WindowTypeNames
{
    public static string Of(WindowType type) => type switch
    {
        WindowType.Dedicated => "专窗",
        WindowType.Comprehensive => "综合窗口",
        WindowType.ResultPickup => "出件窗口",
        WindowType.HelpDesk => "咨询帮办",
        WindowType.Complaints => "投诉受理",
        _ => type.ToString(),
    };
}

/// <summary>The Chinese display names (localization keys) of item kinds and material forms.</summary>
public static class CatalogNames
{
    public static string Of(ServiceItemKind kind) => kind switch
    {
        ServiceItemKind.AdministrativeLicense => "行政许可",
        ServiceItemKind.AdministrativeConfirmation => "行政确认",
        ServiceItemKind.AdministrativePayment => "行政给付",
        ServiceItemKind.PublicService => "公共服务",
        ServiceItemKind.OtherPower => "其他行政权力",
        _ => kind.ToString(),
    };

    public static string Of(MaterialForm form) => form switch
    {
        MaterialForm.Original => "原件",
        MaterialForm.Copy => "复印件",
        MaterialForm.OriginalAndCopy => "原件及复印件",
        MaterialForm.Electronic => "电子材料",
        _ => form.ToString(),
    };
}

/// <summary>The Chinese display names (localization keys) of device kinds.</summary>
public static class DeviceNames
{
    public static string Of(Auth.Devices.DeviceKind kind) => kind switch
    {
        Auth.Devices.DeviceKind.Kiosk => "取号机",
        Auth.Devices.DeviceKind.LobbyDisplay => "综合屏",
        Auth.Devices.DeviceKind.WindowScreen => "窗口屏",
        Auth.Devices.DeviceKind.Evaluator => "评价器",
        Auth.Devices.DeviceKind.CounterPad => "叫号器",
        Auth.Devices.DeviceKind.ClockTerminal => "考勤机",
        _ => kind.ToString(),
    };
}

/// <summary>The Chinese names (localization keys) of the five satisfaction levels.</summary>
public static class SatisfactionNames
{
    public static string Of(Domain.Queueing.SatisfactionLevel level) => level switch
    {
        Domain.Queueing.SatisfactionLevel.VerySatisfied => "非常满意",
        Domain.Queueing.SatisfactionLevel.Satisfied => "满意",
        Domain.Queueing.SatisfactionLevel.Basic => "基本满意",
        Domain.Queueing.SatisfactionLevel.Dissatisfied => "不满意",
        _ => "非常不满意",
    };
}
