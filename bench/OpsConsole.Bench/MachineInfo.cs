namespace OpsConsole.Bench;

/// <summary>What the figures were measured on: they mean little without it.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = Read("/proc/cpuinfo", "model name") ?? "unknown CPU";
        var memKb = Read("/proc/meminfo", "MemTotal")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        var ram = long.TryParse(memKb, out var kb) ? $"{kb / 1024.0 / 1024.0:0.0} GiB RAM" : "RAM unknown";
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
        return $"{Environment.ProcessorCount} cores (nproc), {cpu}, {ram}, .NET {Environment.Version}, "
            + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}; load average {load} when the run ended";
    }

    private static string? Read(string file, string key)
    {
        if (!File.Exists(file)) return null;
        return File.ReadLines(file).Where(l => l.StartsWith(key)).Select(l => l[(l.IndexOf(':') + 1)..].Trim()).FirstOrDefault();
    }
}
