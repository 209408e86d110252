namespace Worldloom.Realms.Core.Rules;

/// <summary>A rules data file that cannot be used; <see cref="Path"/> names the offending JSON value.</summary>
public sealed class RealmRulesException : FormatException
{
    /// <summary>A rules error at <paramref name="path"/>.</summary>
    public RealmRulesException(string path, string message)
        : base($"{path}: {message}")
    {
        Path = path;
    }

    /// <summary>The JSON path of the bad value (<c>$.skills[1].cooldownMs</c>).</summary>
    public string Path { get; }
}
