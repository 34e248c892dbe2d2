using OpsConsole.Domain.Common;

namespace OpsConsole.Domain.Queueing;

/// <summary>One stretch of opening time in a day, e.g. 09:00–12:00; a queue has one or more.</summary>
public sealed record OpeningPeriod
{
    public OpeningPeriod(TimeOnly opens, TimeOnly closes)
    {
        if (closes <= opens) throw new DomainException(QueueingErrors.InvalidOpeningHours);
        Opens = opens;
        Closes = closes;
    }

    public TimeOnly Opens { get; private init; }
    public TimeOnly Closes { get; private init; }

    public bool Contains(TimeOnly time) => time >= Opens && time < Closes;
}
