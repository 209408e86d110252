using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Worldloom.Forge.Export.Bundles;

namespace Worldloom.Forge.Export.Engines;

/// <summary>
/// Collects one engine's files under its folder in the bundle. Text is written the same way everywhere (UTF-8 without
/// a byte-order mark, LF line ends) so exports are byte-identical across machines.
/// </summary>
public sealed class EngineFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        // Names in the world are often non-ASCII (Ælfwyn); engines read UTF-8, so keep them readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly List<BundleFile> _files = [];
    private readonly HashSet<string> _paths = new(StringComparer.Ordinal);

    /// <summary>Starts an empty set of files for <paramref name="engine"/>.</summary>
    public EngineFiles(string engine)
    {
        ArgumentException.ThrowIfNullOrEmpty(engine);
        Engine = engine;
    }

    /// <summary>The engine, which is also the folder every path is put under.</summary>
    public string Engine { get; }

    /// <summary>The files so far, with their full bundle paths (<c>engine/path</c>), in the order added.</summary>
    public IReadOnlyList<BundleFile> Files => _files;

    /// <summary>The total size of the files so far.</summary>
    public long TotalBytes => _files.Sum(f => (long)f.Content.Length);

    /// <summary>Adds a file. <paramref name="path"/> is relative to the engine's folder and must be new.</summary>
    public void Add(string path, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var full = $"{Engine}/{BundlePaths.Check(path)}";
        if (!_paths.Add(full))
        {
            throw new InvalidOperationException($"{full} was already added.");
        }

        _files.Add(new BundleFile(full, content));
    }

    /// <summary>Adds a text file: UTF-8 without BOM, CR LF and CR turned into LF.</summary>
    public void AddText(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Add(path, Utf8.GetBytes(text.ReplaceLineEndings("\n")));
    }

    /// <summary>Adds an XML file written by <paramref name="write"/>: UTF-8 declaration, two-space indent, LF.</summary>
    public void AddXml(string path, Action<XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        var settings = new XmlWriterSettings
        {
            Encoding = Utf8,
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            write(xml);
        }

        buffer.WriteByte((byte)'\n');
        Add(path, buffer.ToArray());
    }

    /// <summary>Adds a JSON file written by <paramref name="write"/>: two-space indent, LF, non-ASCII kept as UTF-8.</summary>
    public void AddJson(string path, Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(json);
        }

        buffer.WriteByte((byte)'\n');
        Add(path, buffer.ToArray());
    }
}
