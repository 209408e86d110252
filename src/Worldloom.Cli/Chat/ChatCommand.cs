using System.CommandLine;
using Spectre.Console;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;

namespace Worldloom.Cli.Chat;

/// <summary>
/// <c>loom chat [--server URL]</c>: the terminal chat client. Signs in with <c>LOOM_EMAIL</c>/<c>LOOM_PASSWORD</c>
/// or by asking (the password masked); the tokens stay in memory and never go into URLs or output.
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
            var screen = new ChatScreen(link.UserId, TimeProvider.System);
            await ChatApp.RunAsync(screen, new ChatSession(screen, link, new ChatRest(http)), link, ct);
            return 0;
        });
        return command;
    }
}
