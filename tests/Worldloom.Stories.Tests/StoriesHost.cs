using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Platform.Accounts;
using Worldloom.Platform.Blobs;
using Worldloom.Platform.Jobs;
using Worldloom.Platform.Tests.Support;
using Worldloom.Stories.Core.Narration;
using Worldloom.Stories.Render;

namespace Worldloom.Stories.Tests;

/// <summary>
/// One real server shared by a test class, rendering tiny, short segments (128 × 72 at 6 fps, 3 s) so a segment takes
/// a second or two; a prompt filter is configured. Each test makes its own users and scenes. The video provider is the
/// real storyboard provider behind a gate a test may close, to hold a segment in <c>generating</c>; the blob store is
/// the real one behind another, to hold a job while it stores a rendered segment's files.
/// </summary>
public sealed class StoriesHost : IAsyncLifetime
{
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    public LoomHost Host { get; private set; } = null!;

    public GatedVideoProvider Video { get; private set; } = null!;

    public GatedBlobStore Blobs { get; private set; } = null!;

    /// <summary>The offline narrator, recording what each segment's job asked it.</summary>
    public RecordingNarrator Narrator { get; } = new(new GrammarNarrator());

    public async Task InitializeAsync()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Loom:Stories:SegmentSeconds"] = "3",
            ["Loom:Stories:Render:Width"] = "128",
            ["Loom:Stories:Render:Height"] = "72",
            ["Loom:Stories:Render:Fps"] = "6",
            ["Loom:Stories:Filter:Terms:0"] = "dragons",
            ["Loom:Stories:Filter:Rules:0"] = "no firearms",
            // Retries become due when a test moves the clock; the sweeper then notices them quickly.
            ["Loom:Jobs:SweepInterval"] = "00:00:00.200",
        };
        Host = await LoomHost.StartAsync(
            configure: b =>
            {
                b.Services.AddSingleton<IVideoProvider>(sp => Video = new GatedVideoProvider(
                    new Render.Storyboard.StoryboardVideoProvider(new RenderOptions { Width = 128, Height = 72, Fps = 6, ThumbnailWidth = 64 })));
                b.Services.AddSingleton<INarrator>(Narrator);
                // The platform's registration, wrapped: the store stays the one the configuration picks.
                var blobs = b.Services.Last(d => d.ServiceType == typeof(IBlobStore)).ImplementationFactory!;
                b.Services.AddSingleton<IBlobStore>(sp => Blobs = new GatedBlobStore((IBlobStore)blobs(sp)));
            },
            settings: settings);
        _ = Host.Services.GetRequiredService<IVideoProvider>();
        _ = Host.Services.GetRequiredService<IBlobStore>();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>A pro user: the free tier's two generations a week are too few for most tests.</summary>
    /// <summary>
    /// Starts a scene whose segment's job is cancelled while its files are being stored: only the database half of a
    /// cancel (enough on its own), so the job hears of it at its next progress report, the one after its files are
    /// stored, and not through its token. Returns the start's answer; the job ends cancelled.
    /// </summary>
    public async Task<JsonElement> StartCancelledAfterItsFilesAsync(TestUser user, object body)
    {
        Blobs.Close();
        try
        {
            var started = await StartSceneAsync(user, body);
            using var timeout = new CancellationTokenSource(Patience);
            await Blobs.Waiting.WaitAsync(timeout.Token);
            Assert.Equal(JobCancellation.Outcome.Requested, await Host.WithDbAsync(db =>
                JobCancellation.RequestAsync(db, started.GetProperty("jobId").GetGuid(), Host.Clock.GetUtcNow())));
            return started;
        }
        finally
        {
            Blobs.Open();
        }
    }

    public Task<TestUser> UserAsync(string role = Roles.User, string tier = Tiers.Pro) => Host.UserAsync(role, tier);

    /// <summary>Starts a scene; returns the 202 body (sceneId, segmentId, jobId).</summary>
    public static async Task<JsonElement> StartSceneAsync(TestUser user, object body)
    {
        var response = await user.Client.PostAsJsonAsync("/api/stories/scenes", body);
        return await JsonAsync(response, HttpStatusCode.Accepted);
    }

    /// <summary>Starts a scene and waits for its first segment's job; returns the scene.</summary>
    public static async Task<JsonElement> SceneAsync(TestUser user, object body)
    {
        var started = await StartSceneAsync(user, body);
        await JobAsync(user, started.GetProperty("jobId").GetGuid());
        return await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{started.GetProperty("sceneId")}");
    }

    /// <summary>Asks for the next segment and waits for its job; returns the segment as the scene shows it.</summary>
    public static async Task<JsonElement> ContinueAsync(TestUser user, Guid sceneId, string prompt)
    {
        var response = await user.Client.PostAsJsonAsync($"/api/stories/scenes/{sceneId}/segments", new { prompt });
        var started = await JsonAsync(response, HttpStatusCode.Accepted);
        await JobAsync(user, started.GetProperty("jobId").GetGuid());
        return await SegmentAsync(user, sceneId, started.GetProperty("segmentId").GetGuid());
    }

    public static async Task<JsonElement> SegmentAsync(TestUser user, Guid sceneId, Guid segmentId)
    {
        var scene = await user.Client.GetFromJsonAsync<JsonElement>($"/api/stories/scenes/{sceneId}");
        return scene.GetProperty("segments").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == segmentId);
    }

    public static Task<JobView> JobAsync(TestUser user, Guid id, string status = JobStatus.Succeeded) => JobWait.ForStatusAsync(user, id, status, Patience);

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} but got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }
}

/// <summary>The real video provider behind a gate: while <see cref="Close"/>d, renders wait at the start until <see cref="Open"/>.</summary>
public sealed class GatedVideoProvider(IVideoProvider inner) : IVideoProvider
{
    private TaskCompletionSource _gate = Opened();

    public string Name => inner.Name;

    private int _failures;

    public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The next <paramref name="count"/> renders fail as an encoder failure does.</summary>
    public void FailNext(int count) => _failures = count;

    public void Open() => _gate.TrySetResult();

    public async Task<VideoSegment> RenderAsync(VideoRequest request, IProgress<RenderProgress>? progress, CancellationToken cancellationToken)
    {
        await _gate.Task.WaitAsync(cancellationToken);
        if (Interlocked.Decrement(ref _failures) >= 0)
        {
            throw new InvalidOperationException("ffmpeg exited with code 1 (a failure made by the test).");
        }

        Interlocked.Exchange(ref _failures, 0);
        return await inner.RenderAsync(request, progress, cancellationToken);
    }

    private static TaskCompletionSource Opened()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}

/// <summary>
/// The real blob store behind a gate: while <see cref="Close"/>d, puts wait until <see cref="Open"/>, and
/// <see cref="Waiting"/> completes when the first one arrives.
/// </summary>
public sealed class GatedBlobStore(IBlobStore inner) : IBlobStore
{
    private TaskCompletionSource _gate = Opened();
    private TaskCompletionSource _waiting = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a put waits at the closed gate.</summary>
    public Task Waiting => _waiting.Task;

    public void Close()
    {
        _waiting = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Open() => _gate.TrySetResult();

    public async Task<BlobRef> PutAsync(Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        var gate = _gate;
        if (!gate.Task.IsCompleted)
        {
            _waiting.TrySetResult();
            await gate.Task.WaitAsync(cancellationToken);
        }

        return await inner.PutAsync(content, contentType, cancellationToken);
    }

    public Task<Stream?> OpenAsync(string sha256, CancellationToken cancellationToken = default) => inner.OpenAsync(sha256, cancellationToken);

    public Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken = default) => inner.ExistsAsync(sha256, cancellationToken);

    public Task<bool> DeleteAsync(string sha256, CancellationToken cancellationToken = default) => inner.DeleteAsync(sha256, cancellationToken);

    public IAsyncEnumerable<StoredBlob> ListAsync(CancellationToken cancellationToken = default) => inner.ListAsync(cancellationToken);

    public Task<bool> DeleteStaleAsync(string sha256, DateTimeOffset putBefore, CancellationToken cancellationToken = default) =>
        inner.DeleteStaleAsync(sha256, putBefore, cancellationToken);

    private static TaskCompletionSource Opened()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gate.SetResult();
        return gate;
    }
}

/// <summary>The real narrator, keeping each request by its prompt so a test can read what a job told it.</summary>
public sealed class RecordingNarrator(INarrator inner) : INarrator
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, NarrationRequest> _requests = new();

    public string Name => inner.Name;

    /// <summary>The last request made with <paramref name="prompt"/>.</summary>
    public NarrationRequest Request(string prompt) => _requests[prompt];

    public Task<NarrationResult> NarrateAsync(NarrationRequest request, CancellationToken cancellationToken)
    {
        _requests[request.Prompt] = request;
        return inner.NarrateAsync(request, cancellationToken);
    }
}
