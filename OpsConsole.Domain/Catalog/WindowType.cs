namespace OpsConsole.Domain.Catalog;

/// <summary>What a window (窗口) is for.</summary>
public enum WindowType
{
    /// <summary>专窗: serves one department's items.</summary>
    Dedicated,
    /// <summary>综合窗 / 无差别一窗: serves a pool of items across departments.</summary>
    Comprehensive,
    /// <summary>出件窗口: result pickup.</summary>
    ResultPickup,
    /// <summary>咨询/帮办: help desk.</summary>
    HelpDesk,
    /// <summary>投诉受理: complaints.</summary>
    Complaints,
}
