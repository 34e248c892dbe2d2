namespace OpsConsole.Data.Auditing;

/// <summary>Who is acting in the current scope (a user, a device, or the system), for the audit log.</summary>
public interface ICurrentActor
{
    ValueTask<string> GetNameAsync();
}
