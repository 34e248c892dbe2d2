using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OpsConsole.Tests.Infrastructure;

/// <summary>Signs in through the real login form (antiforgery token included) with an HttpClient.</summary>
public static partial class HttpSignIn
{
    public static HttpClient NewClient(OpsApp app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password, string? returnUrl = null)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page);
        Assert.True(token.Success, "the login form carries an antiforgery token");
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(returnUrl is null ? "/account/login" : "/account/login?ReturnUrl=" + returnUrl, form);
    }

    /// <summary>Posts one of a static page's forms (by its FormName) the way a browser would, token included.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formName, IReadOnlyDictionary<string, string> fields)
    {
        var page = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync());
        Assert.True(token.Success, $"{url} carries an antiforgery token");
        var values = new Dictionary<string, string>(fields)
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            ["_handler"] = formName,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(values));
    }

    public static async Task<HttpClient> SignedInClientAsync(OpsApp app, string userName, string password)
    {
        var client = NewClient(app);
        var response = await PostLoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
