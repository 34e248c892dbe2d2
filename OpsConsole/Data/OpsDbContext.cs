using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpsConsole.Auth;
using OpsConsole.Data.Auditing;
using OpsConsole.Domain.Assessment;
using OpsConsole.Domain.Attendance;
using OpsConsole.Domain.Catalog;
using OpsConsole.Domain.People;
using OpsConsole.Domain.Queueing;

namespace OpsConsole.Data;

/// <summary>
/// The one EF Core model. Each provider has a thin subclass so that its own EF migrations
/// (Data/Migrations/{Sqlite,Postgres,SqlServer}) are found by context type (ADR 0016).
/// </summary>
public abstract class OpsDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, AppRole, int, IdentityUserClaim<int>, AppUserRole, IdentityUserLogin<int>, IdentityRoleClaim<int>, IdentityUserToken<int>>(options)
{
    public DbSet<Center> Centers => Set<Center>();
    public DbSet<Floor> Floors => Set<Floor>();
    public DbSet<Zone> Zones => Set<Zone>();
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<Window> Windows => Set<Window>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<Punch> Punches => Set<Punch>();
    public DbSet<RawPunch> RawPunches => Set<RawPunch>();
    public DbSet<PunchImport> PunchImports => Set<PunchImport>();
    public DbSet<WorkSchedule> WorkSchedules => Set<WorkSchedule>();
    public DbSet<CalendarEntry> CalendarEntries => Set<CalendarEntry>();
    public DbSet<AttendanceRuleSet> AttendanceRuleSets => Set<AttendanceRuleSet>();
    public DbSet<LeaveRecord> LeaveRecords => Set<LeaveRecord>();
    public DbSet<OfficialAbsenceRecord> OfficialAbsences => Set<OfficialAbsenceRecord>();
    public DbSet<MakeUpPunchRequest> MakeUpPunchRequests => Set<MakeUpPunchRequest>();
    public DbSet<Posting> Postings => Set<Posting>();
    public DbSet<PostingImport> PostingImports => Set<PostingImport>();
    public DbSet<AssessmentSchemeVersion> AssessmentSchemes => Set<AssessmentSchemeVersion>();
    public DbSet<AssessmentMonth> AssessmentMonths => Set<AssessmentMonth>();
    public DbSet<AssessmentAppeal> AssessmentAppeals => Set<AssessmentAppeal>();
    public DbSet<AssessmentScoreRecord> AssessmentScores => Set<AssessmentScoreRecord>();
    public DbSet<ManualAssessmentItem> ManualAssessmentItems => Set<ManualAssessmentItem>();
    public DbSet<Domain.Awards.HonorCertificate> HonorCertificates => Set<Domain.Awards.HonorCertificate>();
    public DbSet<Domain.Awards.AwardRound> AwardRounds => Set<Domain.Awards.AwardRound>();
    public DbSet<Domain.Awards.Award> Awards => Set<Domain.Awards.Award>();
    public DbSet<Domain.Awards.AwardBallot> AwardBallots => Set<Domain.Awards.AwardBallot>();
    public DbSet<Domain.Awards.AwardRuleVersion> AwardRuleVersions => Set<Domain.Awards.AwardRuleVersion>();

    private Dictionary<object, string>? _changedBy;

    /// <summary>
    /// Names who changed <paramref name="entity"/> when one context saves for several callers (group
    /// commit); the audit log takes this name instead of the context's actor. The first name given stays.
    /// </summary>
    public void ChangedBy(object entity, string actor) => (_changedBy ??= new(ReferenceEqualityComparer.Instance)).TryAdd(entity, actor);

    internal string? ActorOf(object entity) => _changedBy?.GetValueOrDefault(entity);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Identity's stock model first (Users, roles, claims, logins, tokens: ADR 0017); ours may then refine it.
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OpsDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in SQL and safe against reordering.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<QueuePrefix>().HaveConversion<QueuePrefixConverter>().HaveMaxLength(QueuePrefix.MaxLength);
    }
}

public sealed class SqliteOpsDbContext(DbContextOptions<SqliteOpsDbContext> options) : OpsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no date-time-with-offset type; stored as sortable integers so that
        // ORDER BY and range filters run in SQL. All our times are UTC.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksDateTimeOffsetConverter>();
    }
}

public sealed class PostgresOpsDbContext(DbContextOptions<PostgresOpsDbContext> options) : OpsDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // DateTime is the center's wall clock (punch times), never an instant: no time zone in the column.
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone");
    }
}

/// <summary>
/// SQL Server takes the model as it is: DateTimeOffset maps to datetimeoffset, DateTime (wall clock) to datetime2.
/// No SQL Server engine runs here, so this provider is checked by its model and migrations only (ADR 0016).
/// </summary>
public sealed class SqlServerOpsDbContext(DbContextOptions<SqlServerOpsDbContext> options) : OpsDbContext(options);
