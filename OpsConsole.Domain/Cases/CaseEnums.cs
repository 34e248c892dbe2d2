namespace OpsConsole.Domain.Cases;

/// <summary>办件类型.</summary>
public enum CaseKind
{
    /// <summary>即办件: concluded on the spot, the same working day.</summary>
    OnTheSpot,
    /// <summary>承诺件: concluded within the item's promised working days.</summary>
    Promised,
    /// <summary>联办件: several departments, one of them the lead.</summary>
    Joint,
    /// <summary>上报件: sent up for approval.</summary>
    Reported,
}

/// <summary>办件状态.</summary>
public enum CaseState
{
    /// <summary>受理</summary>
    Accepted,
    /// <summary>办理中</summary>
    InProgress,
    /// <summary>补正: materials are missing; the deadline clock stops until they arrive.</summary>
    AwaitingCorrection,
    /// <summary>办结</summary>
    Concluded,
    /// <summary>不予受理 (with a reason).</summary>
    Rejected,
    /// <summary>退件</summary>
    Returned,
}

public static class CaseStates
{
    /// <summary>Still to be done by the center (the deadline applies).</summary>
    public static bool IsOpen(this CaseState state) => state is CaseState.Accepted or CaseState.InProgress or CaseState.AwaitingCorrection;
}

/// <summary>What happened to a case, one line of its history.</summary>
public enum CaseAction { Registered, Started, CorrectionRequested, CorrectionReceived, Concluded, Rejected, Returned, Reassigned }
