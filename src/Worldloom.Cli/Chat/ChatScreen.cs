using System.Globalization;
using System.Text;
using System.Text.Json;
using Worldloom.Chat.Client.Realtime;
using Worldloom.Chat.Client.Rest;

namespace Worldloom.Cli.Chat;

/// <summary>
/// What <c>loom chat</c> shows, as plain state: rooms with unread counts, the current room's numbered messages, who is
/// typing, and a status line. Server frames go in through <see cref="Apply"/>; the Terminal.Gui views only render the
/// lines this class produces, so all of it is testable without a terminal.
/// </summary>
public sealed class ChatScreen(Guid me, TimeProvider time)
{
    private static readonly TimeSpan TypingShown = TimeSpan.FromSeconds(5);

    private readonly List<ChatRoom> _rooms = [];
    private readonly Dictionary<Guid, MessageLog> _logs = [];
    private readonly Dictionary<(Guid Room, Guid User), DateTimeOffset> _typing = [];

    /// <summary>The room shown, if any.</summary>
    public Guid? Current { get; private set; }

    /// <summary>The last error or notice.</summary>
    public string Status { get; set; } = "/help lists the commands";

    /// <summary>Rooms I am in.</summary>
    public IReadOnlyList<ChatRoom> Rooms => _rooms;

    /// <summary>Replaces the room list (from REST), keeping the current room when still listed.</summary>
    public void SetRooms(IEnumerable<ChatRoom> rooms)
    {
        ArgumentNullException.ThrowIfNull(rooms);
        _rooms.Clear();
        _rooms.AddRange(rooms.Where(r => r.Joined != false));
        if (Current is { } c && _rooms.All(r => r.Id != c))
        {
            Current = null;
        }

        Current ??= _rooms.FirstOrDefault()?.Id;
    }

    /// <summary>Adds or updates one room and shows it.</summary>
    public void Show(ChatRoom room)
    {
        ArgumentNullException.ThrowIfNull(room);
        var i = _rooms.FindIndex(r => r.Id == room.Id);
        if (i < 0)
        {
            _rooms.Add(room with { Unread = 0 });
        }
        else
        {
            _rooms[i] = _rooms[i] with { Unread = 0 };
        }

        Current = room.Id;
    }

    /// <summary>Shows a listed room by its position (0-based), clearing its unread count.</summary>
    public void Select(int index)
    {
        if (index >= 0 && index < _rooms.Count)
        {
            Show(_rooms[index]);
        }
    }

    /// <summary>Drops a room I left.</summary>
    public void Remove(Guid roomId)
    {
        _rooms.RemoveAll(r => r.Id == roomId);
        _logs.Remove(roomId);
        if (Current == roomId)
        {
            Current = _rooms.FirstOrDefault()?.Id;
        }
    }

    /// <summary>A room's messages, merged by id.</summary>
    public MessageLog Log(Guid roomId)
    {
        if (!_logs.TryGetValue(roomId, out var log))
        {
            _logs[roomId] = log = new MessageLog();
        }

        return log;
    }

    /// <summary>The current room's message numbered <paramref name="number"/> on screen (1-based), if any.</summary>
    public ChatMessage? Numbered(int number)
    {
        if (Current is not { } room)
        {
            return null;
        }

        var messages = Log(room).Messages;
        return number >= 1 && number <= messages.Count ? messages[number - 1] : null;
    }

    /// <summary>Takes in one server frame.</summary>
    public void Apply(JsonElement frame)
    {
        var type = frame.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "message" or "edited":
                var message = frame.GetProperty("message").Deserialize<ChatMessage>(ChatJson.Options)!;
                var isNew = Log(message.RoomId).Merge(message);
                _typing.Remove((message.RoomId, message.AuthorId));
                if (type == "message" && isNew && message.RoomId != Current && message.AuthorId != me)
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

    /// <summary>The room list's lines: name and unread count.</summary>
    public IReadOnlyList<string> RoomLines() =>
        [.. _rooms.Select(r => (r.Id == Current ? "> " : "  ") + r.Name + (r.Unread is > 0 ? $" ({r.Unread})" : ""))];

    /// <summary>The current room's lines: number, time, author, body, and the marks that go with it.</summary>
    public IReadOnlyList<string> MessageLines()
    {
        if (Current is not { } room)
        {
            return ["(no room: /join <room-id|invite-code>)"];
        }

        var messages = Log(room).Messages;
        var numbers = messages.Select((m, i) => (m.Id, N: i + 1)).ToDictionary(x => x.Id, x => x.N);
        var lines = new List<string>();
        foreach (var (m, i) in messages.Select((m, i) => (m, i)))
        {
            if (m.ReplyTo is { } to)
            {
                var quoted = Log(room).Find(to);
                lines.Add("      ↳ " + (quoted is null ? "(an earlier message)" : $"#{numbers[to]} {Author(quoted.AuthorId)}: {Clip(quoted.Deleted ? "(deleted)" : quoted.Body ?? "", 50)}"));
            }

            var line = new StringBuilder();
            line.Append(CultureInfo.InvariantCulture, $"{i + 1,3} {m.CreatedAt.ToLocalTime():HH:mm} {Author(m.AuthorId)}: ");
            line.Append(m.Deleted ? "(message deleted)" : m.Body);
            if (m.Edited && !m.Deleted)
            {
                line.Append(" (edited)");
            }

            if (m.Reactions is { Count: > 0 } reactions)
            {
                line.Append("  [").AppendJoin(' ', reactions.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")).Append(']');
            }

            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>"… is typing" for the current room, for 5 seconds after each typing event.</summary>
    public string TypingLine()
    {
        var now = time.GetUtcNow();
        var who = _typing.Where(t => t.Key.Room == Current && now - t.Value < TypingShown).Select(t => Author(t.Key.User)).ToList();
        return who.Count switch
        {
            0 => "",
            1 => who[0] + " is typing…",
            _ => string.Join(", ", who) + " are typing…",
        };
    }

    private string Author(Guid user) => user == me ? "me" : user.ToString("N")[..8];

    private static string Clip(string s, int n) => s.Length <= n ? s : s[..n] + "…";
}
