using System.Text;
using System.Text.Json;

namespace Worldloom.Forge.Export.Engines.Unreal;

/// <summary>
/// A table for Unreal's DataTable import, written as CSV (a header row, first column <c>Name</c>, the row name) and as
/// JSON (an array of objects, each with its row name under <c>Name</c>), the two forms the DataTable importer reads.
/// </summary>
internal sealed class UnrealDataTable(string name, IReadOnlyList<string> columns)
{
    private readonly List<TableValue[]> _rows = [];

    /// <summary>The file name without extension.</summary>
    public string Name { get; } = name;

    /// <summary>Column names; the first is <c>Name</c>.</summary>
    public IReadOnlyList<string> Columns { get; } = columns;

    /// <summary>The rows so far.</summary>
    public int Count => _rows.Count;

    /// <summary>Adds a row: one value per column, the row name first.</summary>
    public void Add(params TableValue[] row)
    {
        if (row.Length != Columns.Count)
        {
            throw new ArgumentException($"{Name} has {Columns.Count} columns; the row has {row.Length} values.", nameof(row));
        }

        _rows.Add(row);
    }

    /// <summary>
    /// RFC 4180 CSV, which Unreal's CSV parser follows: fields with a comma, quote, line break or outer space are quoted,
    /// quotes inside doubled. Lists are written in Unreal's text form for arrays, <c>("a","b")</c>.
    /// </summary>
    public string Csv()
    {
        var text = new StringBuilder();
        AppendLine(text, Columns);
        var fields = new string[Columns.Count];
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                fields[i] = row[i].Kind == TableValue.Kinds.List
                    ? "(" + string.Join(",", row[i].Items!.Select(item => "\"" + item.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"")) + ")"
                    : row[i].Text;
            }

            AppendLine(text, fields);
        }

        return text.ToString();
    }

    /// <summary>The rows as a JSON array of objects keyed by column name.</summary>
    public void WriteJson(Utf8JsonWriter json)
    {
        json.WriteStartArray();
        foreach (var row in _rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < row.Length; i++)
            {
                json.WritePropertyName(Columns[i]);
                var value = row[i];
                switch (value.Kind)
                {
                    case TableValue.Kinds.Number:
                        json.WriteRawValue(value.Text);
                        break;
                    case TableValue.Kinds.Boolean:
                        json.WriteBooleanValue(value.Text == "True");
                        break;
                    case TableValue.Kinds.List:
                        json.WriteStartArray();
                        foreach (var item in value.Items!)
                        {
                            json.WriteStringValue(item);
                        }

                        json.WriteEndArray();
                        break;
                    default:
                        json.WriteStringValue(value.Text);
                        break;
                }
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void AppendLine(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            AppendField(text, fields[i]);
        }

        text.Append('\n');
    }

    private static void AppendField(StringBuilder text, string field)
    {
        var quote = field.Length > 0 && (field[0] == ' ' || field[^1] == ' ' || field.AsSpan().IndexOfAny(",\"\r\n") >= 0);
        if (!quote)
        {
            text.Append(field);
            return;
        }

        text.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}
