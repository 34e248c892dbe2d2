using OpsConsole.Bench;

// dotnet run -c Release --project bench/OpsConsole.Bench -- [attendance|assessment [month] [runs]|queue|monitor [queues]|circuits|pageload|public|print|cases|soak [minutes circuits displays calls/s]|all]
var command = args.FirstOrDefault() ?? "all";
switch (command)
{
    case "attendance":
        await AttendanceBench.RunAsync();
        return 0;
    case "assessment":
        // assessment [month] [runs]: "month" leaves out the workbooks (for a profiler).
        var monthOnly = args.Length > 1 && args[1] == "month";
        await AssessmentBench.RunAsync(monthOnly, args.Length > (monthOnly ? 2 : 1) ? (int)Arg(monthOnly ? 2 : 1, 5) : 5);
        return 0;
    case "queue":
        await QueueTable();
        return 0;
    case "soak":
        // soak [minutes] [staff circuits] [display connections] [calls per second]
        Print(await SoakBench.RunAsync(TimeSpan.FromMinutes(Arg(1, 30)), (int)Arg(2, 400), (int)Arg(3, 50), Arg(4, 1)));
        return 0;
    case "circuits":
        Print(await CircuitBench.RunAsync((int)Arg(1, 40)));
        return 0;
    case "public":
        Print(await PublicPageBench.RunAsync());
        return 0;
    case "pageload":
        Print(await PageLoadBench.RunAsync());
        return 0;
    case "cases":
        Print(await CaseBench.RunAsync());
        return 0;
    case "monitor":
        Print(await MonitorBench.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : MonitorBench.DefaultQueues));
        return 0;
    case "print":
        Print(await PrintBench.RunAsync());
        return 0;
    case "all":
        await QueueTable();
        Print(await MonitorBench.RunAsync());
        Print(await CircuitBench.RunAsync());
        await AttendanceBench.RunAsync();
        return 0;
    default:
        Console.Error.WriteLine("usage: OpsConsole.Bench [attendance|assessment|queue|cases|monitor [queues]|circuits|pageload|public|print|soak [minutes circuits displays calls/s]|all]");
        return 2;
}

double Arg(int index, double fallback) =>
    args.Length > index ? double.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;

static async Task QueueTable()
{
    var rows = await QueueBench.RunAsync("Sqlite");
    if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("OPSCONSOLE_BENCH_PG"))) rows.AddRange(await QueueBench.RunAsync("Postgres"));
    else Console.Error.WriteLine("PostgreSQL skipped: set OPSCONSOLE_BENCH_PG (bench/README.md).");
    Print(rows);
}

static void Print(IEnumerable<QueueBench.Row> rows)
{
    Console.WriteLine();
    Console.WriteLine($"Machine: {MachineInfo.Describe()}");
    Console.WriteLine();
    Console.WriteLine("| provider | what | size | result | target |");
    Console.WriteLine("|---|---|---|---|---|");
    foreach (var r in rows) Console.WriteLine($"| {r.Provider} | {r.What} | {r.Size} | {r.Result} | {r.Target} |");
}
