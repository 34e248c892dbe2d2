namespace OpsConsole.Domain.Common;

/// <summary>A broken invariant of the domain. The message is a stable key the UI localizes.</summary>
public class DomainException(string message) : Exception(message);
