using OpsConsole.Bench;

// dotnet run -c Release --project bench/OpsConsole.Bench -- attendance
var command = args.FirstOrDefault() ?? "";
switch (command)
{
    case "attendance":
        await AttendanceBench.RunAsync();
        return 0;
    default:
        Console.Error.WriteLine("usage: OpsConsole.Bench attendance");
        return 2;
}
