using System.Globalization;
using System.Net;
using System.Text.Json;
using Worldloom.Chat.Client.E2e;
using Worldloom.Chat.Client.Files;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;

namespace Worldloom.Cli.Chat;

/// <summary>
/// Carries out what is typed (<see cref="ChatInput"/>) over the link and REST, and reports in <see cref="ChatScreen.Status"/>.
/// In end-to-end rooms it seals what it sends and opens what arrives before the screen shows it (<see cref="RoomCrypto"/>).
/// </summary>
/// <param name="screen">The view-model.</param>
/// <param name="link">The WebSocket link.</param>
/// <param name="rest">REST of the same user.</param>
/// <param name="crypto">This device's keys; without them end-to-end rooms show locked messages and refuse sends.</param>
/// <param name="files">File sharing; without it <c>/upload</c> and <c>/download</c> say so.</param>
/// <param name="downloads">Where <c>/download</c> writes without a folder (the current directory when null).</param>
public sealed class ChatSession(ChatScreen screen, ChatLink link, ChatRest rest, RoomCrypto? crypto = null, FileSharing? files = null, string? downloads = null)
{
    private const int PageSize = 50;
    private const int JumpPages = 20;
    private bool _namesMissing;

    /// <summary>Loads my rooms, subscribes to each and loads the current one's recent history.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (crypto is not null)
        {
            screen.Opener = crypto.Shown;
        }

        screen.SetRooms(await rest.RoomsAsync(ct));
        foreach (var room in screen.Rooms)
        {
            await OpenAsync(room.Id, ct);
        }

        await NamesAsync(ct);
    }

    /// <summary>Opens an end-to-end message frame's body before the screen applies the frame; other frames pass as they are.</summary>
    public async Task PrepareAsync(JsonElement frame, CancellationToken ct)
    {
        if (crypto is null || frame.ValueKind != JsonValueKind.Object || !frame.TryGetProperty("type", out var t) || t.GetString() is not ("message" or "edited"))
        {
            return;
        }

        var message = frame.GetProperty("message").Deserialize<ChatMessage>(ChatJson.Options);
        if (message is not null && screen.Room(message.RoomId)?.Encrypted == true)
        {
            await OpenBodiesAsync([message], ct);
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
                    await SendAsync(room, s.Text, null, ct);
                    break;
                case ChatInput.Reply r when Room() is { } room && Message(r.Number) is { } to:
                    await SendAsync(room, r.Text, to.Id, ct);
                    break;
                case ChatInput.Edit e when Message(e.Number) is { } m:
                    var body = screen.CurrentEncrypted ? await Crypto().SealAsync(m.RoomId, e.Text, m.ClientId ?? throw new E2eException("the message has no client id to seal the edit with."), ct) : e.Text;
                    Show(await rest.EditAsync(m.Id, body, ct), "edited");
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
                    await DirectAsync(d.User, ct);
                    break;
                case ChatInput.Search s:
                    await SearchAsync(s.Text, ct);
                    break;
                case ChatInput.Upload u when Room() is { } room:
                    await UploadAsync(room, u.Path, ct);
                    break;
                case ChatInput.Download d when Message(d.Number) is { } m:
                    await DownloadAsync(d.Number, m, d.Folder, ct);
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
        catch (E2eException e)
        {
            screen.Status = "🔒 " + e.Message;
        }
        catch (FileTransferException e)
        {
            screen.Status = "file transfer failed: " + e.Message;
        }
        catch (FileIntegrityException e)
        {
            screen.Status = "download refused: " + e.Message;
        }
        catch (IOException e)
        {
            screen.Status = "error: " + e.Message;
        }
        catch (UnauthorizedAccessException e)
        {
            screen.Status = "error: " + e.Message;
        }

        return true;
    }

    /// <summary>Loads the page before the oldest message held in the current room (PageUp at the top).</summary>
    public async Task EarlierAsync(CancellationToken ct)
    {
        if (Room() is not { } room)
        {
            return;
        }

        try
        {
            var oldest = screen.Log(room).Messages.FirstOrDefault()?.Id;
            var page = await rest.MessagesAsync(room, PageSize, oldest, ct);
            await OpenBodiesAsync(page, ct);
            screen.Log(room).MergeAll(page);
            screen.Status = page.Count == 0 ? "the beginning of this room" : $"{page.Count} earlier message(s)";
            await NamesAsync(ct);
        }
        catch (ChatRestException e)
        {
            screen.Status = $"error ({(int)e.Status}): {e.Message}";
        }
    }

    /// <summary>Shows the room of search hit <paramref name="index"/> (0-based) held at that message, loading earlier pages until it is there.</summary>
    public async Task JumpAsync(int index, CancellationToken ct)
    {
        if (screen.SearchResults is not { } hits || index < 0 || index >= hits.Count)
        {
            return;
        }

        var target = hits[index].Message;
        try
        {
            if (screen.Room(target.RoomId) is not { } room)
            {
                room = await rest.RoomAsync(target.RoomId, ct);
            }

            screen.CloseSearch();
            screen.Show(room);
            var log = screen.Log(room.Id);
            for (var page = 0; log.Find(target.Id) is null && page < JumpPages; page++)
            {
                var before = log.Messages.FirstOrDefault()?.Id;
                var earlier = await rest.MessagesAsync(room.Id, PageSize, before, ct);
                await OpenBodiesAsync(earlier, ct);
                log.MergeAll(earlier);
                if (earlier.Count == 0)
                {
                    break;
                }
            }

            if (log.Find(target.Id) is null)
            {
                screen.Status = "that message is too far back to load";
                return;
            }

            screen.Hold(target.Id);
            screen.Status = "PageDown returns to the newest messages";
        }
        catch (ChatRestException e)
        {
            screen.Status = $"error ({(int)e.Status}): {e.Message}";
        }
    }

    private async Task SendAsync(Guid room, string text, Guid? replyTo, CancellationToken ct)
    {
        if (!screen.CurrentEncrypted)
        {
            await link.SendAsync(room, text, replyTo, cancellationToken: ct);
            return;
        }

        // The sealed body goes into the outbox, so a resend after a reconnect repeats the same bytes and client id.
        var clientId = ChatLink.NewClientId();
        try
        {
            await link.SendAsync(room, await Crypto().SealAsync(room, text, clientId, ct), replyTo, clientId, ct);
        }
        catch (ChatLinkException e) when (e.Code is "stale_key" or "no_room_key")
        {
            // A member left (or a key arrived) between reading the room and sending: refused sends are not stored, so seal again under the same id.
            await link.SendAsync(room, await Crypto().SealAsync(room, text, clientId, ct), replyTo, clientId, ct);
        }
    }

    private async Task DirectAsync(string user, CancellationToken ct)
    {
        Guid peer;
        if (!Guid.TryParse(user, out peer))
        {
            IReadOnlyList<ChatUser> found;
            try
            {
                found = await rest.UsersAsync(user, ct);
            }
            catch (ChatRestException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
            {
                screen.Status = "this server has no user lookup: /dm <user-id>";
                return;
            }

            var exact = found.Where(u => string.Equals(u.DisplayName, user, StringComparison.OrdinalIgnoreCase)).ToList();
            var pick = exact.Count == 1 ? exact : found;
            if (pick.Count != 1)
            {
                screen.Status = found.Count == 0
                    ? $"no user matches \"{user}\""
                    : "several match: " + string.Join(", ", found.Take(5).Select(u => $"{u.DisplayName} ({u.Id})")) + " — /dm <user-id>";
                return;
            }

            screen.Name(pick);
            peer = pick[0].Id;
        }

        var dm = await rest.DirectAsync(peer, ct);
        screen.Show(dm);
        await OpenAsync(dm.Id, ct);
        await NamesAsync(ct);
        screen.Status = "🔒 direct messages are end-to-end encrypted";
    }

    private async Task SearchAsync(string text, CancellationToken ct)
    {
        var hits = new List<SearchHit>();
        var total = 0;
        try
        {
            var page = await rest.SearchAsync(text, ct);
            hits.AddRange(page.Results);
            total = page.Total;
        }
        catch (ChatRestException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest)
        {
            // Nothing the server can search for (only symbols) may still be found in the opened messages below.
            screen.Status = e.Message;
        }

        var opened = screen.Rooms.Where(r => r.Encrypted).SelectMany(r => screen.Log(r.Id).Messages)
            .Select(m => (Message: m, Text: crypto?.Shown(m)?.Text)).Where(o => o.Text is not null).Select(o => (o.Message, o.Text!));
        var local = LocalSearch.Find(text, opened);
        hits.AddRange(local);
        await NamesAsync(ct);
        screen.ShowSearch(text, hits);
        screen.Status = $"search \"{text}\": {total} on the server" + (local.Count > 0 ? $", {local.Count} in 🔒 rooms on this device" : "") + " — Enter opens one, Esc goes back";
    }

    private async Task UploadAsync(Guid room, string path, CancellationToken ct)
    {
        if (files is null)
        {
            screen.Status = "file transfer is not available in this client";
            return;
        }

        var full = Path.GetFullPath(path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[2..]) : path);
        if (!File.Exists(full))
        {
            screen.Status = "no such file: " + full;
            return;
        }

        var name = Path.GetFileName(full);
        await using var content = File.OpenRead(full);
        var size = content.Length;
        if (size == 0)
        {
            screen.Status = "the file is empty; nothing to share";
            return;
        }

        var progress = new StatusProgress(done => screen.Status = $"uploading {name} {Bar(done, size)}");
        var message = await files.ShareAsync(room, screen.CurrentEncrypted, name, content, size, name, progress, ct);
        await OpenBodiesAsync([message], ct);
        screen.Log(room).Merge(message);
        screen.Status = $"shared {name} ({ChatScreen.Size(size)})";
    }

    private async Task DownloadAsync(int number, ChatMessage message, string? folder, CancellationToken ct)
    {
        if (files is null)
        {
            screen.Status = "file transfer is not available in this client";
            return;
        }

        if (message.Deleted || message.Attachments is not { Count: > 0 } attachments)
        {
            screen.Status = $"message {number} has no file";
            return;
        }

        var target = Path.GetFullPath(folder ?? downloads ?? Environment.CurrentDirectory);
        var encrypted = screen.Room(message.RoomId)?.Encrypted == true;
        var saved = new List<string>();
        foreach (var a in attachments)
        {
            var progress = new StatusProgress(done => screen.Status = $"downloading {SafeTarget.FileName(a.Name)} {Bar(done, a.Size)}");
            try
            {
                saved.Add(await files.DownloadAsync(message, a, encrypted, target, progress, ct));
            }
            catch (FileTransferException e) when (e.Status == 404)
            {
                screen.Status = $"{SafeTarget.FileName(a.Name)} was removed from the server";
                return;
            }
        }

        screen.Status = "saved " + string.Join(", ", saved);
    }

    private async Task OpenAsync(Guid roomId, CancellationToken ct)
    {
        var log = screen.Log(roomId);
        var page = await rest.MessagesAsync(roomId, PageSize, ct: ct);
        await OpenBodiesAsync(page, ct);
        log.MergeAll(page);
        await link.SubscribeAsync(roomId, log.LastId, ct);
    }

    private async Task OpenBodiesAsync(IEnumerable<ChatMessage> messages, CancellationToken ct)
    {
        if (crypto is null)
        {
            return;
        }

        foreach (var m in messages.Where(m => !m.Deleted && m.Body is not null && screen.Room(m.RoomId)?.Encrypted == true))
        {
            try
            {
                await crypto.OpenAsync(m, ct);
            }
            catch (Exception e) when (e is ChatRestException or HttpRequestException)
            {
                // The device list or keys could not be fetched now: the message shows locked, and opens when it comes again.
            }
        }
    }

    private async Task NamesAsync(CancellationToken ct)
    {
        var unnamed = screen.UnnamedAuthors();
        if (_namesMissing || unnamed.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var chunk in unnamed.Chunk(100))
            {
                screen.Name(await rest.UsersAsync(chunk, ct));
            }
        }
        catch (ChatRestException e) when (e.Status is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed or HttpStatusCode.BadRequest)
        {
            // A server without the lookup: authors stay shown by an id prefix.
            _namesMissing = true;
        }
    }

    private void Show(ChatMessage message, string type) =>
        screen.Apply(JsonSerializer.SerializeToElement(new { type, message }, ChatJson.Options));

    private RoomCrypto Crypto() => crypto ?? throw new E2eException("this client has no device keys for end-to-end rooms.");

    private static string Bar(long done, long size)
    {
        var share = size <= 0 ? 1 : Math.Clamp((double)done / size, 0, 1);
        var filled = (int)Math.Round(share * 20);
        return "[" + new string('#', filled) + new string('.', 20 - filled) + "] " + (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
    }

    private Guid? Room() => screen.Current;

    private ChatMessage? Message(int n) => screen.Numbered(n);
}
