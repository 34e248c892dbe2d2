using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace OpsConsole.Auth;

/// <summary>The "Auth:SignIn" section: how sign-in guessing is slowed down.</summary>
public sealed class SignInThrottleOptions
{
    public const string Section = "Auth:SignIn";

    /// <summary>Failed sign-ins allowed from one client address within <see cref="AddressWindow"/>; then it waits.</summary>
    public int FailuresPerAddress { get; set; } = 20;
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(10);
    /// <summary>How long a browser where the account signed in is trusted to sign in despite a lock-out.</summary>
    public TimeSpan TrustedBrowserLifetime { get; set; } = TimeSpan.FromDays(90);
}

public enum SignInOutcome
{
    SignedIn,
    /// <summary>Wrong name or password; says nothing about whether the account exists.</summary>
    Failed,
    /// <summary>Too many failures for this name (existing or not) from browsers the account never used.</summary>
    LockedOut,
    /// <summary>Too many failures from this client address.</summary>
    AddressThrottled,
    /// <summary>The password was right and the account is disabled (said only then).</summary>
    Disabled,
    /// <summary>The password was right; the code from the authenticator app comes next (ADR 0031).</summary>
    SecondFactorRequired,
    /// <summary>The password was right, and the account's roles need a second factor it has not set up yet.</summary>
    EnrolmentRequired,
    /// <summary>The password was right but chosen by an admin: the person sets their own first.</summary>
    PasswordChangeRequired,
}

/// <summary>
/// Staff sign-in with guessing slowed down three ways (ADR 0022): a limit of failures per client
/// address; Identity's lock-out per account, applied to names that do not exist as well so that the
/// answer never tells whether an account exists, is disabled or locked before its password is
/// right; and trusted browsers (OWASP "device cookies"): a browser where the account signed in
/// before keeps signing in while strangers have locked the account, so nobody can lock an admin
/// out by guessing. A trusted browser that guesses wrong five times loses its trust.
/// </summary>
public sealed class StaffSignIn(
    SignInManager<AppUser> signIn, SignInAudit audit, SignInThrottle throttle, TrustedBrowsers trusted, IOptions<IdentityOptions> identity,
    Features.Accounts.AccountSecurity security)
{
    /// <summary>The claim of the half-signed-in cookie that says which step is next.</summary>
    public const string StageClaim = "ops:2fa-stage";
    public const string StageVerify = "verify";
    public const string StageEnrol = "enrol";
    public const string StagePassword = "password";

    public async Task<SignInOutcome> SignInAsync(HttpContext http, string userName, string password)
    {
        var users = signIn.UserManager;
        var address = http.Connection.RemoteIpAddress;
        if (throttle.IsAddressThrottled(address))
        {
            await audit.RecordAsync("SignInThrottled", userName, "");
            return SignInOutcome.AddressThrottled;
        }

        var user = await users.FindByNameAsync(userName);
        if (user is null)
        {
            // The same work and the same answers as for an account: a hash check, and a lock-out after as many failures.
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash.Value, password);
            throttle.AddressFailed(address);
            var lockedOut = throttle.UnknownNameFailed(userName, identity.Value.Lockout);
            await audit.RecordAsync(lockedOut ? "SignInLockedOut" : "SignInFailed", userName, "");
            return lockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }

        var trust = trusted.Find(http, user);
        if (trust is null && await users.IsLockedOutAsync(user))
        {
            throttle.AddressFailed(address);
            await audit.RecordAsync("SignInLockedOut", userName, "");
            return SignInOutcome.LockedOut;
        }

        if (!await users.CheckPasswordAsync(user, password))
        {
            throttle.AddressFailed(address);
            if (trust is not null)
            {
                if (throttle.TrustedBrowserFailed(trust, identity.Value.Lockout.MaxFailedAccessAttempts)) trusted.Forget(http, user);
                await audit.RecordAsync("SignInFailed", userName, "{\"trustedBrowser\":true}");
                return SignInOutcome.Failed;
            }
            await users.AccessFailedAsync(user);
            var lockedOut = await users.IsLockedOutAsync(user);
            await audit.RecordAsync(lockedOut ? "SignInLockedOut" : "SignInFailed", userName, "");
            return lockedOut ? SignInOutcome.LockedOut : SignInOutcome.Failed;
        }

        if (user.IsDisabled)
        {
            await audit.RecordAsync("SignInRefused", userName, "{\"reason\":\"disabled\"}");
            return SignInOutcome.Disabled;
        }

        if (trust is not null) throttle.TrustedBrowserSucceeded(trust);
        if (user.MustChangePassword)
        {
            await HalfSignInAsync(http, user, StagePassword);
            await audit.RecordAsync("SignInPasswordChangeRequired", userName, "");
            return SignInOutcome.PasswordChangeRequired;
        }
        return await NextStepAsync(http, user);
    }

    /// <summary>
    /// After a right password (and, if it was needed, a new one): the second factor's code, its enrolment,
    /// or the sign-in itself. With a second factor the failure count is reset only when the code is right
    /// too: otherwise someone holding the password could try codes without end, four between two passwords.
    /// </summary>
    public async Task<SignInOutcome> NextStepAsync(HttpContext http, AppUser user)
    {
        var users = signIn.UserManager;
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            await HalfSignInAsync(http, user, StageVerify);
            await audit.RecordAsync("SignInSecondFactorRequired", user.UserName!, "");
            return SignInOutcome.SecondFactorRequired;
        }
        if (await security.IsRequiredAsync(user))
        {
            await HalfSignInAsync(http, user, StageEnrol);
            await audit.RecordAsync("SignInEnrolmentRequired", user.UserName!, "");
            return SignInOutcome.EnrolmentRequired;
        }

        await users.ResetAccessFailedCountAsync(user);
        await http.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInAsync(user, isPersistent: false);
        var wasTrusted = trusted.Find(http, user) is not null;
        trusted.Remember(http, user);
        await audit.RecordAsync("SignIn", user.UserName!, wasTrusted ? "{\"trustedBrowser\":true}" : "");
        return SignInOutcome.SignedIn;
    }

    /// <summary>Where the browser goes for the step an outcome asks for; null when signed in (go to the return URL).</summary>
    public static string? NextPage(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.SecondFactorRequired => "/account/login/two-factor",
        SignInOutcome.EnrolmentRequired => "/account/two-factor",
        SignInOutcome.PasswordChangeRequired => "/account/password",
        _ => null,
    };

    /// <summary>
    /// Completes a sign-in whose second step was done elsewhere (a code, a recovery code, enrolment):
    /// remembers the browser and records it. Identity's two-factor sign-in has set the cookie.
    /// </summary>
    public async Task CompletedAsync(HttpContext http, AppUser user, string how)
    {
        trusted.Remember(http, user);
        await audit.RecordAsync("SignIn", user.UserName!, $"{{\"secondFactor\":\"{how}\"}}");
    }

    /// <summary>
    /// Who an account page is for: the signed-in person, or the one half signed in at <paramref name="stage"/>
    /// (SigningIn); nobody when neither, or when the account is disabled.
    /// </summary>
    public async Task<(AppUser? User, bool SigningIn)> AccountForAsync(HttpContext http, string stage)
    {
        var users = signIn.UserManager;
        if (Roles.All.Any(http.User.IsInRole))
        {
            var user = await users.GetUserAsync(http.User);
            return (user is { IsDisabled: false } ? user : null, false);
        }
        if (await HalfSignedInAsync(http) is { } half && half.Stage == stage)
        {
            var user = await users.FindByIdAsync(half.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return (user is { IsDisabled: false } ? user : null, true);
        }
        return (null, false);
    }

    /// <summary>The account whose password was right in this browser in the last few minutes, and the step it is at.</summary>
    public static async Task<(int UserId, string Stage)?> HalfSignedInAsync(HttpContext http)
    {
        var result = await http.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var id = result.Principal?.FindFirstValue(ClaimTypes.Name);
        var stage = result.Principal?.FindFirstValue(StageClaim);
        return int.TryParse(id, out var userId) && stage is not null ? (userId, stage) : null;
    }

    // Identity's own form of the cookie (SignInManager reads the account id from ClaimTypes.Name), plus our stage.
    private static Task HalfSignInAsync(HttpContext http, AppUser user, string stage)
    {
        var identity = new ClaimsIdentity(IdentityConstants.TwoFactorUserIdScheme);
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(StageClaim, stage));
        return http.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, new ClaimsPrincipal(identity));
    }

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));
}

/// <summary>In-memory failure counts of one node (per client address, per unknown name, per trusted browser).</summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    private readonly ConcurrentDictionary<string, Window> _addresses = new();
    private readonly ConcurrentDictionary<string, Window> _unknownNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _trustedFailures = new();

    public bool IsAddressThrottled(IPAddress? address) =>
        _addresses.TryGetValue(Key(address), out var w) && w.Count(clock.GetUtcNow(), options.Value.AddressWindow) >= options.Value.FailuresPerAddress;

    public void AddressFailed(IPAddress? address)
    {
        Prune();
        _addresses.GetOrAdd(Key(address), _ => new Window()).Add(clock.GetUtcNow(), options.Value.AddressWindow);
    }

    /// <summary>Counts a failure for a name that has no account; true once it would be locked out like an account.</summary>
    public bool UnknownNameFailed(string userName, LockoutOptions lockout)
    {
        var now = clock.GetUtcNow();
        var w = _unknownNames.GetOrAdd(userName.ToUpperInvariant(), _ => new Window());
        w.Add(now, lockout.DefaultLockoutTimeSpan);
        return w.Count(now, lockout.DefaultLockoutTimeSpan) >= lockout.MaxFailedAccessAttempts;
    }

    /// <summary>True when the browser has now failed too often and must lose its trust.</summary>
    public bool TrustedBrowserFailed(TrustedBrowsers.Entry trust, int max) =>
        _trustedFailures.AddOrUpdate(trust.Nonce, 1, (_, n) => n + 1) >= max;

    public void TrustedBrowserSucceeded(TrustedBrowsers.Entry trust) => _trustedFailures.TryRemove(trust.Nonce, out _);

    private static string Key(IPAddress? address) => address?.ToString() ?? "unknown";

    private void Prune()
    {
        if (_addresses.Count < 10_000 && _unknownNames.Count < 10_000) return;
        var now = clock.GetUtcNow();
        foreach (var (k, w) in _addresses) if (w.Count(now, options.Value.AddressWindow) == 0) _addresses.TryRemove(k, out _);
        foreach (var (k, w) in _unknownNames) if (w.Count(now, TimeSpan.FromHours(1)) == 0) _unknownNames.TryRemove(k, out _);
    }

    private sealed class Window
    {
        private readonly Queue<DateTimeOffset> _times = new();

        public void Add(DateTimeOffset now, TimeSpan span)
        {
            lock (_times)
            {
                Trim(now, span);
                _times.Enqueue(now);
            }
        }

        public int Count(DateTimeOffset now, TimeSpan span)
        {
            lock (_times)
            {
                Trim(now, span);
                return _times.Count;
            }
        }

        private void Trim(DateTimeOffset now, TimeSpan span)
        {
            while (_times.Count > 0 && now - _times.Peek() >= span) _times.Dequeue();
        }
    }
}

/// <summary>
/// The browsers where an account signed in (one protected cookie, up to eight accounts per browser,
/// e.g. a shared counter PC). An entry holds the account, a digest of its security stamp (a password
/// reset, disable or "sign out everywhere" ends the trust) and when it expires.
/// </summary>
public sealed class TrustedBrowsers(IDataProtectionProvider protection, TimeProvider clock, IOptions<SignInThrottleOptions> options)
{
    public const string CookieName = "OpsConsole.Trusted";
    private const int MaxEntries = 8;
    private readonly IDataProtector _protector = protection.CreateProtector("OpsConsole.TrustedBrowsers.v1");

    public sealed record Entry(int UserId, string Stamp, string Nonce, DateTimeOffset Expires);

    public Entry? Find(HttpContext http, AppUser user) =>
        Read(http).FirstOrDefault(e => e.UserId == user.Id && e.Stamp == StampDigest(user));

    public void Remember(HttpContext http, AppUser user)
    {
        var entry = new Entry(user.Id, StampDigest(user), Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
            clock.GetUtcNow() + options.Value.TrustedBrowserLifetime);
        Write(http, [entry, .. Read(http).Where(e => e.UserId != user.Id).Take(MaxEntries - 1)]);
    }

    public void Forget(HttpContext http, AppUser user) => Write(http, Read(http).Where(e => e.UserId != user.Id).ToList());

    private List<Entry> Read(HttpContext http)
    {
        if (!http.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value)) return [];
        try
        {
            var entries = JsonSerializer.Deserialize<List<Entry>>(_protector.Unprotect(value)) ?? [];
            var now = clock.GetUtcNow();
            return entries.Where(e => e.Expires > now).ToList();
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return [];
        }
    }

    private void Write(HttpContext http, List<Entry> entries)
    {
        if (entries.Count == 0)
        {
            http.Response.Cookies.Delete(CookieName);
            return;
        }
        http.Response.Cookies.Append(CookieName, _protector.Protect(JsonSerializer.Serialize(entries)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            Expires = entries.Max(e => e.Expires),
        });
    }

    private static string StampDigest(AppUser user) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.SecurityStamp ?? "")))[..16];
}
