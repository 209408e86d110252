using System.Text.Json;
using Worldloom.Forge.Core.Documents;
using Worldloom.Forge.Core.Overrides;
using Worldloom.Forge.Core.World;

namespace Worldloom.Cli.Forge;

/// <summary>File handling of the world commands: whole-file atomic writes and reads that explain what is wrong.</summary>
internal static class WorldFiles
{
    /// <summary>Largest overrides file read, so a wrong path to a huge file fails fast.</summary>
    public const long MaxOverridesBytes = 16 << 20;

    /// <summary>Largest rules script read, the same limit the API sets.</summary>
    public const long MaxRulesBytes = Worldloom.Forge.Worlds.WorldRules.MaxRulesLength;

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/> through a temporary file in the same directory and a
    /// rename, so a crash or a full disk never leaves a half-written world or map behind.
    /// </summary>
    public static void WriteAtomically(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write {path}: {e.Message}", e);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The source of a rules script, or null with <paramref name="error"/> set (missing, unreadable, too big).</summary>
    public static string? ReadRules(string path, out string? error)
    {
        error = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = $"--rules: {path}: no such file.";
                return null;
            }

            if (info.Length > MaxRulesBytes)
            {
                error = $"--rules: {path}: larger than {MaxRulesBytes >> 10} KiB.";
                return null;
            }

            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"--rules: {path}: {e.Message}";
            return null;
        }
    }

    /// <summary>Reads the overrides file (a JSON array of overrides), or null with the reason in <paramref name="error"/>.</summary>
    public static IReadOnlyList<WorldOverride>? ReadOverrides(string path, out string? error)
    {
        error = null;
        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                error = $"--overrides: {path}: no such file.";
                return null;
            }

            if (info.Length > MaxOverridesBytes)
            {
                error = $"--overrides: {path}: larger than {MaxOverridesBytes >> 20} MiB.";
                return null;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"--overrides: {path}: {e.Message}";
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (WorldOverrideJson.TryParseList(document.RootElement, "overrides", out var overrides, out var errors))
            {
                return overrides;
            }

            error = $"--overrides: {path}: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"));
            return null;
        }
        catch (JsonException e)
        {
            error = $"--overrides: {path}: not valid JSON: {e.Message}";
            return null;
        }
    }

    /// <summary>Reads a world document, or null with the reason (file, then JSON path) in <paramref name="error"/>.</summary>
    public static ForgeWorld? ReadWorld(string path, out string? error) => ReadWorld(path, out _, out error);

    /// <summary>Reads a world document and the overrides stored with it, or null with the reason in <paramref name="error"/>.</summary>
    public static ForgeWorld? ReadWorld(string path, out IReadOnlyList<WorldOverride> overrides, out string? error)
    {
        overrides = [];
        error = null;
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException)
        {
            error = $"{path}: no such file.";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = $"{path}: {e.Message}";
            return null;
        }

        try
        {
            return WorldDocument.Read(bytes, out overrides);
        }
        catch (WorldDocumentException e)
        {
            error = $"{path}: not a world document: {e.Message}";
            return null;
        }
    }
}
