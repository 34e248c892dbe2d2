namespace OpsConsole.Components.Pages.Counter;

/// <summary>Where the transfer dialog sends the ticket (a queue or a named window) and the note that goes with it.</summary>
public sealed record TransferRequest(int? QueueId, int? WindowId, string? Note);
