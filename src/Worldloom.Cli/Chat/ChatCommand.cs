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
        var server = new Option<Uri>("--server")
        {
            Description = "Server URL (default: LOOM_SERVER or http://127.0.0.1:5080)",
            DefaultValueFactory = _ => new Uri(Environment.GetEnvironmentVariable("LOOM_SERVER") ?? "http://127.0.0.1:5080"),
        };
        var command = new Command("chat", "Chat in a terminal with the rooms of a Worldloom server") { server };
        command.SetAction(async (result, ct) =>
        {
            var url = result.GetValue(server)!;
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
