namespace OpsConsole.Domain.Queueing;

/// <summary>Where a ticket came from.</summary>
public enum TicketChannel
{
    /// <summary>取号机, with or without an ID number.</summary>
    Kiosk,
    /// <summary>预约签到: issued when a booking is checked in.</summary>
    Appointment,
    /// <summary>Issued by a manager, usually for the green channel (绿色通道).</summary>
    ManagerIssued,
}

/// <summary>
/// Who is called first within the same queue precedence. The order is <see cref="PriorityClassOrder.Rank"/>,
/// not the enum's numeric value (enums are stored as strings).
/// </summary>
public enum PriorityClass
{
    /// <summary>Booked a time slot and checked in: first, the booking promised a time.</summary>
    Appointment,
    /// <summary>绿色通道: elderly, disabled, pregnant, military.</summary>
    GreenChannel,
    /// <summary>Already waited in another queue or at another window.</summary>
    Transferred,
    Normal,
}

public static class PriorityClassOrder
{
    /// <summary>0 is called first.</summary>
    public static int Rank(this PriorityClass priority) => priority switch
    {
        PriorityClass.Appointment => 0,
        PriorityClass.GreenChannel => 1,
        PriorityClass.Transferred => 2,
        _ => 3,
    };
}

/// <summary>
/// Waiting → Called → Serving → Completed, or NoShow (过号, reinstatable for a while), Parked
/// (挂起), Cancelled. A transfer is not a state: the ticket is Waiting again in its target
/// queue or for its target window, and <see cref="Ticket.Transfers"/> keeps the history.
/// </summary>
public enum TicketState
{
    Waiting,
    Called,
    Serving,
    Completed,
    NoShow,
    Parked,
    Cancelled,
}

public enum TicketCancelReason
{
    /// <summary>The applicant asked to cancel.</summary>
    ApplicantRequest,
    /// <summary>The applicant left the hall.</summary>
    ApplicantLeft,
    /// <summary>Issued twice or by mistake.</summary>
    IssuedInError,
    /// <summary>Closed by the end-of-day run.</summary>
    EndOfDay,
}

public enum RecallOutcome
{
    Recalled,
    /// <summary>The recall limit was already reached, so the ticket became a no-show.</summary>
    MarkedNoShow,
}
