namespace OpsConsole.Data;

/// <summary>
/// Start-up cannot go on with this database (unreachable, newer than the app, half-upgraded). The message says
/// what to do; printed as it is, without a stack trace, since it is for the operator and not a bug.
/// </summary>
public sealed class DatabaseStartupException(string message, Exception? inner = null) : Exception(message, inner)
{
    public override string ToString() => Message;
}
