using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>
/// An applicant's place in a queue for one service day. Every step is a method that refuses
/// what the state does not allow; times are passed in, never read from a clock. Pass them in the
/// center's local offset (+08:00): the service day is the clock date of the issue time.
/// </summary>
public class Ticket
{
    public const int PublicCodeMinLength = 8;
    public const int PublicCodeMaxLength = 32;
    public const int IdNumberHashMaxLength = 128;
    public const int IdNumberMaskedMaxLength = 18;
    public const int DefaultMaxRecalls = 2;
    public const int ReinstatedBehind = 3;
    public static readonly TimeSpan DefaultReinstateWindow = TimeSpan.FromMinutes(30);

    private readonly List<TicketTransfer> _transfers = [];

    private Ticket() { }

    private Ticket(int queueId, TicketNumber number, TicketChannel channel, PriorityClass priority,
        string publicCode, DateTimeOffset at, string? idNumberHash, int? appointmentId)
    {
        QueueId = queueId;
        IssuedQueueId = queueId;
        ServiceDay = DateOnly.FromDateTime(at.DateTime);
        Prefix = number.Prefix;
        Sequence = number.Sequence;
        Channel = channel;
        Priority = priority;
        PublicCode = publicCode;
        IdNumberHash = idNumberHash;
        AppointmentId = appointmentId;
        State = TicketState.Waiting;
        IssuedAt = at;
        SortTime = at;
        LastChangedAt = at;
    }

    public int Id { get; private set; }
    /// <summary>The queue it waits in now; changes with a transfer to another queue.</summary>
    public int QueueId { get; private set; }
    /// <summary>The queue that issued the number; never changes. Numbers are unique per (issued queue, day, sequence).</summary>
    public int IssuedQueueId { get; private set; }
    /// <summary>The local date of issue (in the offset of the issue time); numbers restart each day.</summary>
    public DateOnly ServiceDay { get; private set; }
    public QueuePrefix Prefix { get; private set; }
    /// <summary>Gap-free per (<see cref="IssuedQueueId"/>, <see cref="ServiceDay"/>).</summary>
    public int Sequence { get; private set; }
    public TicketNumber Number => new(Prefix, Sequence);
    public TicketChannel Channel { get; private set; }
    public PriorityClass Priority { get; private set; }
    public TicketState State { get; private set; }

    /// <summary>Random url-safe token for the public status page (/t/{code}); made by the caller.</summary>
    public string PublicCode { get; private set; } = "";
    /// <summary>Salted hash of the applicant's ID number, when given at the kiosk.</summary>
    public string? IdNumberHash { get; private set; }
    public int? AppointmentId { get; private set; }
    /// <summary>The ID number as slips, screens and lists show it (3713**********0021); the full number is never stored.</summary>
    public string? IdNumberMasked { get; private set; }
    /// <summary>The service item (事项) the applicant chose at the kiosk, when chosen by item; the counter shows it.</summary>
    public int? ServiceItemId { get; private set; }

    /// <summary>Orders tickets of the same priority: the issue time, or a later key after a transfer or reinstatement.</summary>
    public DateTimeOffset SortTime { get; private set; }
    /// <summary>Set by a transfer to a named window: only that window may call the ticket.</summary>
    public int? TargetWindowId { get; private set; }

    /// <summary>The window and staff member that called (and serve, or parked) the ticket.</summary>
    public int? WindowId { get; private set; }
    public int? StaffId { get; private set; }
    public int RecallCount { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }
    /// <summary>The first call ever, kept across transfers and reinstatements: the wait the service level measures.</summary>
    public DateTimeOffset? FirstCalledAt { get; private set; }
    public DateTimeOffset? CalledAt { get; private set; }
    /// <summary>The latest call or recall: what displays announce.</summary>
    public DateTimeOffset? LastCalledAt { get; private set; }
    public DateTimeOffset? ServiceStartedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public DateTimeOffset? NoShowAt { get; private set; }
    public DateTimeOffset? ReinstatedAt { get; private set; }
    public DateTimeOffset? ParkedAt { get; private set; }
    /// <summary>Time spent parked during the current service, left out of its service time.</summary>
    public TimeSpan ParkedDuration { get; private set; }
    public DateTimeOffset? TransferredAt { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public TicketCancelReason? CancelReason { get; private set; }
    /// <summary>Completed by the end-of-day run while still being served: its service time is not trustworthy.</summary>
    public bool ClosedAtEndOfDay { get; private set; }
    public DateTimeOffset LastChangedAt { get; private set; }

    public IReadOnlyList<TicketTransfer> Transfers => _transfers;

    public bool IsOpen => State is TicketState.Waiting or TicketState.Called or TicketState.Serving or TicketState.Parked;

    /// <summary>Service time net of parking; null until completed.</summary>
    public TimeSpan? ServiceDuration =>
        CompletedAt is { } done && ServiceStartedAt is { } started ? done - started - ParkedDuration : null;

    /// <summary>
    /// Issues ticket <paramref name="sequence"/> of <paramref name="queue"/>. The priority follows the
    /// channel (kiosk → normal, appointment → appointment, manager → green channel) unless given.
    /// </summary>
    public static Ticket Issue(ServiceQueue queue, int sequence, TicketChannel channel, string publicCode,
        DateTimeOffset at, string? idNumberHash = null, PriorityClass? priority = null, int? appointmentId = null)
    {
        var number = new TicketNumber(queue.Prefix, sequence);
        var effective = priority ?? channel switch
        {
            TicketChannel.Appointment => PriorityClass.Appointment,
            TicketChannel.ManagerIssued => PriorityClass.GreenChannel,
            _ => PriorityClass.Normal,
        };
        if (effective == PriorityClass.Transferred
            || (effective == PriorityClass.Appointment) != (channel == TicketChannel.Appointment))
            throw new DomainException(QueueingErrors.InvalidPriority);
        if (!IsValidPublicCode(publicCode)) throw new DomainException(QueueingErrors.InvalidPublicCode);
        if (idNumberHash is not null && (idNumberHash.Length is 0 or > IdNumberHashMaxLength))
            throw new DomainException(QueueingErrors.InvalidIdNumberHash);
        return new Ticket(queue.Id, number, channel, effective, publicCode, at, idNumberHash, appointmentId);
    }

    /// <summary>
    /// Records who and what the ticket is for, at issue: the masked ID number (never the full one) and the chosen item.
    /// </summary>
    public Ticket For(string? idNumberMasked, int? serviceItemId)
    {
        if (idNumberMasked is not null && (idNumberMasked.Length is 0 or > IdNumberMaskedMaxLength || !idNumberMasked.Contains('*')))
            throw new DomainException(QueueingErrors.InvalidIdNumberHash);
        if (serviceItemId is <= 0) throw new DomainException(QueueingErrors.InvalidServiceItem);
        IdNumberMasked = idNumberMasked;
        ServiceItemId = serviceItemId;
        return this;
    }

    public static bool IsValidPublicCode(string? code) =>
        code is { Length: >= PublicCodeMinLength and <= PublicCodeMaxLength }
        && code.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    public void Call(int windowId, int staffId, DateTimeOffset at)
    {
        Require(State == TicketState.Waiting, QueueingErrors.NotWaiting, at);
        if (windowId <= 0 || staffId <= 0) throw new DomainException(QueueingErrors.InvalidWindowOrStaff);
        if (TargetWindowId is { } target && target != windowId)
            throw new DomainException(QueueingErrors.ReservedForOtherWindow);
        State = TicketState.Called;
        WindowId = windowId;
        StaffId = staffId;
        RecallCount = 0;
        FirstCalledAt ??= at;
        CalledAt = at;
        LastCalledAt = at;
        Touch(at);
    }

    /// <summary>Calls again (重呼); once <paramref name="maxRecalls"/> recalls were made, the next one marks a no-show.</summary>
    public RecallOutcome Recall(DateTimeOffset at, int maxRecalls = DefaultMaxRecalls)
    {
        Require(State == TicketState.Called, QueueingErrors.NotCalled, at);
        if (maxRecalls < 0) throw new DomainException(QueueingErrors.InvalidMaxRecalls);
        if (RecallCount >= maxRecalls)
        {
            MarkNoShow(at);
            return RecallOutcome.MarkedNoShow;
        }
        RecallCount++;
        LastCalledAt = at;
        Touch(at);
        return RecallOutcome.Recalled;
    }

    public void StartService(DateTimeOffset at)
    {
        Require(State == TicketState.Called, QueueingErrors.NotCalled, at);
        State = TicketState.Serving;
        ServiceStartedAt = at;
        Touch(at);
    }

    public void Complete(DateTimeOffset at)
    {
        Require(State == TicketState.Serving, QueueingErrors.NotServing, at);
        State = TicketState.Completed;
        CompletedAt = at;
        Touch(at);
    }

    public void MarkNoShow(DateTimeOffset at)
    {
        Require(State == TicketState.Called, QueueingErrors.NotCalled, at);
        State = TicketState.NoShow;
        NoShowAt = at;
        Touch(at);
    }

    public bool CanReinstate(DateTimeOffset at, TimeSpan? window = null) =>
        State == TicketState.NoShow && at >= NoShowAt && at - NoShowAt <= (window ?? DefaultReinstateWindow);

    /// <summary>
    /// Puts a no-show back in line behind the next <see cref="ReinstatedBehind"/> tickets waiting
    /// in its queue, if within <paramref name="window"/> (default 30 minutes) of the no-show.
    /// </summary>
    public void Reinstate(DateTimeOffset at, IEnumerable<Ticket> waitingInQueue, TimeSpan? window = null)
    {
        Require(State == TicketState.NoShow, QueueingErrors.NotNoShow, at);
        if (!CanReinstate(at, window)) throw new DomainException(QueueingErrors.ReinstateWindowPassed);
        SortTime = QueuePosition.RejoinSortTime(this, waitingInQueue, at, ReinstatedBehind);
        State = TicketState.Waiting;
        ReinstatedAt = at;
        ClearCall();
        Touch(at);
    }

    /// <summary>挂起: the applicant fetches materials; only the same window resumes the ticket.</summary>
    public void Park(DateTimeOffset at)
    {
        Require(State is TicketState.Called or TicketState.Serving, QueueingErrors.CannotPark, at);
        State = TicketState.Parked;
        ParkedAt = at;
        Touch(at);
    }

    public void ResumeParked(int windowId, int staffId, DateTimeOffset at)
    {
        Require(State == TicketState.Parked, QueueingErrors.NotParked, at);
        if (windowId != WindowId) throw new DomainException(QueueingErrors.ParkedByOtherWindow);
        if (staffId <= 0) throw new DomainException(QueueingErrors.InvalidWindowOrStaff);
        if (ServiceStartedAt is null) ServiceStartedAt = at;
        else ParkedDuration += at - ParkedAt!.Value;
        State = TicketState.Serving;
        StaffId = staffId;
        ParkedAt = null;
        Touch(at);
    }

    /// <summary>Sends the ticket, keeping its number, to wait in another queue with transferred priority.</summary>
    public void TransferToQueue(int queueId, DateTimeOffset at)
    {
        RequireTransferable(at);
        if (queueId == QueueId && TargetWindowId is null) throw new DomainException(QueueingErrors.TransferToSamePlace);
        Transfer(queueId, null, at);
    }

    /// <summary>Sends the ticket to wait for one named window, which alone may call it (and calls it first).</summary>
    public void TransferToWindow(int windowId, DateTimeOffset at)
    {
        RequireTransferable(at);
        if (windowId <= 0) throw new DomainException(QueueingErrors.InvalidWindowOrStaff);
        if (windowId == WindowId) throw new DomainException(QueueingErrors.TransferToSamePlace);
        Transfer(QueueId, windowId, at);
    }

    /// <summary>
    /// The person at the counter was taken off the window (their account was disabled): the ticket
    /// waits again in its queue at the place it had, for any window; the leg at this window is kept.
    /// </summary>
    public void ReturnToQueue(DateTimeOffset at)
    {
        RequireTransferable(at);
        _transfers.Add(new TicketTransfer(QueueId, WindowId!.Value, StaffId!.Value, CalledAt!.Value,
            ServiceStartedAt, QueueId, null, at));
        TargetWindowId = null;
        State = TicketState.Waiting;
        ClearCall();
        Touch(at);
    }

    public void Cancel(TicketCancelReason reason, DateTimeOffset at)
    {
        Require(State is TicketState.Waiting or TicketState.Called or TicketState.Parked, QueueingErrors.CannotCancel, at);
        State = TicketState.Cancelled;
        CancelReason = reason;
        CancelledAt = at;
        Touch(at);
    }

    /// <summary>
    /// Closes what is left at the end of the day: waiting, called and parked tickets are cancelled,
    /// a ticket still being served is completed and flagged. Returns false when there was nothing to close.
    /// </summary>
    public bool EndOfDay(DateTimeOffset at)
    {
        if (!IsOpen) return false;
        if (State == TicketState.Serving)
        {
            Complete(at);
            ClosedAtEndOfDay = true;
        }
        else
        {
            Cancel(TicketCancelReason.EndOfDay, at);
        }
        return true;
    }

    private void RequireTransferable(DateTimeOffset at) =>
        Require(State is TicketState.Called or TicketState.Serving, QueueingErrors.CannotTransfer, at);

    private void Transfer(int queueId, int? windowId, DateTimeOffset at)
    {
        _transfers.Add(new TicketTransfer(QueueId, WindowId!.Value, StaffId!.Value, CalledAt!.Value,
            ServiceStartedAt, queueId, windowId, at));
        QueueId = queueId;
        TargetWindowId = windowId;
        // A green-channel or appointment ticket keeps its higher class.
        if (Priority.Rank() > PriorityClass.Transferred.Rank()) Priority = PriorityClass.Transferred;
        State = TicketState.Waiting;
        SortTime = at;
        TransferredAt = at;
        ClearCall();
        Touch(at);
    }

    private void ClearCall()
    {
        WindowId = null;
        StaffId = null;
        RecallCount = 0;
        CalledAt = null;
        LastCalledAt = null;
        ServiceStartedAt = null;
        ParkedAt = null;
        ParkedDuration = TimeSpan.Zero;
    }

    private void Require(bool allowed, string error, DateTimeOffset at)
    {
        if (!allowed) throw new DomainException(error);
        if (at < LastChangedAt) throw new DomainException(QueueingErrors.TimeWentBackwards);
    }

    private void Touch(DateTimeOffset at) => LastChangedAt = at;
}

/// <summary>One leg of a ticket before a transfer: who called and served it, and where it went.</summary>
public class TicketTransfer
{
    private TicketTransfer() { }

    internal TicketTransfer(int fromQueueId, int fromWindowId, int fromStaffId, DateTimeOffset calledAt,
        DateTimeOffset? serviceStartedAt, int toQueueId, int? toWindowId, DateTimeOffset transferredAt)
    {
        FromQueueId = fromQueueId;
        FromWindowId = fromWindowId;
        FromStaffId = fromStaffId;
        CalledAt = calledAt;
        ServiceStartedAt = serviceStartedAt;
        ToQueueId = toQueueId;
        ToWindowId = toWindowId;
        TransferredAt = transferredAt;
    }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public int FromQueueId { get; private set; }
    public int FromWindowId { get; private set; }
    public int FromStaffId { get; private set; }
    public DateTimeOffset CalledAt { get; private set; }
    public DateTimeOffset? ServiceStartedAt { get; private set; }
    public int ToQueueId { get; private set; }
    public int? ToWindowId { get; private set; }
    public DateTimeOffset TransferredAt { get; private set; }
}
