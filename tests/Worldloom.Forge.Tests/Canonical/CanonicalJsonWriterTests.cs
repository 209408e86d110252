using System.Buffers;
using System.Text;
using System.Text.Json;
using Worldloom.Forge.Core.Canonical;

namespace Worldloom.Forge.Tests.Canonical;

public sealed class CanonicalJsonWriterTests
{
    private static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        return Encoding.UTF8.GetString(CanonicalJson.Canonicalize(document.RootElement));
    }

    private static string Write(Action<CanonicalJsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new CanonicalJsonWriter(buffer));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // RFC 8785 §3.2.3: property sorting compares UTF-16 code units, so U+1F600 (a surrogate pair, D83D DE00) sorts
    // before U+FB33, though its code point is higher; U+0080 is written literally (only U+0000–U+001F are escaped).
    [Fact]
    public void Canonicalize_Rfc8785SortingExample_MatchesTheRfc()
    {
        const string input = """
            {
              "\u20ac": "Euro Sign",
              "\r": "Carriage Return",
              "\ufb33": "Hebrew Letter Dalet With Dagesh",
              "1": "One",
              "\ud83d\ude00": "Emoji: Grinning Face",
              "\u0080": "Control",
              "\u00f6": "Latin Small Letter O With Diaeresis"
            }
            """;

        var expected = "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"ö\":\"Latin Small Letter O With Diaeresis\","
            + "\"€\":\"Euro Sign\",\"😀\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}";
        Assert.Equal(expected, Canonical(input));
    }

    // RFC 8785 §3.2.2.2 / Appendix B string example, restricted to strings and integers.
    [Fact]
    public void Canonicalize_Rfc8785StringExample_EscapesMinimally()
    {
        var result = Canonical("""{"string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false],"numbers":[333333333,-1,0]}""");

        Assert.Equal("{\"literals\":[null,true,false],\"numbers\":[333333333,-1,0],\"string\":\"€$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}", result);
    }

    [Theory]
    [InlineData("\"", "\\\"")]
    [InlineData("\\", "\\\\")]
    [InlineData("/", "/")]
    [InlineData("\b\f\n\r\t", "\\b\\f\\n\\r\\t")]
    [InlineData("\u0000\u0001\u001f", "\\u0000\\u0001\\u001f")]
    [InlineData("\u000b", "\\u000b")]
    [InlineData("\u007f", "\u007f")]
    [InlineData("\u2028\u2029", "\u2028\u2029")]
    [InlineData("<>&'", "<>&'")]
    [InlineData("é日本𝄞", "é日本𝄞")]
    public void String_EscapesOnlyQuoteBackslashAndControls(string value, string escaped) =>
        Assert.Equal("\"" + escaped + "\"", Write(w => w.String(value)));

    [Fact]
    public void String_NonAscii_IsLiteralUtf8Bytes()
    {
        var bytes = CanonicalJsonWriter.QuotedString("é😀");

        Assert.Equal(new byte[] { 0x22, 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0x22 }, bytes);
    }

    // A fact, not a theory: xUnit serialises theory arguments, which turns a lone surrogate into U+FFFD.
    [Fact]
    public void String_UnpairedSurrogate_Throws()
    {
        foreach (var value in new[] { "\ud800", "a\udc00b", "\ude00\ud83d", "x\ud83d" })
        {
            Assert.Throws<ArgumentException>(() => Write(w => w.String(value)));
        }
    }

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(-1L, "-1")]
    [InlineData(9007199254740991L, "9007199254740991")]
    [InlineData(-9007199254740991L, "-9007199254740991")]
    public void Integer_WritesPlainDecimal(long value, string expected) => Assert.Equal(expected, Write(w => w.Integer(value)));

    [Theory]
    [InlineData(9007199254740992L)]
    [InlineData(long.MinValue)]
    public void Integer_BeyondDoublePrecision_Throws(long value) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Write(w => w.Integer(value)));

    [Fact]
    public void Writer_NestedEmptyContainers_HaveNoWhitespace()
    {
        var json = Write(w =>
        {
            w.StartObject();
            w.Name("a");
            w.StartArray();
            w.StartObject();
            w.EndObject();
            w.StartArray();
            w.EndArray();
            w.Integer(1);
            w.EndArray();
            w.Name("b");
            w.Base64String([0xFF, 0x00, 0x10]);
            w.EndObject();
        });

        Assert.Equal("{\"a\":[{},[],1],\"b\":\"/wAQ\"}", json);
    }

    [Fact]
    public void Base64String_LongInput_MatchesConvert()
    {
        var data = new byte[200_003];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (byte)((i * 31) ^ (i >> 7));
        }

        Assert.Equal("\"" + Convert.ToBase64String(data) + "\"", Write(w => w.Base64String(data)));
    }

    [Theory]
    [InlineData("b", "a")]
    [InlineData("a", "a")]
    [InlineData("דּ", "😀")]
    [InlineData("a", "B")]
    public void Name_OutOfOrderOrRepeated_Throws(string first, string second)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Write(w =>
        {
            w.StartObject();
            w.Name(first);
            w.Integer(1);
            w.Name(second);
        }));

        Assert.Contains("does not sort after", error.Message);
    }

    [Fact]
    public void Writer_MisusedStructure_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Write(w => { w.StartObject(); w.Integer(1); }));
        Assert.Throws<InvalidOperationException>(() => Write(w => { w.StartArray(); w.Name("a"); }));
        Assert.Throws<InvalidOperationException>(() => Write(w => { w.StartObject(); w.EndArray(); }));
        Assert.Throws<InvalidOperationException>(() => Write(w => { w.StartObject(); w.Name("a"); w.EndObject(); }));
        Assert.Throws<InvalidOperationException>(() => Write(w => { w.Integer(1); w.Integer(2); }));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("1.0")]
    [InlineData("1e3")]
    [InlineData("9007199254740992")]
    public void Canonicalize_NonIntegerNumber_Throws(string number) =>
        Assert.Throws<FormatException>(() => Canonical("{\"a\":[" + number + "]}"));

    [Fact]
    public void Canonicalize_DuplicateKey_Throws()
    {
        var error = Assert.Throws<FormatException>(() => Canonical("""{"x":{"k":1,"k":2}}"""));

        Assert.Contains("$.x", error.Message);
    }

    [Fact]
    public void Canonicalize_IsIdempotentAndIgnoresInputFormatting()
    {
        var once = Canonical("{ \"b\" : [ 1 , {\"z\":\"\\u00e9\", \"a\":null} ], \"a\":\"x\\/y\" }");

        Assert.Equal("{\"a\":\"x/y\",\"b\":[1,{\"a\":null,\"z\":\"é\"}]}", once);
        Assert.Equal(once, Canonical(once));
    }
}
