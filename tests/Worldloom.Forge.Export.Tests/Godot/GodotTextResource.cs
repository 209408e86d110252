using System.Text;

namespace Worldloom.Forge.Export.Tests.Godot;

/// <summary>
/// A small reader for Godot 4's text formats (.tscn, .tres, project.godot): <c>[tag key=value ...]</c> section headers
/// and <c>key = value</c> property lines, values kept as written (strings still quoted) and read with the helpers below.
/// Values may span lines inside strings or brackets; <c>;</c> starts a comment line. Properties before the first
/// header belong to a section with an empty tag.
/// </summary>
internal sealed class GodotTextResource
{
    private GodotTextResource(IReadOnlyList<GodotSection> sections) => Sections = sections;

    public IReadOnlyList<GodotSection> Sections { get; }

    public IEnumerable<GodotSection> All(string tag) => Sections.Where(s => s.Tag == tag);

    /// <summary>The <c>node</c> section named <paramref name="name"/> under <paramref name="parent"/> (null: the root).</summary>
    public GodotSection Node(string name, string? parent = null) =>
        Assert.Single(All("node"), n => n.Attribute("name") == name && n.Attributes.GetValueOrDefault("parent") is var p
            && (p is null ? parent is null : Unquote(p) == parent));

    public static GodotTextResource Parse(string text)
    {
        var sections = new List<GodotSection>();
        var current = new GodotSection("", new Dictionary<string, string>(StringComparer.Ordinal));
        var at = 0;
        while (at < text.Length)
        {
            var c = text[at];
            if (c is '\n' or '\r' or ' ' or '\t')
            {
                at++;
            }
            else if (c == ';')
            {
                at = LineEnd(text, at);
            }
            else if (c == '[')
            {
                if (current.Tag.Length > 0 || current.Properties.Count > 0)
                {
                    sections.Add(current);
                }

                current = ParseHeader(text, ref at);
            }
            else
            {
                var eq = text.IndexOf('=', at);
                Assert.True(eq > at, $"expected key = value at offset {at}");
                var key = text[at..eq].Trim();
                at = eq + 1;
                var value = ReadValue(text, ref at, stopAtSpace: false);
                current.Properties.Add(new(key, value));
            }
        }

        sections.Add(current);
        return new GodotTextResource(sections);
    }

    /// <summary>The text of a quoted Godot string, escapes resolved.</summary>
    public static string Unquote(string value)
    {
        Assert.True(value.Length >= 2 && value[0] == '"' && value[^1] == '"', $"not a string: {value}");
        var text = new StringBuilder();
        for (var i = 1; i < value.Length - 1; i++)
        {
            if (value[i] != '\\')
            {
                text.Append(value[i]);
                continue;
            }

            i++;
            text.Append(value[i] switch
            {
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => value[i],
            });
        }

        return text.ToString();
    }

    /// <summary>The arguments of a constructor value, <c>Name(a, b)</c>, split at top-level commas.</summary>
    public static IReadOnlyList<string> Arguments(string value, string constructor)
    {
        Assert.StartsWith(constructor + "(", value, StringComparison.Ordinal);
        Assert.EndsWith(")", value, StringComparison.Ordinal);
        var inner = value[(constructor.Length + 1)..^1];
        var arguments = new List<string>();
        var at = 0;
        while (at < inner.Length)
        {
            arguments.Add(ReadValue(inner, ref at, stopAtSpace: false, stopAtComma: true));
            if (at < inner.Length && inner[at] == ',')
            {
                at++;
            }
        }

        return arguments;
    }

    private static GodotSection ParseHeader(string text, ref int at)
    {
        at++; // '['
        var tagEnd = at;
        while (text[tagEnd] is not (' ' or ']'))
        {
            tagEnd++;
        }

        var tag = text[at..tagEnd];
        at = tagEnd;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (true)
        {
            while (text[at] == ' ')
            {
                at++;
            }

            if (text[at] == ']')
            {
                at++;
                return new GodotSection(tag, attributes);
            }

            var eq = text.IndexOf('=', at);
            var key = text[at..eq];
            at = eq + 1;
            Assert.True(attributes.TryAdd(key, ReadValue(text, ref at, stopAtSpace: true)), $"attribute {key} repeated in [{tag}]");
        }
    }

    // A value up to the end of its line (or a space / ']' in headers, a ',' in arguments), skipping over strings and
    // brackets, which may hold any of those.
    private static string ReadValue(string text, ref int at, bool stopAtSpace, bool stopAtComma = false)
    {
        while (at < text.Length && text[at] == ' ')
        {
            at++;
        }

        var start = at;
        var depth = 0;
        while (at < text.Length)
        {
            var c = text[at];
            if (c == '"')
            {
                at++;
                while (text[at] != '"')
                {
                    at += text[at] == '\\' ? 2 : 1;
                }
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or '}' || (c == ']' && depth > 0))
            {
                depth--;
            }
            else if (depth == 0 && (c is '\n' or '\r' || (stopAtSpace && c is ' ' or ']') || (stopAtComma && c == ',')))
            {
                break;
            }

            at++;
        }

        return text[start..at].Trim();
    }

    private static int LineEnd(string text, int at)
    {
        var end = text.IndexOf('\n', at);
        return end < 0 ? text.Length : end;
    }
}

/// <summary>One <c>[tag ...]</c> section and the properties under it, in order.</summary>
internal sealed record GodotSection(string Tag, Dictionary<string, string> Attributes)
{
    public List<KeyValuePair<string, string>> Properties { get; } = [];

    /// <summary>A header attribute as text (unquoted when it is a string).</summary>
    public string Attribute(string key)
    {
        Assert.True(Attributes.TryGetValue(key, out var value), $"[{Tag}] has no {key}");
        return value!.StartsWith('"') ? GodotTextResource.Unquote(value) : value;
    }

    /// <summary>A property's value as written.</summary>
    public string Property(string key)
    {
        var found = Properties.Where(p => p.Key == key).ToList();
        Assert.True(found.Count == 1, $"[{Tag} {string.Join(' ', Attributes.Select(a => $"{a.Key}={a.Value}"))}] has {found.Count} properties {key}");
        return found[0].Value;
    }

    public bool Has(string key) => Properties.Any(p => p.Key == key);
}
