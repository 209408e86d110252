using System.Diagnostics.Metrics;
using Worldloom.Realms;

namespace Worldloom.Cli.Bench;

/// <summary>
/// Every zone tick's exact duration in this process, from <see cref="RealmsMetrics.TickDuration"/>, answered as the
/// Colyseus peer answers its <c>/stats</c> so the load generator reads both servers alike.
/// </summary>
internal sealed class RealmsTickRecorder : IDisposable
{
    /// <summary>The tick budget at 20 Hz: a tick that takes longer delays the next one.</summary>
    public const double BudgetMs = 50;

    /// <summary>Where the in-process bench server answers <see cref="Read"/> (<c>?reset=1</c> starts a new window).</summary>
    public const string Path = "/bench/realms/ticks";

    private readonly MeterListener _listener = new();
    private readonly Lock _gate = new();
    private List<double> _ms = [];

    /// <summary>Starts listening.</summary>
    public RealmsTickRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RealmsMetrics.MeterName && instrument.Name == RealmsMetrics.TickDurationName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, seconds, _, _) =>
        {
            lock (_gate)
            {
                _ms.Add(seconds * 1000);
            }
        });
        _listener.Start();
    }

    /// <summary>The ticks since the last reset (every zone's together), and a new window if <paramref name="reset"/>.</summary>
    public TickWindow Read(bool reset)
    {
        List<double> ms;
        lock (_gate)
        {
            ms = reset ? _ms : [.. _ms];
            if (reset)
            {
                _ms = [];
            }
        }

        ms.Sort();
        double? At(double p) => ms.Count == 0 ? null : Math.Round(ms[Math.Clamp((int)Math.Ceiling(p * ms.Count) - 1, 0, ms.Count - 1)], 3);
        return new TickWindow(ms.Count, At(0.5), At(0.99), ms.Count == 0 ? null : Math.Round(ms[^1], 3), ms.Count(t => t > BudgetMs));
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    /// <summary>Tick figures of one window, in the peer's <c>/stats</c> names.</summary>
    /// <param name="Ticks">Ticks recorded, every zone's.</param>
    /// <param name="TickP50Ms">Median duration.</param>
    /// <param name="TickP99Ms">99th percentile (nearest rank).</param>
    /// <param name="TickMaxMs">Longest.</param>
    /// <param name="Overruns">Ticks longer than the 50 ms budget.</param>
    internal sealed record TickWindow(int Ticks, double? TickP50Ms, double? TickP99Ms, double? TickMaxMs, int Overruns);
}
