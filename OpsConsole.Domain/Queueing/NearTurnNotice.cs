using OpsConsole.Domain.Common;
using OpsConsole.Domain.People;

namespace OpsConsole.Domain.Queueing;

public enum NearTurnState { Pending, Sending, Sent, Failed, Dropped }

/// <summary>
/// An applicant's request to be told when few people are ahead of their ticket (到号提醒). The phone
/// number is kept only for the ticket's service day: <see cref="Purge"/> blanks it afterwards. A send that
/// fails is tried again at most <see cref="MaxAttempts"/> times in all, then given up and logged.
/// </summary>
public class NearTurnNotice
{
    public const int MaxAttempts = 3;
    public const int ErrorMaxLength = 200;

    private NearTurnNotice() { }

    public NearTurnNotice(int ticketId, int queueId, DateOnly serviceDay, MobileNumber phone, int whenAhead, DateTimeOffset at)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ticketId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(queueId);
        if (whenAhead is < 0 or > 50) throw new DomainException(NearTurnErrors.InvalidThreshold);
        TicketId = ticketId;
        QueueId = queueId;
        ServiceDay = serviceDay;
        Phone = phone.Value;
        PhoneMasked = phone.Masked;
        WhenAhead = whenAhead;
        CreatedAt = at;
        State = NearTurnState.Pending;
    }

    public int Id { get; private set; }
    public int TicketId { get; private set; }
    public int QueueId { get; private set; }
    public DateOnly ServiceDay { get; private set; }
    /// <summary>The full number while the day lasts; empty once purged.</summary>
    public string Phone { get; private set; } = "";
    public string PhoneMasked { get; private set; } = "";
    /// <summary>Tell the applicant when this many or fewer people are ahead.</summary>
    public int WhenAhead { get; private set; }
    public NearTurnState State { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? PurgedAt { get; private set; }

    /// <summary>Whether a notice is due now that <paramref name="peopleAhead"/> are ahead of a still-waiting ticket.</summary>
    public bool IsDue(int peopleAhead) => State == NearTurnState.Pending && Phone.Length > 0 && peopleAhead <= WhenAhead;

    /// <summary>Takes the notice for sending (one sender wins: the state is the concurrency token); counts the attempt.</summary>
    public void Claim()
    {
        if (State != NearTurnState.Pending || Phone.Length == 0) throw new DomainException(NearTurnErrors.NotPending);
        State = NearTurnState.Sending;
        Attempts++;
    }

    public void MarkSent(DateTimeOffset at)
    {
        if (State != NearTurnState.Sending) throw new DomainException(NearTurnErrors.NotSending);
        State = NearTurnState.Sent;
        SentAt = at;
        LastError = null;
    }

    /// <summary>A failed send: pending again (tried at the next move of the queue) until <see cref="MaxAttempts"/>, then failed for good.</summary>
    public void MarkFailed(string error)
    {
        if (State != NearTurnState.Sending) throw new DomainException(NearTurnErrors.NotSending);
        LastError = error.Length <= ErrorMaxLength ? error : error[..ErrorMaxLength];
        State = Attempts >= MaxAttempts ? NearTurnState.Failed : NearTurnState.Pending;
    }

    /// <summary>The ticket was called, cancelled or closed before the notice was due: nothing to send.</summary>
    public void Drop()
    {
        if (State == NearTurnState.Pending) State = NearTurnState.Dropped;
    }

    /// <summary>Forgets the phone number (after its day); the masked form stays for the record.</summary>
    public void Purge(DateTimeOffset at)
    {
        if (Phone.Length == 0) return;
        Phone = "";
        PurgedAt = at;
        Drop();
    }
}

public static class NearTurnErrors
{
    public const string InvalidThreshold = "near_turn.invalid_threshold";
    public const string NotPending = "near_turn.not_pending";
    public const string NotSending = "near_turn.not_sending";
}
