using System.Diagnostics;
using System.Threading.Channels;

namespace Worldloom.Cli.Bench;

/// <summary>
/// Sends requests at a constant arrival rate, whether or not earlier ones have answered (an open loop). Request
/// <c>n</c> has a fixed slot, <c>start + n / rate</c>; a dispatcher releases each slot on time to whichever of
/// <c>concurrency</c> workers is free, and latency is measured from the slot, not from when a worker got round to it.
/// A closed loop (each worker waits for its answer before sending again) would instead slow down with the server and
/// leave a stall's victims out of the percentiles: coordinated omission.
/// </summary>
internal sealed class OpenLoopPhase
{
    // The dispatcher wakes about once a millisecond, so releasing only slots already due would add up to a tick of the
    // load generator's own lateness to every latency. Slots are released up to half a tick early instead, and latency is
    // counted from the earlier of slot and send, so an early release never makes a request look faster than it was.
    private static readonly long Lead = Stopwatch.Frequency / 2000;

    private readonly HttpClient _client;
    private readonly IReadOnlyList<BenchEndpoint> _endpoints;
    private readonly IReadOnlyList<string> _authorizations;
    private readonly double _ticksPerRequest;
    private readonly int _concurrency;
    private long _completed;

    /// <summary>
    /// A phase of <paramref name="rate"/> requests per second for <paramref name="duration"/>. Request <c>n</c> goes to
    /// <c>endpoints[n % endpoints.Count]</c>; authenticated ones carry the tokens in turn.
    /// </summary>
    public OpenLoopPhase(HttpClient client, IReadOnlyList<BenchEndpoint> endpoints, IReadOnlyList<string> tokens, double rate, TimeSpan duration, int concurrency)
    {
        _client = client;
        _endpoints = endpoints;
        _authorizations = tokens.Select(t => "Bearer " + t).ToList();
        _ticksPerRequest = Stopwatch.Frequency / rate;
        _concurrency = concurrency;
        Total = (long)Math.Round(rate * duration.TotalSeconds);
    }

    /// <summary>Requests the phase sends.</summary>
    public long Total { get; }

    /// <summary>Requests answered (or failed) so far; safe to read while the phase runs.</summary>
    public long Completed => Interlocked.Read(ref _completed);

    /// <summary>Runs the phase, including the responses still outstanding when the last slot has passed.</summary>
    public async Task<PhaseResult> RunAsync(CancellationToken ct)
    {
        var channel = Channel.CreateUnbounded<long>(new UnboundedChannelOptions { SingleWriter = true });
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var hostBefore = MachineInfo.CpuTicks();
        var start = Stopwatch.GetTimestamp();
        var capacity = (int)Math.Min(int.MaxValue, Total / _concurrency + 16);
        var workers = Enumerable.Range(0, _concurrency)
            .Select(_ => Task.Run(() => WorkAsync(channel.Reader, start, capacity, ct), ct))
            .ToArray();
        try
        {
            await DispatchAsync(channel.Writer, start, ct);
        }
        finally
        {
            channel.Writer.TryComplete();
        }

        var tallies = await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        var hostAfter = MachineInfo.CpuTicks();
        double? hostBusyCores = hostBefore is { } b && hostAfter is { } a && a.Total > b.Total
            ? Environment.ProcessorCount * (a.Busy - b.Busy) / (double)(a.Total - b.Total)
            : null;
        var statusCodes = tallies.SelectMany(t => t.StatusCodes).GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        return new PhaseResult(
            elapsed,
            cpu,
            hostBusyCores,
            Completed,
            tallies.Sum(t => t.Errors),
            statusCodes,
            LatencyRecorder.Summarize(tallies.SelectMany(t => t.Latency)),
            _endpoints.Select((e, i) => (e.Name, Summary: LatencyRecorder.Summarize(tallies.Select(t => t.Latency[i])))).ToDictionary(x => x.Name, x => x.Summary),
            LatencyRecorder.Summarize(tallies.Select(t => t.DispatchLag)));
    }

    private long Slot(long start, long sequence) => start + (long)(sequence * _ticksPerRequest);

    // The dispatcher is a thread of its own, not a timer callback on the thread pool: a pool timer tick reached the
    // slots about 1.5 ms late at any rate (measured), which would have been counted as latency; a dedicated thread
    // sleeping 1 ms at a time releases them within about 0.1 ms, and costs a wake-up per millisecond.
    private Task DispatchAsync(ChannelWriter<long> writer, long start, CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            long next = 0;
            while (next < Total && !ct.IsCancellationRequested)
            {
                var horizon = Stopwatch.GetTimestamp() + Lead;
                while (next < Total && Slot(start, next) <= horizon)
                {
                    writer.TryWrite(next++);
                }

                if (next < Total)
                {
                    Thread.Sleep(1);
                }
            }

            done.SetResult();
        })
        {
            IsBackground = true,
            Name = "bench dispatcher",
        };
        thread.Start();
        return done.Task;
    }

    private async Task<WorkerTally> WorkAsync(ChannelReader<long> reader, long start, int capacity, CancellationToken ct)
    {
        var tally = new WorkerTally(_endpoints.Count, capacity);
        await foreach (var sequence in reader.ReadAllAsync(ct))
        {
            var index = (int)(sequence % _endpoints.Count);
            var endpoint = _endpoints[index];
            using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.Path);
            if (endpoint.Authenticated)
            {
                request.Headers.TryAddWithoutValidation("Authorization", _authorizations[(int)(sequence / _endpoints.Count % _authorizations.Count)]);
            }

            var slot = Slot(start, sequence);
            var sent = Stopwatch.GetTimestamp();
            tally.DispatchLag.Record(Math.Max(0, sent - slot));
            try
            {
                using var response = await _client.SendAsync(request, ct);
                tally.Latency[index].Record(Stopwatch.GetTimestamp() - Math.Min(slot, sent));
                tally.CountStatus((int)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                tally.Errors++;
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                // HttpClient's timeout, not the user's Ctrl+C.
                tally.Errors++;
            }

            Interlocked.Increment(ref _completed);
        }

        return tally;
    }
}
