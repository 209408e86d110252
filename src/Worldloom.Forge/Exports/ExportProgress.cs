using System.Text.Json;
using Worldloom.Forge.Export;

namespace Worldloom.Forge.Exports;

/// <summary>
/// Collects an export's per-engine status as the exporters report it. The exporters call in from parallel threads and
/// must never wait on the database, so each call only updates the state under a short lock and completes
/// <see cref="Changed"/>; the job's own loop takes a <see cref="Read"/> and writes it out at its pace.
/// </summary>
public sealed class ExportProgress : IExportObserver
{
    private readonly Lock _gate = new();
    private readonly EngineState[] _engines;
    private bool _packing;
    private int _version;

    // Continuations run on the thread pool, not inline on the exporter thread that completed the signal.
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts with every engine of <paramref name="engines"/> queued.</summary>
    public ExportProgress(IReadOnlyList<string> engines)
    {
        ArgumentNullException.ThrowIfNull(engines);
        _engines = [.. engines.Select(e => new EngineState(e, EngineState.Queued, 0, 0))];
    }

    /// <summary>Completes at the next change after it was read.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <inheritdoc />
    public void EngineStarted(string engine) => Update(engine, _ => new EngineState(engine, EngineState.Running, 0, 0));

    /// <inheritdoc />
    public void EngineFinished(string engine, int files, long bytes) => Update(engine, _ => new EngineState(engine, EngineState.Done, files, bytes));

    /// <inheritdoc />
    public void Packing() => Update(null, null);

    /// <summary>The state now: a version that grows with every change, each engine, and the progress it means.</summary>
    public ExportProgressReading Read()
    {
        lock (_gate)
        {
            var done = _engines.Count(e => e.Status == EngineState.Done);
            var running = _engines.Where(e => e.Status == EngineState.Running).Select(e => e.Engine).ToList();
            // The exporters take 5–85 %, packing (hashing, signing, zipping) up to 90 %, storing the rest.
            var percent = _packing ? 85 : 5 + (80 * done / Math.Max(1, _engines.Length));
            var stage = _packing
                ? "packing the bundle"
                : running.Count > 0
                    ? $"exporting {string.Join(", ", running)} ({done} of {_engines.Length} engines done)"
                    : $"{done} of {_engines.Length} engines done";
            return new ExportProgressReading(_version, [.. _engines], percent, stage);
        }
    }

    /// <summary>The engines' states as the record stores them.</summary>
    public static string ToJson(IReadOnlyList<EngineState> engines) => JsonSerializer.Serialize(engines, JsonSerializerOptions.Web);

    /// <summary>Reads what <see cref="ToJson"/> wrote.</summary>
    public static IReadOnlyList<EngineState> FromJson(string json) =>
        JsonSerializer.Deserialize<List<EngineState>>(json, JsonSerializerOptions.Web) ?? [];

    private void Update(string? engine, Func<EngineState, EngineState>? change)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (engine is null)
            {
                _packing = true;
            }
            else
            {
                var i = Array.FindIndex(_engines, e => e.Engine == engine);
                if (i < 0)
                {
                    return;
                }

                _engines[i] = change!(_engines[i]);
            }

            _version++;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }
}
