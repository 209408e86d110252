using System.Globalization;
using System.Text;

namespace Worldloom.Forge.Export.Engines.Defold;

/// <summary>
/// Defold's files are protobuf text format. Strings are written ASCII-only: quotes, backslashes and control characters
/// escaped, anything beyond ASCII as octal escapes of its UTF-8 bytes, as protoc's own printer does, so any protobuf
/// text parser reads them back exactly.
/// </summary>
internal static class DefoldText
{
    public static string Quote(string text)
    {
        var quoted = new StringBuilder(text.Length + 2).Append('"');
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            switch (b)
            {
                case (byte)'"':
                    quoted.Append("\\\"");
                    break;
                case (byte)'\\':
                    quoted.Append("\\\\");
                    break;
                case (byte)'\n':
                    quoted.Append("\\n");
                    break;
                case < 0x20 or >= 0x7F:
                    quoted.Append('\\').Append(Convert.ToString(b, 8).PadLeft(3, '0'));
                    break;
                default:
                    quoted.Append((char)b);
                    break;
            }
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>A whole number as a protobuf float literal (<c>24.0</c>).</summary>
    public static string Float(int value) => value.ToString(CultureInfo.InvariantCulture) + ".0";
}
