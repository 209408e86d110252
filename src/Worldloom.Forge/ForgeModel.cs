using Microsoft.EntityFrameworkCore;
using Worldloom.Forge.Batches;
using Worldloom.Forge.Exports;
using Worldloom.Forge.Worlds;

namespace Worldloom.Forge;

/// <summary>Forge's tables; the provider-specific database contexts call <see cref="Configure"/>.</summary>
public static class ForgeModel
{
    /// <summary>Adds worlds, world snapshots, batches, batch items and exports to the model.</summary>
    public static void Configure(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<WorldRecord>(e =>
        {
            e.ToTable("worlds");
            e.HasKey(w => w.Id);
            e.Property(w => w.Name).HasMaxLength(WorldRules.MaxNameLength);
            e.Property(w => w.Seed).HasMaxLength(Core.World.ForgeSeed.MaxLength * 4);
            e.Property(w => w.ParametersJson).HasMaxLength(2000);
            e.Property(w => w.Rules).HasMaxLength(WorldRules.MaxRulesLength);
            e.Property(w => w.Status).HasMaxLength(16);
            e.Property(w => w.Hash).HasMaxLength(64);
            e.Property(w => w.Error).HasMaxLength(2000);
            e.HasIndex(w => new { w.ProjectId, w.CreatedAt });
        });
        modelBuilder.Entity<WorldSnapshot>(e =>
        {
            e.ToTable("world_snapshots");
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.WorldId, s.Number }).IsUnique();
            e.Property(s => s.Kind).HasMaxLength(16);
            e.Property(s => s.Message).HasMaxLength(WorldRules.MaxMessageLength);
            e.Property(s => s.Hash).HasMaxLength(64);
            e.HasIndex(s => s.Hash);
        });
        modelBuilder.Entity<WorldBatch>(e =>
        {
            e.ToTable("world_batches");
            e.HasKey(b => b.Id);
            e.Property(b => b.ParametersJson).HasMaxLength(2000);
            e.HasIndex(b => new { b.ProjectId, b.CreatedAt });
        });
        modelBuilder.Entity<WorldBatchItem>(e =>
        {
            e.ToTable("world_batch_items");
            e.HasKey(i => new { i.BatchId, i.Index });
            e.Property(i => i.Seed).HasMaxLength(Core.World.ForgeSeed.MaxLength * 4);
            e.Property(i => i.Hash).HasMaxLength(64);
            e.Property(i => i.ThumbnailSha).HasMaxLength(64);
            e.Property(i => i.BiomesJson).HasMaxLength(2000);
        });
        modelBuilder.Entity<WorldExportRecord>(e =>
        {
            e.ToTable("world_exports");
            e.HasKey(x => x.Id);
            e.Property(x => x.WorldHash).HasMaxLength(64);
            e.Property(x => x.Engines).HasMaxLength(100);
            e.Property(x => x.Status).HasMaxLength(16);
            e.Property(x => x.EnginesJson).HasMaxLength(2000);
            e.Property(x => x.BundleSha256).HasMaxLength(64);
            e.Property(x => x.KeyId).HasMaxLength(64);
            e.Property(x => x.Error).HasMaxLength(2000);
            e.HasIndex(x => new { x.WorldId, x.CreatedAt });
            e.HasIndex(x => new { x.WorldHash, x.Engines });
        });
    }
}
