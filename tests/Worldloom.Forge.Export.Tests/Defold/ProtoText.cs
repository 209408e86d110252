using System.Text;

namespace Worldloom.Forge.Export.Tests.Defold;

/// <summary>
/// A protobuf text-format message read back: fields in file order, each a scalar (string literals decoded and joined,
/// other tokens as written) or a nested message. Enough of the format for Defold's files, read with no schema.
/// </summary>
internal sealed class ProtoText
{
    private readonly List<(string Name, object Value)> _fields = [];

    public IReadOnlyList<(string Name, object Value)> Fields => _fields;

    /// <summary>The scalar field <paramref name="name"/>, which must occur exactly once.</summary>
    public string Scalar(string name) => (string)Assert.Single(_fields, f => f.Name == name).Value;

    /// <summary>The nested message <paramref name="name"/>, which must occur exactly once.</summary>
    public ProtoText Message(string name) => (ProtoText)Assert.Single(_fields, f => f.Name == name).Value;

    /// <summary>Every nested message named <paramref name="name"/>, in order.</summary>
    public IEnumerable<ProtoText> Messages(string name) => _fields.Where(f => f.Name == name).Select(f => (ProtoText)f.Value);

    public static ProtoText Parse(string text)
    {
        var at = 0;
        var message = ParseMessage(text, ref at, nested: false);
        SkipSpace(text, ref at);
        Assert.True(at == text.Length, $"unexpected text at offset {at}");
        return message;
    }

    private static ProtoText ParseMessage(string text, ref int at, bool nested)
    {
        var message = new ProtoText();
        while (true)
        {
            SkipSpace(text, ref at);
            if (at == text.Length || text[at] == '}')
            {
                Assert.True(nested == (at < text.Length), $"unbalanced braces at offset {at}");
                if (nested)
                {
                    at++;
                }

                return message;
            }

            var name = Token(text, ref at);
            SkipSpace(text, ref at);
            if (text[at] == ':')
            {
                at++;
                SkipSpace(text, ref at);
            }

            if (text[at] == '{')
            {
                at++;
                message._fields.Add((name, ParseMessage(text, ref at, nested: true)));
            }
            else if (text[at] == '"')
            {
                var bytes = new List<byte>();
                while (at < text.Length && text[at] == '"')
                {
                    StringLiteral(text, ref at, bytes);
                    SkipSpace(text, ref at);
                }

                message._fields.Add((name, Encoding.UTF8.GetString([.. bytes])));
            }
            else
            {
                message._fields.Add((name, Token(text, ref at)));
            }
        }
    }

    private static string Token(string text, ref int at)
    {
        var start = at;
        while (at < text.Length && (char.IsAsciiLetterOrDigit(text[at]) || text[at] is '_' or '.' or '-' or '+'))
        {
            at++;
        }

        Assert.True(at > start, $"expected a name or value at offset {start}");
        return text[start..at];
    }

    private static void StringLiteral(string text, ref int at, List<byte> bytes)
    {
        at++;
        while (text[at] != '"')
        {
            var c = text[at++];
            if (c != '\\')
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            var escape = text[at++];
            switch (escape)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case '"' or '\'' or '\\': bytes.Add((byte)escape); break;
                case >= '0' and <= '7':
                    var value = escape - '0';
                    for (var i = 0; i < 2 && text[at] is >= '0' and <= '7'; i++)
                    {
                        value = (value * 8) + (text[at++] - '0');
                    }

                    bytes.Add((byte)value);
                    break;
                default:
                    Assert.Fail($"unknown escape \\{escape} at offset {at - 1}");
                    break;
            }
        }

        at++;
    }

    private static void SkipSpace(string text, ref int at)
    {
        while (at < text.Length && (char.IsWhiteSpace(text[at]) || text[at] == '#'))
        {
            if (text[at] == '#')
            {
                while (at < text.Length && text[at] != '\n')
                {
                    at++;
                }
            }
            else
            {
                at++;
            }
        }
    }
}
