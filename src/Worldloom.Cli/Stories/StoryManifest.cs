using System.Text.Json;
using System.Text.Json.Serialization;

namespace Worldloom.Cli.Stories;

/// <summary>
/// <c>story.json</c>, what makes a directory a story: the seed and render settings every segment shares, and each
/// segment's prompt, summary (what the next segment's narrator reads) and directory. Written last and atomically, so a
/// segment that failed half way is never listed.
/// </summary>
internal sealed record StoryManifest
{
    /// <summary>The manifest's file name.</summary>
    public const string FileName = "story.json";

    /// <summary>The format tag.</summary>
    public const string FormatTag = "worldloom-story/1";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>Always <see cref="FormatTag"/>.</summary>
    public required string Format { get; init; }

    /// <summary>The seed every segment is narrated with.</summary>
    public required ulong Seed { get; init; }

    /// <summary>The narrator's name (<c>offline-grammar/1</c>).</summary>
    public required string Narrator { get; init; }

    /// <summary>Frame width; every segment of a scene has the same, so the stitched playlist is one rendition.</summary>
    public required int Width { get; init; }

    /// <summary>Frame height.</summary>
    public required int Height { get; init; }

    /// <summary>Frames per second.</summary>
    public required int Fps { get; init; }

    /// <summary>How long each segment should run, in ms.</summary>
    public required int TargetDurationMs { get; init; }

    /// <summary>The segments, in order.</summary>
    public required IReadOnlyList<StorySegmentEntry> Segments { get; init; }

    /// <summary>The manifest as indented JSON.</summary>
    public byte[] ToJson() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Reads <paramref name="directory"/>'s manifest, or null with the reason in <paramref name="error"/>.</summary>
    public static StoryManifest? Read(string directory, out string? error)
    {
        error = null;
        if (!Directory.Exists(directory))
        {
            error = $"{directory}: no such directory.";
            return null;
        }

        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            error = $"{directory} is not a story directory (no {FileName}); start one with 'loom story new'.";
            return null;
        }

        try
        {
            var manifest = JsonSerializer.Deserialize<StoryManifest>(File.ReadAllBytes(path), Json);
            if (manifest is null || manifest.Format != FormatTag)
            {
                error = $"{path}: format must be \"{FormatTag}\".";
                return null;
            }

            return manifest;
        }
        catch (JsonException e)
        {
            error = $"{path}: not a story manifest: {e.Message}";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: {e.Message}";
            return null;
        }
    }
}

/// <summary>One segment of a story directory.</summary>
/// <param name="Index">1-based.</param>
/// <param name="Directory">Its folder, relative to the story directory (<c>segment_001</c>).</param>
/// <param name="Prompt">What the user asked for.</param>
/// <param name="Summary">What happened, for the next segment's narrator.</param>
/// <param name="DurationMs">Length of its video.</param>
/// <param name="Frames">Frames rendered.</param>
/// <param name="BibleVersion">The bible version it was held to.</param>
/// <param name="Corrections">How many continuity corrections the validator made to its plan.</param>
internal sealed record StorySegmentEntry(int Index, string Directory, string Prompt, string Summary, long DurationMs, int Frames, int BibleVersion, int Corrections);
