namespace Worldloom.Stories.Core.Text;

/// <summary>
/// The snake_case names an enum's values have in JSON and in the rules language. The table is given in enum order
/// (index = value), so a new value is appended with its name and old documents keep reading.
/// </summary>
/// <typeparam name="T">An enum whose values run 0, 1, 2, ... without gaps.</typeparam>
public sealed class WireNames<T>
    where T : struct, Enum
{
    private readonly string[] _names;

    /// <summary>A table of <paramref name="names"/> in enum order.</summary>
    public WireNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Length != Enum.GetValues<T>().Length)
        {
            throw new ArgumentException($"{typeof(T).Name} has {Enum.GetValues<T>().Length} values but {names.Length} names.", nameof(names));
        }

        _names = names;
    }

    /// <summary>Every name, in enum order.</summary>
    public IReadOnlyList<string> All => _names;

    /// <summary>The wire name of <paramref name="value"/>.</summary>
    public string ToName(T value)
    {
        var index = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return (uint)index < (uint)_names.Length
            ? _names[index]
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Unknown {typeof(T).Name}.");
    }

    /// <summary>Parses a wire name (exact, case-sensitive).</summary>
    public bool TryParse(string? name, out T value)
    {
        var index = Array.IndexOf(_names, name);
        value = index < 0 ? default : (T)Enum.ToObject(typeof(T), index);
        return index >= 0;
    }

    /// <summary>"a, b or c": the names for an error message.</summary>
    public string Describe() => Phrases.OneOf(_names);
}
