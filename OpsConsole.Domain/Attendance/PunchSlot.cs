namespace OpsConsole.Domain.Attendance;

/// <summary>The four punches of a workday.</summary>
public enum PunchSlot { MorningIn, MorningOut, AfternoonIn, AfternoonOut }

/// <summary>Attendance is judged per half-day (上午/下午).</summary>
public enum HalfDay { Morning, Afternoon }

public static class PunchSlots
{
    public static readonly IReadOnlyList<PunchSlot> All =
        [PunchSlot.MorningIn, PunchSlot.MorningOut, PunchSlot.AfternoonIn, PunchSlot.AfternoonOut];

    public static HalfDay HalfDayOf(this PunchSlot slot) =>
        slot is PunchSlot.MorningIn or PunchSlot.MorningOut ? HalfDay.Morning : HalfDay.Afternoon;

    /// <summary>True for the arrival slots, where the first punch counts; false for departures, where the last counts.</summary>
    public static bool IsIn(this PunchSlot slot) => slot is PunchSlot.MorningIn or PunchSlot.AfternoonIn;

    public static PunchSlot InSlot(this HalfDay half) => half == HalfDay.Morning ? PunchSlot.MorningIn : PunchSlot.AfternoonIn;

    public static PunchSlot OutSlot(this HalfDay half) => half == HalfDay.Morning ? PunchSlot.MorningOut : PunchSlot.AfternoonOut;
}
