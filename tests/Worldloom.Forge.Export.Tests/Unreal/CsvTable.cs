using System.Text;

namespace Worldloom.Forge.Export.Tests.Unreal;

/// <summary>An RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks.</summary>
internal static class CsvTable
{
    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var at = 0;
        var quotedField = false;
        while (at < text.Length)
        {
            var c = text[at];
            if (c == '"' && field.Length == 0 && !quotedField)
            {
                quotedField = true;
                at++;
                while (true)
                {
                    Assert.True(at < text.Length, "unterminated quoted field");
                    if (text[at] == '"')
                    {
                        if (at + 1 < text.Length && text[at + 1] == '"')
                        {
                            field.Append('"');
                            at += 2;
                            continue;
                        }

                        at++;
                        break;
                    }

                    field.Append(text[at++]);
                }

                Assert.True(at == text.Length || text[at] is ',' or '\n' or '\r', $"text after a closing quote at {at}");
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
                quotedField = false;
                at++;
            }
            else if (c is '\n' or '\r')
            {
                row.Add(field.ToString());
                field.Clear();
                quotedField = false;
                rows.Add([.. row]);
                row.Clear();
                at += c == '\r' && at + 1 < text.Length && text[at + 1] == '\n' ? 2 : 1;
            }
            else
            {
                Assert.False(quotedField, $"text after a closing quote at {at}");
                field.Append(c);
                at++;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
