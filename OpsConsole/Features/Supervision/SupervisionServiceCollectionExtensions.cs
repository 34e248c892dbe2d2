using OpsConsole.Auth;
using OpsConsole.Features.Satisfaction;

namespace OpsConsole.Features.Supervision;

public static class SupervisionServiceCollectionExtensions
{
    /// <summary>Complaints, inspections, commendations, rectifications and their evidence files.</summary>
    public static IServiceCollection AddSupervisionFeatures(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>().BindConfiguration(EvidenceOptions.Section);
        services.AddScoped<EvidenceStore>();
        services.AddScoped<SupervisionActors>();
        services.AddScoped<RectificationDesk>();
        services.AddScoped<ComplaintDesk>();
        services.AddScoped<InspectionDesk>();
        services.AddScoped<CommendationDesk>();
        return services;
    }

    public const string EvidenceRoute = "/evidence/{id:long}";

    public static string EvidenceUrl(long id) => $"evidence/{id}";

    /// <summary>
    /// GET /evidence/{id}: the file with its sniffed type only, nosniff, a sandboxing CSP, and never as a
    /// page: PDFs download as attachments, images show as images. Who may read it: see <see cref="EvidenceStore.ReadAsync"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapSupervisionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(EvidenceRoute, async (long id, HttpContext http, EvidenceStore store, Microsoft.EntityFrameworkCore.IDbContextFactory<Data.OpsDbContext> dbFactory) =>
        {
            var actor = await SupervisionActor.OfAsync(http.User, dbFactory, http.RequestAborted);
            var file = await store.ReadAsync(id, actor, http.RequestAborted);
            if (file is null) return Results.NotFound();
            http.Response.Headers.XContentTypeOptions = "nosniff";
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
            http.Response.Headers.CacheControl = "private, no-store";
            var name = Path.GetFileNameWithoutExtension(file.FileName) + Domain.Supervision.EvidenceKinds.Extension(file.Kind);
            var asAttachment = !Domain.Supervision.EvidenceKinds.IsImage(file.Kind) || http.Request.Query.ContainsKey("download");
            return Results.File(file.Content, Domain.Supervision.EvidenceKinds.ContentType(file.Kind), asAttachment ? name : null);
        }).RequireAuthorization(Policies.Staff);
        return app;
    }
}
