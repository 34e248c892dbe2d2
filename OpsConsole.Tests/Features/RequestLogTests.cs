using System.Net.Http.Headers;
using OpsConsole.Data;
using OpsConsole.Data.Seeding;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features;

/// <summary>The rolling log file for the center's IT: one line per request, without personal data or secrets.</summary>
public sealed class RequestLogTests
{
    [Fact]
    public async Task RequestsAreLoggedToTheDailyFileByRoutePatternWithoutTokensCodesOrQueryStrings()
    {
        var dir = Directory.CreateTempSubdirectory("opsconsole-logs-").FullName;
        try
        {
            await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
            await using var app = new OpsApp(db)
            {
                Settings = new Dictionary<string, string> { ["Logs:Directory"] = dir, ["Logging:LogLevel:Serilog.AspNetCore"] = "Information" },
            };
            var client = HttpSignIn.NewClient(app);
            await client.GetAsync($"/device/activate?token={DemoDevices.KioskToken}");
            await client.GetAsync("/t/Zq8secretCODE");
            await client.GetAsync("/wait?phone=13800138000");
            var staff = await HttpSignIn.SignedInClientAsync(app, "BJ0001", DemoAccounts.Password);
            await staff.GetAsync("/staff");
            var kiosk = HttpSignIn.NewClient(app);
            kiosk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DemoDevices.KioskToken);
            await kiosk.GetAsync("/api/kiosk/queues");

            string log = "";
            await Wait.UntilAsync(() =>
            {
                log = string.Concat(Directory.GetFiles(dir, "opsconsole-*.log").Select(ReadShared));
                return log.Contains("/api/kiosk/queues responded 200");
            }, () => "the kiosk request in the log file:\n" + log, timeoutSeconds: 30);

            Assert.Contains("HTTP GET /device/activate responded 302", log);
            Assert.Contains("HTTP GET /t/{Code} responded", log);
            Assert.Contains("HTTP GET /wait responded 200", log);
            foreach (var secret in new[] { DemoDevices.KioskToken, "Zq8secretCODE", "13800138000", "phone=", "BJ0001" })
                Assert.DoesNotContain(secret, log);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return new StreamReader(stream).ReadToEnd();
    }
}
