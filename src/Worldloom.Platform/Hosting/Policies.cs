namespace Worldloom.Platform.Hosting;

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Role admin.</summary>
    public const string Admin = "admin";

    /// <summary>Role moderator or admin.</summary>
    public const string Moderator = "moderator";

    /// <summary>Loopback callers or admins: who may read <c>/metrics</c>.</summary>
    public const string Metrics = "metrics";
}
