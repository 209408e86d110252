using System.Text.Json;
using Worldloom.Chat.Crypto;

namespace Worldloom.Chat.Client.E2e;

/// <summary>
/// Keeps a user's device keys on this machine, one file per server and user
/// (<c>&lt;config&gt;/worldloom/chat-devices/&lt;host_port&gt;/&lt;userId&gt;.json</c>, mode 0600 in a 0700 folder), and
/// registers the device on first use. The keys are written before registering, so a crash in between re-registers the
/// same keys (the server answers the same device) instead of orphaning one.
/// </summary>
/// <param name="folder">The folder for this server's files (<see cref="FolderFor"/>).</param>
public sealed class DeviceStore(string folder)
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>The folder of <paramref name="server"/>'s device files under <paramref name="configRoot"/> (default: the user's config folder, <c>$XDG_CONFIG_HOME</c> or <c>~/.config</c>).</summary>
    public static string FolderFor(Uri server, string? configRoot = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        configRoot ??= Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData, Environment.SpecialFolderOption.Create);
        var host = string.Concat(server.Authority.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_'));
        return Path.Combine(configRoot, "worldloom", "chat-devices", host);
    }

    /// <summary>The file for one user.</summary>
    public string FileOf(Guid userId) => Path.Combine(folder, userId.ToString("D") + ".json");

    /// <summary>
    /// This user's device: the stored one when the server still lists it as not revoked, else new keys, stored and
    /// registered as <paramref name="name"/>.
    /// </summary>
    public async Task<LocalDevice> OpenAsync(E2eRest api, Guid userId, string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(api);
        var stored = Read(userId);
        if (stored is { DeviceId: { } id })
        {
            var mine = await api.MyDevicesAsync(ct);
            if (mine.Any(d => d.Id == id && d.RevokedAt is null))
            {
                return new LocalDevice(id, userId, stored.Keys);
            }

            stored.Keys.Dispose();
            stored = null;
        }

        var keys = stored?.Keys ?? DeviceKeys.Generate();
        Write(userId, keys, null, name);
        var registered = await api.RegisterAsync(
            name, Convert.ToBase64String(keys.X25519Public), Convert.ToBase64String(keys.Ed25519Public), Convert.ToBase64String(keys.BindingSignature()), ct);
        Write(userId, keys, registered.Id, name);
        return new LocalDevice(registered.Id, userId, keys);
    }

    private Stored? Read(Guid userId)
    {
        var path = FileOf(userId);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var file = JsonSerializer.Deserialize<DeviceFile>(File.ReadAllText(path), FileJson)
                ?? throw new E2eException($"the device file {path} is empty.");
            var keys = DeviceKeys.Import(Convert.FromBase64String(file.X25519Private), Convert.FromBase64String(file.Ed25519Seed));
            return new Stored(file.DeviceId, keys);
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            // Never overwrite keys that may still open old messages: the user decides what to do with the file.
            throw new E2eException($"the device file {path} is damaged ({e.GetType().Name}); move it away to make a new device.");
        }
    }

    private void Write(Guid userId, DeviceKeys keys, Guid? deviceId, string name)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, OwnerOnlyFolder);
        }

        var (x25519, ed25519) = keys.ExportPrivate();
        var text = JsonSerializer.Serialize(new DeviceFile(deviceId, name, Convert.ToBase64String(x25519), Convert.ToBase64String(ed25519)), FileJson);
        Array.Clear(x25519);
        Array.Clear(ed25519);
        var path = FileOf(userId);
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        using (var stream = new FileStream(temporary, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        if (!OperatingSystem.IsWindows())
        {
            // A stale temporary file could have other modes: creation modes only apply to new files.
            File.SetUnixFileMode(temporary, OwnerOnlyFile);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private static readonly JsonSerializerOptions FileJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record DeviceFile(Guid? DeviceId, string Name, string X25519Private, string Ed25519Seed);

    private sealed record Stored(Guid? DeviceId, DeviceKeys Keys);
}
