using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Worldloom.Chat.Client.E2e;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;
using Worldloom.Chat.Crypto;
using Worldloom.Chat.Tests.Realtime;
using Worldloom.Platform.Tests.Cluster;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Client;

/// <summary>
/// <c>loom chat</c> in a real terminal (tmux) against a real <c>loom serve</c>: what is typed arrives at another client,
/// and what that client sends appears on the screen. Needs tmux, which ./test installs.
/// </summary>
[Trait("Category", "Terminal")]
public sealed class TerminalTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TypedMessage_ReachesAnotherClient_ItsReply_AppearsOnScreen_SearchJumps_AndEncryptedRoomsRoundTrip()
    {
        // ./test installs tmux; a machine without it must say so rather than pass without running.
        Assert.True(File.Exists("/usr/bin/tmux") || File.Exists("/usr/local/bin/tmux"), "tmux is not installed (./test installs it: apt-get install tmux).");

        var data = Path.Combine(Path.GetTempPath(), "loom-tui-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var session = "loomchat" + Guid.NewGuid().ToString("N")[..8];
        var url = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var server = LoomProcess.Start(
            "loom serve",
            ["serve", "--urls", url.ToString().TrimEnd('/'), "--silo-port", Text(FreePort.Next()), "--gateway-port", Text(FreePort.Next()), "--data", data],
            new Dictionary<string, string>());
        try
        {
            await server.WaitHealthyAsync(url, Patience);
            var alice = await RemoteChat.UserAsync(url);
            var bob = await RemoteChat.UserAsync(url);
            using var created = await alice.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "Tavern", kind = "public" });
            var room = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await bob.Client.PostAsync($"/api/chat/rooms/{room}/join", null)).EnsureSuccessStatusCode();

            await using var bobLink = new ChatLink(ChatSockets.Over(url), _ => Task.FromResult(bob.Token));
            await bobLink.StartAsync();
            await bobLink.SubscribeAsync(room);

            // The password goes in through the session's environment (-e), never on the client's command line.
            var loom = Path.Combine(AppContext.BaseDirectory, "loom.dll");
            Tmux("new-session", "-d", "-s", session, "-x", "110", "-y", "28",
                "-e", "LOOM_EMAIL=" + alice.Email, "-e", "LOOM_PASSWORD=" + RemoteChat.Password,
                // The client's device keys go to the test's folder, not the real config folder.
                "-e", "XDG_CONFIG_HOME=" + Path.Combine(data, "config"),
                // If the client ends, the pane keeps what it printed (for the failure message) instead of closing.
                $"dotnet {loom} chat --server {url}; echo loom chat exited $?; sleep 600");
            await ScreenAsync(session, s => s.Contains("Tavern", StringComparison.Ordinal) && s.Contains("Messages", StringComparison.Ordinal));

            Tmux("send-keys", "-t", session, "-l", "hello from the terminal");
            Tmux("send-keys", "-t", session, "Enter");
            using var timeout = new CancellationTokenSource(Patience);
            while (true)
            {
                var frame = await bobLink.Events.ReadAsync(timeout.Token);
                if (frame.GetProperty("type").GetString() == "message")
                {
                    var m = frame.GetProperty("message");
                    Assert.Equal("hello from the terminal", m.GetProperty("body").GetString());
                    Assert.Equal(alice.Id, m.GetProperty("authorId").GetGuid());
                    break;
                }
            }

            await bobLink.SendAsync(room, "hello from bob").WaitAsync(Patience);
            await ScreenAsync(session, s => s.Contains("hello from bob", StringComparison.Ordinal));
            Tmux("send-keys", "-t", session, "-l", "/react 2 👍");
            Tmux("send-keys", "-t", session, "Enter");
            var screen = await ScreenAsync(session, s => s.Contains("hello from bob  [👍 1]", StringComparison.Ordinal));
            Assert.Contains("me: hello from the terminal", screen, StringComparison.Ordinal);

            // Search: results with the match bracketed, Enter jumps back to the room.
            Type(session, "/search bob");
            screen = await ScreenAsync(session, s => s.Contains("Search: bob", StringComparison.Ordinal) && s.Contains("[bob]", StringComparison.Ordinal));
            Assert.Contains("#Tavern", screen, StringComparison.Ordinal);
            Tmux("send-keys", "-t", session, "Enter");
            await ScreenAsync(session, s => s.Contains("PageDown returns", StringComparison.Ordinal) && s.Contains("hello from bob  [👍 1]", StringComparison.Ordinal));

            // An encrypted room: the terminal makes the first epoch (wrapping for Bob's device), seals, and opens Bob's reply.
            using var createdVault = await alice.Client.PostAsJsonAsync("/api/chat/rooms", new { name = "Vault", kind = "public", encrypted = true });
            var vault = (await createdVault.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            (await bob.Client.PostAsync($"/api/chat/rooms/{vault}/join", null)).EnsureSuccessStatusCode();
            var bobRest = new E2eRest(new ChatRest(bob.Client));
            var bobCrypto = new RoomCrypto(bobRest, await new DeviceStore(Path.Combine(data, "bob-devices")).OpenAsync(bobRest, bob.Id, "bob's bot"));
            await bobLink.SubscribeAsync(vault);
            Type(session, "/join " + vault);
            await ScreenAsync(session, s => s.Contains("🔒 Vault", StringComparison.Ordinal) && s.Contains("joined Vault", StringComparison.Ordinal));
            Type(session, "a sealed hello");
            using (var sealedWait = new CancellationTokenSource(Patience))
            {
                while (true)
                {
                    var frame = await bobLink.Events.ReadAsync(sealedWait.Token);
                    if (frame.GetProperty("type").GetString() == "message" && frame.GetProperty("message").GetProperty("roomId").GetGuid() == vault)
                    {
                        var m = frame.GetProperty("message").Deserialize<ChatMessage>(ChatJson.Options)!;
                        Assert.StartsWith(MessageEnvelope.Prefix, m.Body, StringComparison.Ordinal);
                        Assert.Equal("a sealed hello", (await bobCrypto.OpenAsync(m)).Text);
                        break;
                    }
                }
            }

            var replyId = ChatLink.NewClientId();
            await bobLink.SendAsync(vault, await bobCrypto.SealAsync(vault, "a sealed reply", replyId), clientId: replyId).WaitAsync(Patience);
            screen = await ScreenAsync(session, s => s.Contains("a sealed reply", StringComparison.Ordinal));
            Assert.Contains("me: a sealed hello", screen, StringComparison.Ordinal);
            Assert.DoesNotContain("e1.", screen, StringComparison.Ordinal);
            var deviceFile = Directory.GetFiles(Path.Combine(data, "config", "worldloom", "chat-devices"), "*.json", SearchOption.AllDirectories).Single();
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(deviceFile));
            }

            // A file in the encrypted room: /upload seals and shares it, Bob's client downloads it, /download saves it.
            var note = Path.Combine(data, "note.txt");
            await File.WriteAllTextAsync(note, "the key is under the mat\n");
            Type(session, "/upload " + note);
            screen = await ScreenAsync(session, s => s.Contains("📎 note.txt (25 B)", StringComparison.Ordinal) && s.Contains("shared note.txt", StringComparison.Ordinal));
            var shared = (await new ChatRest(bob.Client).MessagesAsync(vault)).Single(m => m.Attachments is { Count: 1 });
            var atBob = await new Worldloom.Chat.Client.Files.FileSharing(bob.Client, new ChatRest(bob.Client), bobCrypto)
                .DownloadAsync(shared, shared.Attachments![0], true, Directory.CreateDirectory(Path.Combine(data, "bob-files")).FullName);
            Assert.Equal("the key is under the mat\n", await File.ReadAllTextAsync(atBob));
            var saved = Directory.CreateDirectory(Path.Combine(data, "alice-files")).FullName;
            Type(session, $"/download 3 {saved}");
            screen = await ScreenAsync(session, s => s.Contains("saved " + Path.Combine(saved, "note.txt"), StringComparison.Ordinal));
            Assert.Equal("the key is under the mat\n", await File.ReadAllTextAsync(Path.Combine(saved, "note.txt")));

            Type(session, "/dm somebody");
            screen = await ScreenAsync(session, s => s.Contains("no user lookup", StringComparison.Ordinal) || s.Contains("no user matches", StringComparison.Ordinal) || s.Contains("error (", StringComparison.Ordinal));
            Save(screen);
            Assert.DoesNotContain(RemoteChat.Password, screen, StringComparison.Ordinal);

            Tmux("send-keys", "-t", session, "-l", "/quit");
            Tmux("send-keys", "-t", session, "Enter");
        }
        finally
        {
            TryTmux("kill-session", "-t", session);
            await server.DisposeAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the exiting server; the temp folder is reclaimed later.
            }
        }
    }

    private static void Type(string session, string line)
    {
        Tmux("send-keys", "-t", session, "-l", line);
        Tmux("send-keys", "-t", session, "Enter");
    }

    private static async Task<string> ScreenAsync(string session, Func<string, bool> shows)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var last = "";
        while (!timeout.IsCancellationRequested)
        {
            last = Tmux("capture-pane", "-p", "-t", session);
            if (shows(last))
            {
                return last;
            }

            await Task.Delay(250, CancellationToken.None);
        }

        Save(last);
        // ./test prints a few lines of a failure: the rows with text in them, the status line included, fit there.
        Assert.Fail("the terminal never showed what was expected; its rows with text:\n" + Rows(last));
        return last;
    }

    private static string Rows(string screen) =>
        string.Join('\n', screen.Split('\n').Select(r => r.Trim(' ', '│', '─', '╭', '╮', '╰', '╯', '┌', '┐', '└', '┘')).Where(r => r.Trim(' ', '│', '─').Length > 0));

    /// <summary>The screen, kept with the end-to-end artifacts so a person can look at what the client draws.</summary>
    private static void Save(string screen)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Worldloom.slnx")))
        {
            dir = dir.Parent;
        }

        if (dir is not null)
        {
            var artifacts = Path.Combine(dir.FullName, "tests", "e2e", "artifacts");
            Directory.CreateDirectory(artifacts);
            File.WriteAllText(Path.Combine(artifacts, "loom-chat.txt"), screen);
        }
    }

    private static string Tmux(params string[] args)
    {
        var (code, output) = Run(args);
        Assert.True(code == 0, $"tmux {args[0]} failed: {output}");
        return output;
    }

    private static void TryTmux(params string[] args) => Run(args);

    private static (int Code, string Output) Run(string[] args)
    {
        var info = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
