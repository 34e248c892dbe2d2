using System.Net;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Data;
using OpsConsole.Domain.Awards;
using OpsConsole.Features.Awards;
using OpsConsole.Tests.Infrastructure;

namespace OpsConsole.Tests.Features.Awards;

/// <summary>
/// The public vote from the hall's QR code (ADR 0037): no sign-in, one vote per phone (its signed cookie) and period,
/// a phone without the cookie is refused, a forged cookie is a new phone, votes per address are limited.
/// </summary>
public sealed class PublicVoteTests
{
    private const string Url = "/vote/red-flag-quarter";

    [Fact]
    public async Task APhoneVotesOnceAndItsSecondVoteIsRefused()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        var phone = HttpSignIn.NewClient(app);
        var windows = await WindowsAsync(app);

        var page = await phone.GetAsync(Url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("2026年第四季度“红旗窗口”", html);
        Assert.Contains("data-testid=\"vote-choice\"", html);

        var first = await HttpSignIn.PostFormAsync(phone, Url, "public-vote", new Dictionary<string, string> { ["Choice"] = $"{windows[0]}" });
        Assert.Contains("data-testid=\"vote-done\"", await first.Content.ReadAsStringAsync());
        var second = await phone.GetStringAsync(Url);
        Assert.Contains("data-testid=\"vote-already\"", second);
        Assert.DoesNotContain("data-testid=\"vote-form\"", second);

        await using var ctx = app.CreateDbContext();
        var ballot = await ctx.AwardBallots.SingleAsync();
        Assert.Equal((BallotChannel.Public, windows[0], "2026-Q4"), (ballot.Channel, ballot.SubjectId, ballot.PeriodKey));
        Assert.Equal(64, ballot.Voter.Length); // the cookie's id is stored hashed, never as sent
    }

    [Fact]
    public async Task AVoteWithAForgedCookieIsNotCounted()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        var windows = await WindowsAsync(app);
        // A client that keeps no cookies: it sends back only what we put in the header.
        var bare = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var page = await bare.GetAsync(Url);
        var html = await page.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var setCookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(setCookies, c => c.StartsWith(PublicVoter.CookieName + "=") && c.Contains("httponly"));
        var cookies = setCookies.Select(c => c.Split(';')[0]).ToList();

        var request = new HttpRequestMessage(HttpMethod.Post, Url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["_handler"] = "public-vote", ["Choice"] = $"{windows[0]}",
            }),
        };
        // The antiforgery cookie kept, the voting cookie edited: not a phone we know.
        request.Headers.Add("Cookie", string.Join("; ", cookies.Where(c => !c.StartsWith(PublicVoter.CookieName + "=")).Append(PublicVoter.CookieName + "=forged")));
        var response = await bare.SendAsync(request);

        Assert.Contains("data-testid=\"vote-error\"", await response.Content.ReadAsStringAsync());
        await using var ctx = app.CreateDbContext();
        Assert.Equal(0, await ctx.AwardBallots.CountAsync());
    }

    [Fact]
    public async Task ManyPhonesBehindOneAddressAreLimited()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db) { Settings = new Dictionary<string, string> { ["Awards:PublicVotesPerAddress"] = "2" } };
        var windows = await WindowsAsync(app);

        var answers = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var phone = HttpSignIn.NewClient(app);
            var response = await HttpSignIn.PostFormAsync(phone, Url, "public-vote", new Dictionary<string, string> { ["Choice"] = $"{windows[i]}" });
            answers.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Contains("data-testid=\"vote-done\"", answers[0]);
        Assert.Contains("data-testid=\"vote-done\"", answers[1]);
        Assert.Contains("投票过于频繁", answers[2]);
        await using var ctx = app.CreateDbContext();
        Assert.Equal(2, await ctx.AwardBallots.CountAsync());
    }

    [Fact]
    public async Task AnUnknownPollSaysSo()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var app = new OpsApp(db);
        var html = await HttpSignIn.NewClient(app).GetStringAsync("/vote/no-such-award");
        Assert.Contains("未找到该投票", html);
    }

    private static async Task<int[]> WindowsAsync(OpsApp app)
    {
        _ = app.Server;
        await using var ctx = app.CreateDbContext();
        return await ctx.Windows.Where(w => w.DepartmentId != null && w.Active).OrderBy(w => w.Number).Select(w => w.Id).Take(3).ToArrayAsync();
    }
}
