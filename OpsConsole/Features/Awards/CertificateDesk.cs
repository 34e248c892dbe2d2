using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpsConsole.Data;
using OpsConsole.Domain.Awards;
using OpsConsole.Domain.Common;
using OpsConsole.Features.Common;
using OpsConsole.Printing;

namespace OpsConsole.Features.Awards;

/// <summary>What a manager fills in to issue one certificate.</summary>
public sealed class CertificateRequest
{
    public AwardKind Kind { get; set; }
    public string HolderName { get; set; } = "";
    /// <summary>The period as printed, e.g. the fourth quarter of 2026 (the title is built from it and the kind).</summary>
    public string Period { get; set; } = "";
    /// <summary>The year whose series numbers the certificate; 0: the year of the issue date.</summary>
    public int Year { get; set; }
}

/// <summary>What the public verification page may show: nothing personal beyond the holder's name.</summary>
public sealed record CertificateCheck(string Number, string HolderName, string Title, string Period, string Issuer, DateOnly IssuedOn, bool Revoked);

/// <summary>Issues, lists and revokes honor certificates and answers the public verification.</summary>
public sealed class CertificateDesk(IDbContextFactory<OpsDbContext> dbFactory, IOptions<PrintOptions> options, CenterClock clock, TimeProvider time)
{
    /// <summary>
    /// Attempts when another issue took the same number at the same moment. Every round of a clash has one
    /// winner, so N managers issuing at once need at most N attempts.
    /// </summary>
    public const int MaxAttempts = 30;
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string TitleOf(AwardKind kind, string period) => $"{period}“{AwardKinds.Title(kind)}”";

    /// <summary>Issues a certificate with the next number of its kind and year (never one given before).</summary>
    public async Task<(OpResult Result, HonorCertificate? Certificate)> IssueAsync(CertificateRequest request, string by, CancellationToken ct = default)
    {
        var format = options.Value.CertificateNumberFormat;
        if (!CertificateNumber.IsValidFormat(format)) return (OpResult.Fail("证书编号格式配置不正确（须包含年份、类别和序号），请联系管理员。"), null);
        var today = clock.Today;
        var year = request.Year > 0 ? request.Year : today.Year;
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var last = await db.HonorCertificates.Where(c => c.Kind == request.Kind && c.Year == year).MaxAsync(c => (int?)c.Sequence, ct) ?? 0;
            HonorCertificate certificate;
            try
            {
                certificate = new HonorCertificate(request.Kind, year, last + 1, CertificateNumber.Format(format, request.Kind, year, last + 1),
                    NewCode(), request.HolderName, TitleOf(request.Kind, (request.Period ?? "").Trim()), request.Period ?? "",
                    options.Value.CertificateIssuer, today, by);
            }
            catch (DomainException ex)
            {
                return (OpResult.Fail(ex.Message), null);
            }
            db.HonorCertificates.Add(certificate);
            try
            {
                await db.SaveChangesAsync(ct);
                return (OpResult.Ok, certificate);
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Someone else took this number (or, once in a blue moon, this code): read the series again,
                // after a short random pause so that the losers of a clash do not collide again in step.
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt + 2)), ct);
            }
            catch (DbUpdateException)
            {
                return (OpResult.Fail("证书编号冲突，请稍后重试。"), null);
            }
        }
    }

    public async Task<OpResult> RevokeAsync(int id, string reason, string by, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var certificate = await db.HonorCertificates.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (certificate is null) return OpResult.Fail("该记录已被删除，请刷新后重试。");
        try
        {
            certificate.Revoke(reason, by, time.GetUtcNow());
        }
        catch (DomainException ex)
        {
            return OpResult.Fail(ex.Message);
        }
        await db.SaveChangesAsync(ct);
        return OpResult.Ok;
    }

    public async Task<IReadOnlyList<HonorCertificate>> ListAsync(int year, AwardKind? kind = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.HonorCertificates.AsNoTracking().Where(c => c.Year == year);
        if (kind is { } k) query = query.Where(c => c.Kind == k);
        return await query.OrderBy(c => c.Kind).ThenBy(c => c.Sequence).ToListAsync(ct);
    }

    public async Task<HonorCertificate?> FindAsync(int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.HonorCertificates.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>The public answer for a verification code; null when no certificate has it.</summary>
    public async Task<CertificateCheck?> CheckAsync(string code, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > HonorCertificate.CodeLength) return null;
        var normalized = code.Trim().ToUpperInvariant();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.HonorCertificates.AsNoTracking().Where(c => c.VerifyCode == normalized)
            .Select(c => new CertificateCheck(c.Number, c.HolderName, c.Title, c.Period, c.Issuer, c.IssuedOn, c.RevokedAt != null))
            .FirstOrDefaultAsync(ct);
    }

    private static string NewCode() => new(RandomNumberGenerator.GetItems<char>(CodeAlphabet, HonorCertificate.CodeLength));
}
