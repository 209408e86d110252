namespace Worldloom.Stories.Render;

/// <summary>
/// Turns a checked shot plan into a packaged video segment (HLS, subtitles, poster, thumbnails) in a directory.
/// The storyboard provider draws offline and is the default; a ComfyUI or hosted-model provider would implement the
/// same contract, so the generation job and the blob storage of the result do not change with the provider.
/// </summary>
public interface IVideoProvider
{
    /// <summary>The provider's name, stored with each segment (<c>storyboard</c>).</summary>
    string Name { get; }

    /// <summary>
    /// Renders <paramref name="request"/>; reports frames done through <paramref name="progress"/>. Throws
    /// <see cref="InvalidShotPlanException"/> for a plan it cannot draw (before any file is written) and
    /// <see cref="InvalidOperationException"/> when the encoder fails.
    /// </summary>
    Task<VideoSegment> RenderAsync(VideoRequest request, IProgress<RenderProgress>? progress, CancellationToken cancellationToken);
}
