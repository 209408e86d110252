using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Worldloom.Stories.Narration;

/// <summary>
/// The narrator's configuration (<c>Loom:Stories:Narrator</c>), checked: <c>Provider</c> (<c>grammar</c>, the default;
/// <c>ollama</c>; <c>openai</c>; the section's own value also names it, so <c>Loom__Stories__Narrator=ollama</c>
/// works), <c>Endpoint</c> and <c>Model</c> for the LLM providers, an optional <c>ApiKey</c>, <c>TimeoutSeconds</c>
/// (120) and <c>MaxAttempts</c> (3).
/// </summary>
public sealed record NarratorSettings
{
    /// <summary>The offline narrator.</summary>
    public const string Grammar = "grammar";

    /// <summary>Ollama's <c>/api/chat</c>.</summary>
    public const string Ollama = "ollama";

    /// <summary>An OpenAI-compatible <c>/v1/chat/completions</c>.</summary>
    public const string OpenAi = "openai";

    /// <summary>Which narrator.</summary>
    public string Provider { get; init; } = Grammar;

    /// <summary>The server's base address (Ollama: <c>http://127.0.0.1:11434</c>; OpenAI-compatible: up to and including <c>/v1</c>).</summary>
    public Uri? Endpoint { get; init; }

    /// <summary>The model name.</summary>
    public string? Model { get; init; }

    /// <summary>The API key, for OpenAI-compatible servers that want one.</summary>
    public string? ApiKey { get; init; }

    /// <summary>How long one answer may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Most attempts at a usable plan.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>
    /// Reads and checks <paramref name="section"/>; throws <see cref="InvalidOperationException"/> listing every bad
    /// key by its full configuration path, so a misconfigured server stops at startup with the reason.
    /// </summary>
    public static NarratorSettings Read(IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var errors = new List<string>();
        var provider = (section["Provider"] ?? section.Value ?? Grammar).Trim().ToLowerInvariant();
        if (provider is not (Grammar or Ollama or OpenAi))
        {
            errors.Add($"{section.Path}:Provider: unknown narrator \"{provider}\"; expected {Grammar}, {Ollama} or {OpenAi}.");
        }

        Uri? endpoint = null;
        string? model = null;
        if (provider is Ollama or OpenAi)
        {
            var text = section["Endpoint"];
            if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add($"{section.Path}:Endpoint: required for the {provider} narrator (e.g. {(provider == Ollama ? "http://127.0.0.1:11434" : "http://127.0.0.1:8000/v1")}).");
            }
            else if (!Uri.TryCreate(text, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                errors.Add($"{section.Path}:Endpoint: \"{text}\" is not an absolute http:// or https:// address.");
                endpoint = null;
            }

            model = section["Model"];
            if (string.IsNullOrWhiteSpace(model))
            {
                errors.Add($"{section.Path}:Model: required for the {provider} narrator (e.g. llama3.2).");
            }
        }

        var timeout = Number(section, "TimeoutSeconds", 120, 1, 3600, errors);
        var attempts = Number(section, "MaxAttempts", 3, 1, 8, errors);
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The story narrator is misconfigured:\n  " + string.Join("\n  ", errors));
        }

        return new NarratorSettings
        {
            Provider = provider,
            Endpoint = endpoint,
            Model = model?.Trim(),
            ApiKey = string.IsNullOrWhiteSpace(section["ApiKey"]) ? null : section["ApiKey"],
            Timeout = TimeSpan.FromSeconds(timeout),
            MaxAttempts = attempts,
        };
    }

    private static int Number(IConfigurationSection section, string key, int absent, int min, int max, List<string> errors)
    {
        var text = section[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return absent;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add($"{section.Path}:{key}: must be a whole number from {min} to {max}; got \"{text}\".");
            return absent;
        }

        return value;
    }
}
