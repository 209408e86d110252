using System.Diagnostics;

namespace Worldloom.Platform.Tests.Cluster;

/// <summary>
/// The built CLI (<c>loom.dll</c>, copied into the test output because the tests reference Worldloom.Cli) run as a real
/// child process. Output is kept, so a failing test can show what the process said; disposing kills the whole tree.
/// </summary>
public sealed class LoomProcess : IAsyncDisposable
{
    private const int KeptLines = 400;

    private readonly Process _process;
    private readonly Queue<string> _output = new();
    private readonly Lock _gate = new();

    private LoomProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>What the test calls it in messages.</summary>
    public string Name { get; }

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string Output
    {
        get
        {
            lock (_gate)
            {
                return $"--- {Name} (last {KeptLines} lines) ---\n" + string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// How every test runs the CLI: <c>dotnet loom.dll ARGS</c> from the test output folder, with the runner's own
    /// Worldloom settings removed and <paramref name="environment"/> added.
    /// </summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, bool redirectInput)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "loom.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Whatever the test runner's own environment says about Worldloom must not leak into the child.
        foreach (var inherited in new[] { "LOOM_DB", "LOOM_DATA", "LOOM_CLUSTER" })
        {
            info.Environment.Remove(inherited);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Starts <c>dotnet loom.dll ARGS</c> with <paramref name="environment"/> added to this process's environment.</summary>
    public static LoomProcess Start(string name, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, bool redirectInput = false)
    {
        var info = StartInfo(args, environment, redirectInput);
        var process = new Process { StartInfo = info };
        var loom = new LoomProcess(name, process);
        process.OutputDataReceived += (_, e) => loom.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => loom.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return loom;
    }

    /// <summary>Runs a command to its end, feeding <paramref name="stdin"/>; fails the test on a non-zero exit or after <paramref name="limit"/>.</summary>
    public static async Task<string> RunAsync(string name, IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string stdin, TimeSpan limit)
    {
        await using var command = Start(name, args, environment, redirectInput: true);
        await command._process.StandardInput.WriteLineAsync(stdin);
        command._process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await command._process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"{name} did not finish within {limit.TotalSeconds:0} s.\n{command.Output}");
        }

        // The parameterless wait also waits for the output streams to drain.
        await command._process.WaitForExitAsync(CancellationToken.None);
        Assert.True(command._process.ExitCode == 0, $"{name} exited {command._process.ExitCode}.\n{command.Output}");
        return command.Output;
    }

    /// <summary>Polls <paramref name="baseAddress"/>/health until it answers 200, the process dies, or <paramref name="limit"/> passes.</summary>
    public async Task WaitHealthyAsync(Uri baseAddress, TimeSpan limit)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + limit;
        while (DateTimeOffset.UtcNow < deadline)
        {
            Assert.False(HasExited, $"{Name} exited with {(_process.HasExited ? _process.ExitCode : 0)} before it was healthy.\n{Output}");
            try
            {
                using var response = await http.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        Assert.Fail($"{Name} was not healthy at {baseAddress} within {limit.TotalSeconds:0} s.\n{Output}");
    }

    /// <summary>Kills the process and everything it started, as a crash or <c>kill -9</c> would, and waits for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(timeout.Token);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptLines)
            {
                _output.Dequeue();
            }
        }
    }
}
