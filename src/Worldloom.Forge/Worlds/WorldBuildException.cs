namespace Worldloom.Forge.Worlds;

/// <summary>A world cannot be built from its inputs: a script error or overrides that do not fit. The message names the field.</summary>
public sealed class WorldBuildException : Exception
{
    /// <summary>A failure naming <paramref name="field"/>.</summary>
    public WorldBuildException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
        Reason = message;
    }

    /// <summary>For serializers; prefer the constructor with a field.</summary>
    public WorldBuildException()
    {
        Field = "world";
        Reason = "";
    }

    /// <summary>For serializers; prefer the constructor with a field.</summary>
    public WorldBuildException(string message)
        : this("world", message)
    {
    }

    /// <summary>For serializers; prefer the constructor with a field.</summary>
    public WorldBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "world";
        Reason = message;
    }

    /// <summary>The request field at fault, e.g. <c>rules</c> or <c>overrides[2].settlementId</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
