using System.Globalization;
using System.Text;
using System.Text.Json;
using Worldloom.Chat.Client.E2e;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;

namespace Worldloom.Cli.Chat;

/// <summary>
/// What <c>loom chat</c> shows, as plain state: rooms with unread counts, the current room's numbered messages, who is
/// typing, and a status line. Server frames go in through <see cref="Apply"/>; the Terminal.Gui views only render the
/// lines this class produces, so all of it is testable without a terminal. The UI thread renders and applies frames
/// while commands run on the thread pool, so every member takes one lock.
/// </summary>
public sealed class ChatScreen(Guid me, TimeProvider time)
{
    private static readonly TimeSpan TypingShown = TimeSpan.FromSeconds(5);

    // Others show "typing" for 5 seconds after each event: one every 3 seconds keeps it lit without spending the frame budget.
    private static readonly TimeSpan TypingEvery = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private readonly List<ChatRoom> _rooms = [];
    private readonly Dictionary<Guid, MessageLog> _logs = [];
    private readonly Dictionary<(Guid Room, Guid User), DateTimeOffset> _typing = [];
    private readonly Dictionary<Guid, string> _names = [];
    private List<Guid?> _lineMessages = [];
    private (Guid Room, DateTimeOffset At)? _typingSent;
    private Guid? _current;
    private Guid? _anchor;

    /// <summary>The room shown, if any.</summary>
    public Guid? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>The last error or notice.</summary>
    public string Status { get; set; } = "/help lists the commands";

    /// <summary>Rooms I am in (a copy).</summary>
    public IReadOnlyList<ChatRoom> Rooms
    {
        get
        {
            lock (_gate)
            {
                return [.. _rooms];
            }
        }
    }

    /// <summary>What an end-to-end message opened to (<see cref="RoomCrypto.Shown"/>); without it sealed bodies show as locked.</summary>
    public Func<ChatMessage, Opened?>? Opener { get; set; }

    /// <summary>The message the view is held at while scrolled back; null follows the newest.</summary>
    public Guid? Anchor
    {
        get
        {
            lock (_gate)
            {
                return _anchor;
            }
        }
    }

    /// <summary>The hits of the last <c>/search</c> while they are shown in place of the messages; null otherwise.</summary>
    public IReadOnlyList<SearchHit>? SearchResults { get; private set; }

    /// <summary>The query of <see cref="SearchResults"/>.</summary>
    public string SearchText { get; private set; } = "";

    /// <summary>Whether the current room is end-to-end encrypted.</summary>
    public bool CurrentEncrypted
    {
        get
        {
            lock (_gate)
            {
                return _current is { } c && _rooms.Find(r => r.Id == c)?.Encrypted == true;
            }
        }
    }

    /// <summary>A listed room.</summary>
    public ChatRoom? Room(Guid roomId)
    {
        lock (_gate)
        {
            return _rooms.Find(r => r.Id == roomId);
        }
    }

    /// <summary>Remembers display names to show authors by.</summary>
    public void Name(IEnumerable<ChatUser> users)
    {
        ArgumentNullException.ThrowIfNull(users);
        lock (_gate)
        {
            foreach (var u in users)
            {
                _names[u.Id] = u.DisplayName;
            }
        }
    }

    /// <summary>Authors of held messages whose names are not known yet.</summary>
    public IReadOnlyList<Guid> UnnamedAuthors()
    {
        lock (_gate)
        {
            return [.. _logs.Values.SelectMany(l => l.Messages).Select(m => m.AuthorId).Where(a => a != me && !_names.ContainsKey(a)).Distinct()];
        }
    }

    /// <summary>Shows search hits in place of the messages, until <see cref="CloseSearch"/>.</summary>
    public void ShowSearch(string text, IReadOnlyList<SearchHit> hits)
    {
        lock (_gate)
        {
            SearchText = text;
            SearchResults = hits;
        }
    }

    /// <summary>Back to the messages.</summary>
    public void CloseSearch()
    {
        lock (_gate)
        {
            SearchResults = null;
        }
    }

    /// <summary>The search result lines: room, author, time, and the excerpt with matched words in brackets.</summary>
    public IReadOnlyList<string> SearchLines()
    {
        lock (_gate)
        {
            if (SearchResults is not { } hits)
            {
                return [];
            }

            if (hits.Count == 0)
            {
                return [$"no results for \"{SearchText}\"  (Esc: back)"];
            }

            return [.. hits.Select((h, i) =>
            {
                var room = Room(h.Message.RoomId)?.Name ?? h.Message.RoomId.ToString("N")[..8];
                var excerpt = string.Concat(h.Highlight.Select(s => s.Match ? "[" + s.Text + "]" : s.Text)).ReplaceLineEndings(" ");
                return string.Create(CultureInfo.InvariantCulture, $"{i + 1,3} #{room} {Author(h.Message.AuthorId)} {h.Message.CreatedAt.ToLocalTime():MM-dd HH:mm}: {excerpt}");
            })];
        }
    }

    /// <summary>Holds the view at a message (a search hit).</summary>
    public void Hold(Guid messageId)
    {
        lock (_gate)
        {
            _anchor = messageId;
        }
    }

    /// <summary>The line the view is held at, or null when following the newest.</summary>
    public int? AnchorLine()
    {
        lock (_gate)
        {
            if (_anchor is not { } a)
            {
                return null;
            }

            var i = _lineMessages.IndexOf(a);
            if (i < 0)
            {
                // The lines were last laid out before the held message was loaded.
                _ = MessageLines();
                i = _lineMessages.IndexOf(a);
            }

            return i < 0 ? null : i;
        }
    }

    /// <summary>Scrolls back a page of <paramref name="lines"/>; true when the top is reached (time to load an earlier page).</summary>
    public bool PageUp(int lines)
    {
        lock (_gate)
        {
            _ = MessageLines();
            if (_lineMessages.Count == 0)
            {
                return true;
            }

            var target = (AnchorLine() ?? _lineMessages.Count - 1) - Math.Max(1, lines);
            var top = target <= 0;
            _anchor = _lineMessages.Skip(Math.Max(0, target)).FirstOrDefault(id => id is not null) ?? _lineMessages.FirstOrDefault(id => id is not null);
            return top;
        }
    }

    /// <summary>Scrolls forward a page; back at the newest, the view follows new messages again.</summary>
    public void PageDown(int lines)
    {
        lock (_gate)
        {
            _ = MessageLines();
            var target = (AnchorLine() ?? _lineMessages.Count) + Math.Max(1, lines);
            _anchor = target >= _lineMessages.Count - 1 ? null : _lineMessages.Skip(target).FirstOrDefault(id => id is not null);
        }
    }

    /// <summary>Replaces the room list (from REST), keeping the current room when still listed.</summary>
    public void SetRooms(IEnumerable<ChatRoom> rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        lock (_gate)
        {
            _rooms.Clear();
            _rooms.AddRange(rooms.Where(r => r.Joined != false));
            if (_current is { } c && _rooms.All(r => r.Id != c))
            {
                _current = null;
            }

            _current ??= _rooms.FirstOrDefault()?.Id;
        }
    }

    /// <summary>Adds or updates one room and shows it.</summary>
    public void Show(ChatRoom room)
    {
        ArgumentNullException.ThrowIfNull(room);
        lock (_gate)
        {
            var i = _rooms.FindIndex(r => r.Id == room.Id);
            if (i < 0)
            {
                _rooms.Add(room with { Unread = 0 });
            }
            else
            {
                _rooms[i] = room with { Unread = 0 };
            }

            if (_current != room.Id)
            {
                _anchor = null;
            }

            _current = room.Id;
        }
    }

    /// <summary>Shows a listed room by its position (0-based), clearing its unread count.</summary>
    public void Select(int index)
    {
        lock (_gate)
        {
            if (index >= 0 && index < _rooms.Count)
            {
                CloseSearch();
                Show(_rooms[index]);
            }
        }
    }

    /// <summary>Drops a room I left.</summary>
    public void Remove(Guid roomId)
    {
        lock (_gate)
        {
            _rooms.RemoveAll(r => r.Id == roomId);
            _logs.Remove(roomId);
            if (_current == roomId)
            {
                _current = _rooms.FirstOrDefault()?.Id;
            }
        }
    }

    /// <summary>A room's messages, merged by id.</summary>
    public MessageLog Log(Guid roomId)
    {
        lock (_gate)
        {
            if (!_logs.TryGetValue(roomId, out var log))
            {
                _logs[roomId] = log = new MessageLog();
            }

            return log;
        }
    }

    /// <summary>The current room's message numbered <paramref name="number"/> on screen (1-based), if any.</summary>
    public ChatMessage? Numbered(int number)
    {
        lock (_gate)
        {
            if (_current is not { } room)
            {
                return null;
            }

            var messages = Log(room).Messages;
            return number >= 1 && number <= messages.Count ? messages[number - 1] : null;
        }
    }

    /// <summary>Takes in one server frame.</summary>
    public void Apply(JsonElement frame)
    {
        lock (_gate)
        {
            var type = frame.TryGetProperty("type", out var t) ? t.GetString() : null;
            switch (type)
            {
                case "message" or "edited":
                    var message = frame.GetProperty("message").Deserialize<ChatMessage>(ChatJson.Options)!;
                    var isNew = Log(message.RoomId).Merge(message);
                    _typing.Remove((message.RoomId, message.AuthorId));
                    if (type == "message" && isNew && message.RoomId != _current && message.AuthorId != me)
                    {
                        var i = _rooms.FindIndex(r => r.Id == message.RoomId);
                        if (i >= 0)
                        {
                            _rooms[i] = _rooms[i] with { Unread = (_rooms[i].Unread ?? 0) + 1 };
                        }
                    }

                    break;
                case "deleted":
                    Log(frame.GetProperty("roomId").GetGuid()).Tombstone(frame.GetProperty("messageId").GetGuid());
                    break;
                case "reaction":
                    var counts = frame.GetProperty("reactions").Deserialize<Dictionary<string, int>>() ?? [];
                    Log(frame.GetProperty("roomId").GetGuid()).React(frame.GetProperty("messageId").GetGuid(), counts);
                    break;
                case "typing":
                    var who = frame.GetProperty("userId").GetGuid();
                    if (who != me)
                    {
                        _typing[(frame.GetProperty("roomId").GetGuid(), who)] = time.GetUtcNow();
                    }

                    break;
                case "error":
                    Status = "error: " + (frame.TryGetProperty("code", out var c) ? c.GetString() : "?") +
                             (frame.TryGetProperty("detail", out var d) ? " — " + d.GetString() : "");
                    break;
            }
        }
    }

    /// <summary>The room list's lines: name and unread count.</summary>
    public IReadOnlyList<string> RoomLines()
    {
        lock (_gate)
        {
            return [.. _rooms.Select(r => (r.Id == _current ? "> " : "  ") + (r.Encrypted ? "🔒 " : "") + RoomName(r) + (r.Unread is > 0 ? $" ({r.Unread})" : ""))];
        }
    }

    /// <summary>The current room's lines: number, time, author, body, the marks that go with it, and its files (📎).</summary>
    public IReadOnlyList<string> MessageLines()
    {
        lock (_gate)
        {
            var lines = new List<string>();
            var owners = new List<Guid?>();
            if (_current is not { } room)
            {
                _lineMessages = owners;
                return ["(no room: /join <room-id|invite-code>)"];
            }

            var messages = Log(room).Messages;
            var numbers = messages.Select((m, i) => (m.Id, N: i + 1)).ToDictionary(x => x.Id, x => x.N);
            foreach (var (m, i) in messages.Select((m, i) => (m, i)))
            {
                if (m.ReplyTo is { } to)
                {
                    var quoted = Log(room).Find(to);
                    lines.Add("      ↳ " + (quoted is null ? "(an earlier message)" : $"#{numbers[to]} {Author(quoted.AuthorId)}: {Clip(quoted.Deleted ? "(deleted)" : Body(quoted), 50)}"));
                    owners.Add(m.Id);
                }

                var line = new StringBuilder();
                line.Append(CultureInfo.InvariantCulture, $"{i + 1,3} {m.CreatedAt.ToLocalTime():HH:mm} {Author(m.AuthorId)}: ");
                line.Append(m.Deleted ? "(message deleted)" : Body(m));
                if (m.Edited && !m.Deleted)
                {
                    line.Append(" (edited)");
                }

                if (m.Reactions is { Count: > 0 } reactions)
                {
                    line.Append("  [").AppendJoin(' ', reactions.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")).Append(']');
                }

                lines.Add(line.ToString());
                owners.Add(m.Id);
                if (!m.Deleted && m.Attachments is { Count: > 0 } files)
                {
                    foreach (var (f, k) in files.Select((f, k) => (f, k)))
                    {
                        var label = files.Count > 1 ? $"{k + 1}. " : "";
                        lines.Add($"      📎 {label}{Printable(f.Name)} ({Size(f.Size)})   /download {i + 1}");
                        owners.Add(m.Id);
                    }
                }
            }

            _lineMessages = owners;
            return lines;
        }
    }

    /// <summary>A size for people: bytes, KB, MB (powers of 1,000, as the server's limit is given).</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1_000 => bytes.ToString(CultureInfo.InvariantCulture) + " B",
        < 1_000_000 => (bytes / 1_000d).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => (bytes / 1_000_000d).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
    };

    /// <summary>Whether a keystroke in the current room should send a <c>typing</c> frame now (at most one every 3 seconds per room).</summary>
    public bool TypingDue()
    {
        lock (_gate)
        {
            if (_current is not { } room)
            {
                return false;
            }

            var now = time.GetUtcNow();
            if (_typingSent is { } last && last.Room == room && now - last.At < TypingEvery)
            {
                return false;
            }

            _typingSent = (room, now);
            return true;
        }
    }

    /// <summary>"… is typing" for the current room, for 5 seconds after each typing event.</summary>
    public string TypingLine()
    {
        lock (_gate)
        {
            var now = time.GetUtcNow();
            var who = _typing.Where(t => t.Key.Room == _current && now - t.Value < TypingShown).Select(t => Author(t.Key.User)).ToList();
            return who.Count switch
            {
                0 => "",
                1 => who[0] + " is typing…",
                _ => string.Join(", ", who) + " are typing…",
            };
        }
    }

    private string Author(Guid user) => user == me ? "me" : _names.TryGetValue(user, out var name) ? Printable(name) : user.ToString("N")[..8];

    private string RoomName(ChatRoom r) => r.Kind == "direct" && r.Peer is { } peer ? "@" + Author(peer) : Printable(r.Name);

    private string Body(ChatMessage m)
    {
        if (Room(m.RoomId)?.Encrypted != true)
        {
            return Printable(m.Body ?? "");
        }

        var opened = Opener?.Invoke(m);
        return opened?.Text is { } text ? Printable(text) : opened?.Problem ?? "🔒 (opening…)";
    }

    // Control characters from others would move the terminal's cursor or change its colours.
    private static string Printable(string s) => string.Concat(s.Select(c => c is '\n' or '\r' ? ' ' : char.IsControl(c) && c != '\t' ? '�' : c));

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
