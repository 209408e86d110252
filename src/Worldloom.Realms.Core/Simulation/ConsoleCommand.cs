using System.Globalization;

namespace Worldloom.Realms.Core.Simulation;

/// <summary>A parsed dev console command line (Test Area). Who may run it is the server's business.</summary>
/// <param name="Kind">Which command.</param>
/// <param name="Enemy">For <c>/spawn</c>: a species id or name, or an archetype id; otherwise empty.</param>
/// <param name="Count">For <c>/spawn</c>: how many (1..<see cref="MaxSpawn"/>); otherwise 0.</param>
/// <param name="X">For <c>/tp</c>: the tile column.</param>
/// <param name="Y">For <c>/tp</c>: the tile row.</param>
public sealed record ConsoleCommand(ConsoleCommandKind Kind, string Enemy, int Count, int X, int Y)
{
    /// <summary>Most enemies one <c>/spawn</c> may create.</summary>
    public const int MaxSpawn = 50;

    /// <summary>The commands, for help text.</summary>
    public const string Usage = "/spawn <enemy> [n], /reset, /god, /tp <x> <y>, /heal, /killall";

    /// <summary>Parses a command line such as <c>/spawn wolf 3</c>.</summary>
    /// <exception cref="FormatException">Not a command; the message says what is wrong and how to write it.</exception>
    public static ConsoleCommand Parse(string line) =>
        TryParse(line, out var command, out var error) ? command : throw new FormatException(error);

    /// <summary>Parses a command line; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConsoleCommand? command, out string error)
    {
        command = null;
        error = string.Empty;
        var words = (line ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (words.Length == 0 || !words[0].StartsWith('/'))
        {
            error = $"Commands start with '/': {Usage}.";
            return false;
        }

        var name = words[0][1..].ToLowerInvariant();
        var args = words.AsSpan(1);
        switch (name)
        {
            case "spawn":
                // Species names have spaces ("Grey Wolf"): a trailing whole number is the count, the rest the enemy.
                var count = 1;
                var nameWords = args;
                if (args.Length >= 2 && args[^1].TrimStart('-', '+').Length > 0 && args[^1].TrimStart('-', '+').All(char.IsAsciiDigit))
                {
                    if (!int.TryParse(args[^1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count) || count < 1 || count > MaxSpawn)
                    {
                        error = $"/spawn: n must be a whole number from 1 to {MaxSpawn}, not '{args[^1]}'.";
                        return false;
                    }

                    nameWords = args[..^1];
                }

                if (nameWords.Length == 0)
                {
                    error = "Usage: /spawn <enemy> [n] (enemy: a species id or name, or an archetype; n from 1 to 50).";
                    return false;
                }

                command = new ConsoleCommand(ConsoleCommandKind.Spawn, string.Join(' ', nameWords.ToArray()), count, 0, 0);
                return true;
            case "tp":
                if (args.Length != 2)
                {
                    error = "Usage: /tp <x> <y> (tile column and row in this zone).";
                    return false;
                }

                if (!int.TryParse(args[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var x)
                    || !int.TryParse(args[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var y))
                {
                    error = $"/tp: x and y must be whole numbers, not '{args[0]}' '{args[1]}'.";
                    return false;
                }

                command = new ConsoleCommand(ConsoleCommandKind.Teleport, string.Empty, 0, x, y);
                return true;
            case "reset" or "god" or "heal" or "killall":
                if (args.Length != 0)
                {
                    error = $"/{name} takes no arguments.";
                    return false;
                }

                var kind = name switch
                {
                    "reset" => ConsoleCommandKind.Reset,
                    "god" => ConsoleCommandKind.God,
                    "heal" => ConsoleCommandKind.Heal,
                    _ => ConsoleCommandKind.KillAll,
                };
                command = new ConsoleCommand(kind, string.Empty, 0, 0, 0);
                return true;
            default:
                error = $"Unknown command '/{name}'. Commands: {Usage}.";
                return false;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Kind switch
    {
        ConsoleCommandKind.Spawn => $"/spawn {Enemy} {Count}",
        ConsoleCommandKind.Teleport => $"/tp {X} {Y}",
        ConsoleCommandKind.Reset => "/reset",
        ConsoleCommandKind.God => "/god",
        ConsoleCommandKind.Heal => "/heal",
        _ => "/killall",
    };
}
