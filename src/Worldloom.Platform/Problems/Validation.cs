namespace Worldloom.Platform.Problems;

/// <summary>Collects field errors for one request so all of them are reported at once.</summary>
public sealed class Validation
{
    // Made on the first error: most requests are valid, and chat validates every message sent.
    private Dictionary<string, List<string>>? _errors;

    /// <summary>True once any error was added.</summary>
    public bool Failed => _errors is not null;

    /// <summary>The first error of <paramref name="field"/>, or null: for answers that are not problem details (WebSocket frames).</summary>
    public string? FirstError(string field) => _errors is not null && _errors.TryGetValue(field, out var list) ? list[0] : null;

    /// <summary>The first field with an error and its first error: for answers that name one field (WebSocket frames).</summary>
    public (string Field, string Message) First()
    {
        var (field, list) = (_errors ?? throw new InvalidOperationException("No error was added.")).First();
        return (field, list[0]);
    }

    /// <summary>Adds an error for a field.</summary>
    public Validation Add(string field, string message)
    {
        _errors ??= [];
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
        return this;
    }

    /// <summary>Checks a required string: present, not blank, at most <paramref name="max"/> characters. Returns the trimmed value.</summary>
    public string Text(string field, string? value, int max, int min = 1)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            Add(field, "is required.");
            return "";
        }

        if (trimmed.Length < min)
        {
            Add(field, $"must be at least {min} characters.");
        }
        else if (trimmed.Length > max)
        {
            Add(field, $"must be at most {max} characters.");
        }

        return trimmed;
    }

    /// <summary>The 400 problem for everything collected.</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Problem() =>
        Problems.Fields((_errors ?? []).ToDictionary(e => e.Key, e => e.Value.ToArray()));
}
