using Microsoft.EntityFrameworkCore;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Audit;
using Worldloom.Platform.Projects;
using Worldloom.Platform.Quotas;

namespace Worldloom.Platform.Data;

/// <summary>
/// The one database model. Provider-specific subclasses in the composition root carry the migrations
/// (one set for SQLite, one for PostgreSQL) and add the other modules' entity configurations.
/// </summary>
public abstract class LoomDb(DbContextOptions options) : DbContext(options)
{
    /// <summary>Accounts.</summary>
    public DbSet<User> Users => Set<User>();

    /// <summary>Refresh tokens, hashed.</summary>
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();

    /// <summary>Login attempts for brute-force protection.</summary>
    public DbSet<LoginAttempt> LoginAttempts => Set<LoginAttempt>();

    /// <summary>Weekly generation counters.</summary>
    public DbSet<QuotaUsage> QuotaUsage => Set<QuotaUsage>();

    /// <summary>The audit chain.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Projects.</summary>
    public DbSet<Project> Projects => Set<Project>();

    /// <summary>Persisted grain state (Orleans grain storage).</summary>
    public DbSet<Grains.GrainStateRecord> GrainStates => Set<Grains.GrainStateRecord>();

    /// <summary>Durable job records.</summary>
    public DbSet<Jobs.Job> Jobs => Set<Jobs.Job>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Unix milliseconds: SQLite cannot compare or order DateTimeOffset, and one representation keeps audit hashes
        // identical on both providers.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMillisConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToUnixMillisConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<User>(e =>
        {
            e.ToTable("users");
            e.HasKey(u => u.Id);
            e.Property(u => u.Email).HasMaxLength(254);
            e.HasIndex(u => u.Email).IsUnique();
            e.Property(u => u.DisplayName).HasMaxLength(100);
            e.Property(u => u.PasswordHash).HasMaxLength(200);
            e.Property(u => u.Role).HasMaxLength(20);
            e.Property(u => u.Tier).HasMaxLength(20);
        });
        modelBuilder.Entity<RefreshToken>(e =>
        {
            e.ToTable("refresh_tokens");
            e.HasKey(t => t.Id);
            e.Property(t => t.TokenHash).HasMaxLength(64);
            e.HasIndex(t => t.TokenHash).IsUnique();
            e.HasIndex(t => t.FamilyId);
        });
        modelBuilder.Entity<LoginAttempt>(e =>
        {
            e.ToTable("login_attempts");
            e.HasKey(a => a.Id);
            e.Property(a => a.Email).HasMaxLength(254);
            e.Property(a => a.Ip).HasMaxLength(64);
            e.HasIndex(a => new { a.Email, a.At });
            e.HasIndex(a => new { a.Ip, a.At });
        });
        modelBuilder.Entity<QuotaUsage>(e =>
        {
            e.ToTable("quota_usage");
            e.HasKey(q => new { q.UserId, q.Week });
            e.Property(q => q.UserId).HasColumnName("user_id");
            e.Property(q => q.Week).HasColumnName("week").HasMaxLength(10);
            e.Property(q => q.Used).HasColumnName("used");
        });
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Seq);
            e.Property(a => a.Seq).ValueGeneratedNever();
            e.Property(a => a.Actor).HasMaxLength(254);
            e.Property(a => a.Ip).HasMaxLength(64);
            e.Property(a => a.Action).HasMaxLength(64);
            e.Property(a => a.Target).HasMaxLength(200);
            e.Property(a => a.PrevHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.Property(a => a.KeyId).HasMaxLength(64);
            e.Property(a => a.Signature).HasMaxLength(100);
        });
        modelBuilder.Entity<Grains.GrainStateRecord>(e =>
        {
            e.ToTable("grain_state");
            e.HasKey(g => new { g.StateName, g.GrainId });
            e.Property(g => g.StateName).HasMaxLength(100);
            e.Property(g => g.GrainId).HasMaxLength(400);
            e.Property(g => g.ETag).HasMaxLength(32);
        });
        modelBuilder.Entity<Jobs.Job>(e =>
        {
            e.ToTable("jobs");
            e.HasKey(j => j.Id);
            e.Property(j => j.Kind).HasMaxLength(64);
            e.Property(j => j.Status).HasMaxLength(16);
            e.Property(j => j.Stage).HasMaxLength(200);
            e.Property(j => j.Error).HasMaxLength(2000);
            e.Property(j => j.LeaseOwner).HasMaxLength(200);
            e.HasIndex(j => new { j.OwnerId, j.CreatedAt });
            e.HasIndex(j => new { j.Status, j.NextAttemptAt });
        });
        modelBuilder.Entity<Project>(e =>
        {
            e.ToTable("projects");
            e.HasKey(p => p.Id);
            e.Property(p => p.Name).HasMaxLength(ProjectRules.MaxNameLength);
            e.Property(p => p.Description).HasMaxLength(ProjectRules.MaxDescriptionLength);
            e.HasIndex(p => new { p.OwnerId, p.DeletedAt });
        });
    }
}
