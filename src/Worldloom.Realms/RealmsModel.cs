using Microsoft.EntityFrameworkCore;
using Worldloom.Realms.Characters;
using Worldloom.Realms.Realms;
using Worldloom.Realms.Zones;

namespace Worldloom.Realms;

/// <summary>Realms' tables; the provider-specific database contexts call <see cref="Configure"/>.</summary>
public static class RealmsModel
{
    /// <summary>Adds realms, characters, zone checkpoints and zone transfers to the model.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<Realm>(e =>
        {
            e.ToTable("realms");
            e.HasKey(r => r.Id);
            e.Property(r => r.Name).HasMaxLength(RealmLimits.MaxRealmNameLength);
            e.Property(r => r.WorldHash).HasMaxLength(64);
            e.Property(r => r.Preset).HasMaxLength(16);
            e.Property(r => r.Visibility).HasMaxLength(16).HasDefaultValue(RealmVisibility.Private);
            e.HasIndex(r => new { r.OwnerId, r.CreatedAt });
            // Every user's realm list reads the public ones.
            e.HasIndex(r => new { r.Visibility, r.CreatedAt });
            e.HasIndex(r => r.WorldId);
        });
        modelBuilder.Entity<RealmCharacter>(e =>
        {
            e.ToTable("realm_characters");
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(RealmLimits.MaxCharacterNameLength);
            e.Property(c => c.ClassId).HasMaxLength(RealmLimits.MaxClassIdLength);
            e.Property(c => c.Version).IsConcurrencyToken();
            // Names are shown over heads: two characters of one realm never share one.
            e.HasIndex(c => new { c.RealmId, c.Name }).IsUnique();
            e.HasIndex(c => new { c.RealmId, c.OwnerId });
        });
        modelBuilder.Entity<ZoneCheckpoint>(e =>
        {
            e.ToTable("realm_zone_checkpoints");
            e.HasKey(c => new { c.RealmId, c.ZoneX, c.ZoneY });
        });
        modelBuilder.Entity<ZoneTransfer>(e =>
        {
            e.ToTable("realm_zone_transfers");
            e.HasKey(t => t.Id);
            e.Property(t => t.Status).HasMaxLength(16);
            e.HasIndex(t => new { t.CharacterId, t.Status });
            e.HasIndex(t => new { t.RealmId, t.ToX, t.ToY, t.Status });
        });
    }
}
