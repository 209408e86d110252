using Worldloom.Realms.Zones;

namespace Worldloom.Realms.Realms;

/// <summary>A realm as the API shows it; <see cref="Zones"/> only on the single-realm read.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Display name.</param>
/// <param name="Preset">world or test-area.</param>
/// <param name="Visibility">public or private.</param>
/// <param name="Mine">Whether the caller owns it (a list holds the caller's realms and the public ones).</param>
/// <param name="WorldId">The Forge world.</param>
/// <param name="WorldHash">The world snapshot it runs on.</param>
/// <param name="ProjectId">The world's project.</param>
/// <param name="OwnerId">Its owner.</param>
/// <param name="Columns">Zone columns.</param>
/// <param name="Rows">Zone rows.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="Zones">Every zone with its exits and how many characters are in it.</param>
public sealed record RealmView(
    Guid Id, string Name, string Preset, string Visibility, bool Mine, Guid WorldId, string WorldHash, Guid? ProjectId, Guid OwnerId, int Columns, int Rows,
    DateTimeOffset CreatedAt, IReadOnlyList<ZoneView>? Zones)
{
    /// <summary>The view of <paramref name="realm"/> for the user <paramref name="viewer"/>.</summary>
    public static RealmView From(Realm realm, Guid viewer, IReadOnlyList<ZoneView>? zones = null)
    {
        ArgumentNullException.ThrowIfNull(realm);
        return new RealmView(
            realm.Id, realm.Name, realm.Preset, realm.Visibility, realm.OwnerId == viewer, realm.WorldId, realm.WorldHash, realm.ProjectId, realm.OwnerId,
            realm.Columns, realm.Rows, realm.CreatedAt, zones);
    }
}
