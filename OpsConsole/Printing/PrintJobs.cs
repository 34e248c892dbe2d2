using System.Collections.Concurrent;

namespace OpsConsole.Printing;

public enum PrintJobState { Running, Done, Failed, Cancelled }

/// <summary>One batch PDF being made in the background for one user.</summary>
public sealed class PrintJob
{
    internal PrintJob(string owner, string fileName, DateTimeOffset startedAt)
    {
        Owner = owner;
        FileName = fileName;
        StartedAt = startedAt;
    }

    public string Id { get; } = Guid.NewGuid().ToString("N");
    public string Owner { get; }
    public string FileName { get; }
    public DateTimeOffset StartedAt { get; }
    public PrintJobState State { get; internal set; }
    /// <summary>Parts written so far, and in all; when Done == Total the PDF is being printed.</summary>
    public PrintProgress Progress { get; internal set; }
    /// <summary>A Chinese message (localization key) when the job failed.</summary>
    public string? Error { get; internal set; }
    internal string? PdfPath { get; set; }
    internal CancellationTokenSource Cancellation { get; } = new();

    /// <summary>Raised (on a pool thread) when progress or state changes.</summary>
    public event Action? Changed;

    internal void Raise() => Changed?.Invoke();

    public void Cancel() => Cancellation.Cancel();
}

/// <summary>
/// Batch PDFs made in the background with progress and cancellation; the finished PDF waits in a
/// temporary file for its owner's download (one hour at most).
/// </summary>
public sealed class PrintJobs(IServiceProvider services, TimeProvider time, ILogger<PrintJobs> log) : IDisposable
{
    public static readonly TimeSpan Keep = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, PrintJob> jobs = new();

    /// <summary>Starts <paramref name="work"/> (it returns the PDF's path) in a scope of its own.</summary>
    public PrintJob Start(string owner, string fileName, Func<IServiceProvider, IProgress<PrintProgress>, CancellationToken, Task<string>> work)
    {
        Sweep();
        var job = new PrintJob(owner, fileName, time.GetUtcNow());
        jobs[job.Id] = job;
        var progress = new Progress(job);
        _ = Task.Run(async () =>
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                job.PdfPath = await work(scope.ServiceProvider, progress, job.Cancellation.Token);
                job.State = job.Cancellation.IsCancellationRequested ? PrintJobState.Cancelled : PrintJobState.Done;
            }
            catch (OperationCanceledException)
            {
                job.State = PrintJobState.Cancelled;
            }
            catch (PrintUnavailableException ex)
            {
                job.Error = ex.Message;
                job.State = PrintJobState.Failed;
            }
            catch (Exception ex)
            {
                log.LogError(ex, "Print job {Job} ({File}) failed", job.Id, job.FileName);
                job.Error = PrintUnavailableException.Crashed;
                job.State = PrintJobState.Failed;
            }
            if (job.State == PrintJobState.Cancelled) DeleteFile(job);
            job.Raise();
        });
        return job;
    }

    /// <summary>The job if it is <paramref name="owner"/>'s.</summary>
    public PrintJob? Find(string id, string owner) =>
        jobs.TryGetValue(id, out var job) && string.Equals(job.Owner, owner, StringComparison.Ordinal) ? job : null;

    /// <summary>The finished PDF's path, or null.</summary>
    public static string? PdfOf(PrintJob job) => job.State == PrintJobState.Done && job.PdfPath is { } p && File.Exists(p) ? p : null;

    private void Sweep()
    {
        var cutoff = time.GetUtcNow() - Keep;
        foreach (var (id, job) in jobs)
        {
            if (job.State != PrintJobState.Running && job.StartedAt < cutoff && jobs.TryRemove(id, out _)) DeleteFile(job);
        }
    }

    private static void DeleteFile(PrintJob job)
    {
        if (job.PdfPath is { } p) File.Delete(p);
    }

    public void Dispose()
    {
        foreach (var job in jobs.Values)
        {
            job.Cancel();
            DeleteFile(job);
        }
    }

    private sealed class Progress(PrintJob job) : IProgress<PrintProgress>
    {
        public void Report(PrintProgress value)
        {
            job.Progress = value;
            job.Raise();
        }
    }
}
