using System.Globalization;
using System.Text;

namespace Worldloom.Forge.Export.Engines.Godot;

/// <summary>Values as Godot 4's text resource format (.tscn, .tres, project.godot) writes them.</summary>
internal static class GodotText
{
    /// <summary>A quoted string, with the escapes Godot's variant parser reads back.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    builder.Append(@"\\");
                    break;
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\n':
                    builder.Append(@"\n");
                    break;
                case '\r':
                    builder.Append(@"\r");
                    break;
                case '\t':
                    builder.Append(@"\t");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A node name from <paramref name="id"/>: characters Godot refuses in names (<c>. : @ / " %</c>) and anything but
    /// letters, digits, '_' and '-' become '_'.
    /// </summary>
    public static string NodeName(string id) =>
        string.Create(id.Length, id, (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-' ? text[i] : '_';
            }
        });

    /// <summary>An integer.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A boolean.</summary>
    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A <c>Vector2i</c>.</summary>
    public static string Vector2I(int x, int y) => $"Vector2i({Int(x)}, {Int(y)})";

    /// <summary>A <c>Vector2</c> of whole numbers.</summary>
    public static string Vector2(int x, int y) => $"Vector2({Int(x)}, {Int(y)})";
}
