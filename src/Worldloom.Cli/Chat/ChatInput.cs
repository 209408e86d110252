namespace Worldloom.Cli.Chat;

/// <summary>One line typed into <c>loom chat</c>'s input, parsed (<see cref="Parse"/>).</summary>
public abstract record ChatInput
{
    /// <summary>The command list <c>/help</c> shows.</summary>
    public const string Help =
        "/join <room-id|invite-code>  /dm <user>  /reply <n> text  /edit <n> text  /react <n> emoji  /search text  " +
        "/upload path  /download <n> [folder]  /leave  /quit  /help   (n = the number before a message; PageUp/PageDown scroll back)";

    /// <summary>Parses a line; text not starting with <c>/</c> is a message (<c>//</c> sends a literal slash).</summary>
    public static ChatInput Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = line.Trim();
        if (text.Length == 0)
        {
            return new Nothing();
        }

        if (!text.StartsWith('/'))
        {
            return new Say(text);
        }

        if (text.StartsWith("//", StringComparison.Ordinal))
        {
            return new Say(text[1..]);
        }

        var space = text.IndexOf(' ');
        var name = (space < 0 ? text[1..] : text[1..space]).ToLowerInvariant();
        var rest = space < 0 ? "" : text[(space + 1)..].Trim();
        return name switch
        {
            "join" => rest.Length > 0 && !rest.Contains(' ') ? new Join(rest) : new Invalid("usage: /join <room-id|invite-code>"),
            "dm" => rest.Length > 0 && !rest.Contains(' ') ? new Direct(rest) : new Invalid("usage: /dm <user>"),
            "reply" => Numbered(rest, "usage: /reply <n> text", (n, t) => new Reply(n, t)),
            "edit" => Numbered(rest, "usage: /edit <n> text", (n, t) => new Edit(n, t)),
            "react" => Numbered(rest, "usage: /react <n> emoji", (n, t) => t.Contains(' ') ? new Invalid("usage: /react <n> emoji") : new React(n, t)),
            "download" => DownloadOf(rest),
            "search" => rest.Length > 0 ? new Search(rest) : new Invalid("usage: /search text"),
            "upload" => rest.Length > 0 ? new Upload(rest) : new Invalid("usage: /upload path"),
            "leave" => new Leave(),
            "quit" or "exit" => new Quit(),
            "help" or "?" => new ShowHelp(),
            _ => new Invalid($"unknown command /{name}; /help lists them"),
        };
    }

    private static ChatInput DownloadOf(string rest)
    {
        var space = rest.IndexOf(' ');
        var number = space < 0 ? rest : rest[..space];
        var folder = space < 0 ? null : rest[(space + 1)..].Trim();
        return int.TryParse(number, out var n) && n >= 1 ? new Download(n, folder is { Length: > 0 } ? folder : null) : new Invalid("usage: /download <n> [folder]");
    }

    private static ChatInput Numbered(string rest, string usage, Func<int, string, ChatInput> make)
    {
        var space = rest.IndexOf(' ');
        if (space < 0 || !int.TryParse(rest[..space], out var n) || n < 1)
        {
            return new Invalid(usage);
        }

        var text = rest[(space + 1)..].Trim();
        return text.Length == 0 ? new Invalid(usage) : make(n, text);
    }

    /// <summary>An empty line.</summary>
    public sealed record Nothing : ChatInput;

    /// <summary>A message to the current room.</summary>
    /// <param name="Text">Body.</param>
    public sealed record Say(string Text) : ChatInput;

    /// <summary><c>/join</c>: a room id, or else an invite code.</summary>
    /// <param name="Target">Room id or invite code.</param>
    public sealed record Join(string Target) : ChatInput;

    /// <summary><c>/dm</c>.</summary>
    /// <param name="User">User (id or email).</param>
    public sealed record Direct(string User) : ChatInput;

    /// <summary><c>/reply</c>.</summary>
    /// <param name="Number">Message number on screen.</param>
    /// <param name="Text">Body.</param>
    public sealed record Reply(int Number, string Text) : ChatInput;

    /// <summary><c>/edit</c>.</summary>
    /// <param name="Number">Message number on screen.</param>
    /// <param name="Text">New body.</param>
    public sealed record Edit(int Number, string Text) : ChatInput;

    /// <summary><c>/react</c>.</summary>
    /// <param name="Number">Message number on screen.</param>
    /// <param name="Emoji">Emoji.</param>
    public sealed record React(int Number, string Emoji) : ChatInput;

    /// <summary><c>/search</c>.</summary>
    /// <param name="Text">Query.</param>
    public sealed record Search(string Text) : ChatInput;

    /// <summary><c>/upload</c>.</summary>
    /// <param name="Path">Local file.</param>
    public sealed record Upload(string Path) : ChatInput;

    /// <summary><c>/download</c>: the files of a message, into a folder (the default one when null).</summary>
    /// <param name="Number">Message number on screen.</param>
    /// <param name="Folder">Local folder; files are never written outside it and never over an existing file.</param>
    public sealed record Download(int Number, string? Folder) : ChatInput;

    /// <summary><c>/leave</c> the current room.</summary>
    public sealed record Leave : ChatInput;

    /// <summary><c>/quit</c>.</summary>
    public sealed record Quit : ChatInput;

    /// <summary><c>/help</c>.</summary>
    public sealed record ShowHelp : ChatInput;

    /// <summary>A malformed command.</summary>
    /// <param name="Reason">What to show.</param>
    public sealed record Invalid(string Reason) : ChatInput;
}
