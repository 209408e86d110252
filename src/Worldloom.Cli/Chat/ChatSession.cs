using System.Net;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;

namespace Worldloom.Cli.Chat;

/// <summary>Carries out what is typed (<see cref="ChatInput"/>) over the link and REST, and reports in <see cref="ChatScreen.Status"/>.</summary>
public sealed class ChatSession(ChatScreen screen, ChatLink link, ChatRest rest)
{
    /// <summary>Loads my rooms, subscribes to each and loads the current one's recent history.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        screen.SetRooms(await rest.RoomsAsync(ct));
        foreach (var room in screen.Rooms)
        {
            await OpenAsync(room.Id, ct);
        }
    }

    /// <summary>Does one input; false for <c>/quit</c>.</summary>
    public async Task<bool> RunAsync(ChatInput input, CancellationToken ct)
    {
        try
        {
            switch (input)
            {
                case ChatInput.Quit:
                    return false;
                case ChatInput.ShowHelp:
                    screen.Status = ChatInput.Help;
                    break;
                case ChatInput.Invalid i:
                    screen.Status = i.Reason;
                    break;
                case ChatInput.Say s when Room() is { } room:
                    await link.SendAsync(room, s.Text, cancellationToken: ct);
                    break;
                case ChatInput.Reply r when Room() is { } room && Message(r.Number) is { } to:
                    await link.SendAsync(room, r.Text, to.Id, cancellationToken: ct);
                    break;
                case ChatInput.Edit e when Message(e.Number) is { } m:
                    screen.Apply(System.Text.Json.JsonSerializer.SerializeToElement(new { type = "edited", message = await rest.EditAsync(m.Id, e.Text, ct) }, ChatJson.Options));
                    break;
                case ChatInput.React r when Message(r.Number) is { } m:
                    await rest.ReactAsync(m.Id, r.Emoji, ct);
                    break;
                case ChatInput.Join j:
                    var joined = Guid.TryParse(j.Target, out var id) ? await rest.JoinAsync(id, ct) : await rest.AcceptInviteAsync(j.Target, ct);
                    screen.Show(joined);
                    await OpenAsync(joined.Id, ct);
                    screen.Status = "joined " + joined.Name;
                    break;
                case ChatInput.Leave when Room() is { } room:
                    await rest.LeaveAsync(room, ct);
                    await link.UnsubscribeAsync(room, ct);
                    screen.Remove(room);
                    screen.Status = "left the room";
                    break;
                case ChatInput.Direct d:
                    var dm = await Optional(() => rest.DirectAsync(d.User, ct), "direct messages are not available on this server");
                    if (dm is not null)
                    {
                        screen.Show(dm);
                        await OpenAsync(dm.Id, ct);
                    }

                    break;
                case ChatInput.Search s:
                    var found = await Optional(async () => (object)await rest.SearchAsync(s.Text, ct), "search is not available on this server");
                    if (found is System.Text.Json.JsonElement hits)
                    {
                        screen.Status = $"search: {(hits.ValueKind == System.Text.Json.JsonValueKind.Array ? hits.GetArrayLength() : 0)} result(s) for \"{s.Text}\"";
                    }

                    break;
                case ChatInput.Upload or ChatInput.Download:
                    screen.Status = "file transfer is not available yet in loom chat";
                    break;
                case ChatInput.Nothing:
                    break;
                default:
                    screen.Status = screen.Current is null ? "no room: /join <room-id|invite-code> first" : "no such message number on screen";
                    break;
            }
        }
        catch (ChatRestException e)
        {
            screen.Status = $"error ({(int)e.Status}): {e.Message}";
        }
        catch (ChatLinkException e)
        {
            screen.Status = "error: " + e.Message;
        }

        return true;
    }

    private async Task OpenAsync(Guid roomId, CancellationToken ct)
    {
        var log = screen.Log(roomId);
        log.MergeAll(await rest.MessagesAsync(roomId, 50, ct: ct));
        await link.SubscribeAsync(roomId, log.LastId, ct);
    }

    private async Task<T?> Optional<T>(Func<Task<T>> call, string absent)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (ChatRestException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            screen.Status = absent;
            return null;
        }
    }

    private Guid? Room() => screen.Current;

    private ChatMessage? Message(int n) => screen.Numbered(n);
}
