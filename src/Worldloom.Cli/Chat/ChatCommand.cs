using System.CommandLine;
using Spectre.Console;
using Worldloom.Chat.Client.E2e;
using Worldloom.Chat.Client.Files;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;

namespace Worldloom.Cli.Chat;

/// <summary>
/// <c>loom chat [--server URL]</c>: the terminal chat client. Signs in with <c>LOOM_EMAIL</c>/<c>LOOM_PASSWORD</c>
/// or by asking (the password masked); the tokens stay in memory and never go into URLs or output. The device keys for
/// end-to-end rooms are made on first use and kept in an owner-only file (<see cref="DeviceStore"/>).
/// </summary>
internal static class ChatCommand
{
    public static Command Create()
    {
        var server = new Option<string>("--server")
        {
            Description = "Server URL (default: LOOM_SERVER or http://127.0.0.1:5080)",
            DefaultValueFactory = _ => Environment.GetEnvironmentVariable("LOOM_SERVER") ?? "http://127.0.0.1:5080",
        };
        var command = new Command("chat", "Chat in a terminal with the rooms of a Worldloom server") { server };
        command.SetAction(async (result, ct) =>
        {
            if (!Uri.TryCreate(result.GetValue(server), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.UserInfo.Length > 0)
            {
                // Credentials in a URL would end up in shell history and logs: only plain http(s) addresses are taken.
                Console.Error.WriteLine("error: --server must be an http:// or https:// URL without credentials.");
                return 2;
            }

            var email = Environment.GetEnvironmentVariable("LOOM_EMAIL") ?? AnsiConsole.Prompt(new TextPrompt<string>("Email:"));
            var password = Environment.GetEnvironmentVariable("LOOM_PASSWORD") ?? AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
            using var anonymous = new HttpClient { BaseAddress = url };
            ChatLogin login;
            try
            {
                login = await ChatLogin.SignInAsync(anonymous, email, password, ct: ct);
            }
            catch (Exception e) when (e is ChatRestException or HttpRequestException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }

            using var http = new HttpClient(login.Handler(new HttpClientHandler())) { BaseAddress = url };
            await using var link = new ChatLink(ChatSockets.Over(url), login.AccessTokenAsync);
            await link.StartAsync(ct);
            var rest = new ChatRest(http);
            var screen = new ChatScreen(link.UserId, TimeProvider.System);
            RoomCrypto? crypto = null;
            try
            {
                // The device's private keys stay in an owner-only file under the user's config folder; only public halves go to the server.
                var device = await new DeviceStore(DeviceStore.FolderFor(url)).OpenAsync(new E2eRest(rest), link.UserId, "loom chat", ct);
                crypto = new RoomCrypto(new E2eRest(rest), device);
            }
            catch (Exception e) when (e is E2eException or ChatRestException or IOException or UnauthorizedAccessException)
            {
                screen.Status = "🔒 no device keys (" + e.Message + "): encrypted rooms stay locked";
            }

            var session = new ChatSession(screen, link, rest, crypto, new FileSharing(http, rest, crypto));
            await ChatApp.RunAsync(screen, session, link, ct);
            crypto?.Device.Dispose();
            return 0;
        });
        return command;
    }
}
