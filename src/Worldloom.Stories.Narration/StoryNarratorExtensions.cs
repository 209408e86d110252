using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Worldloom.Stories.Core.Narration;

namespace Worldloom.Stories.Narration;

/// <summary>Registers the story narrator chosen by configuration.</summary>
public static class StoryNarratorExtensions
{
    /// <summary>
    /// Registers the <see cref="INarrator"/> that <paramref name="section"/> (<c>Loom:Stories:Narrator</c>) names,
    /// replacing any registered before: <see cref="GrammarNarrator"/> by default, or a <see cref="ChatNarrator"/> over
    /// Ollama or an OpenAI-compatible endpoint. The settings are read now, so bad configuration fails at startup
    /// (<see cref="InvalidOperationException"/> naming the keys), not at the first segment.
    /// </summary>
    public static IServiceCollection AddStoryNarrator(this IServiceCollection services, IConfigurationSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = NarratorSettings.Read(section);
        services.RemoveAll<INarrator>();
        services.AddSingleton(_ => StoryNarrators.Create(settings));
        return services;
    }
}
