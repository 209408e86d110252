using System.Globalization;

namespace Worldloom.Forge.Export.Engines.Unreal;

/// <summary>One cell of a DataTable row, written as CSV text or as a typed JSON value.</summary>
internal readonly record struct TableValue(TableValue.Kinds Kind, string Text, IReadOnlyList<string>? Items = null)
{
    /// <summary>What a cell holds, which decides how JSON writes it.</summary>
    public enum Kinds
    {
        /// <summary>An FString / FName.</summary>
        Text,

        /// <summary>An integer or exact decimal, written unquoted.</summary>
        Number,

        /// <summary>A bool.</summary>
        Boolean,

        /// <summary>A TArray&lt;FString&gt;.</summary>
        List,
    }

    public static TableValue Of(string text) => new(Kinds.Text, text);

    public static TableValue Of(long number) => new(Kinds.Number, number.ToString(CultureInfo.InvariantCulture));

    public static TableValue Of(bool value) => new(Kinds.Boolean, value ? "True" : "False");

    public static TableValue Of(IReadOnlyList<string> items) => new(Kinds.List, "", items);

    /// <summary>A number already written as exact decimal text.</summary>
    public static TableValue Decimal(string text) => new(Kinds.Number, text);
}
