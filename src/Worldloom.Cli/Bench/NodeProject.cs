using System.Diagnostics;
using System.Text.Json;

namespace Worldloom.Cli.Bench;

/// <summary>
/// One of the repository's Node.js programs under <c>bench/</c> (the chat load generator, the Socket.IO peer): found
/// from where <c>loom</c> runs, its packages installed with <c>npm ci</c> when missing or older than the lockfile.
/// </summary>
internal sealed class NodeProject
{
    private NodeProject(string directory) => Directory = directory;

    /// <summary>The project's folder, holding <c>package.json</c> and <c>package-lock.json</c>.</summary>
    public string Directory { get; }

    /// <summary>
    /// Finds <paramref name="relative"/> (e.g. <c>bench/chat-load</c>) above the working directory or above this
    /// program's own folder (<c>.build/cli</c> or a test's bin folder both sit inside the repository).
    /// </summary>
    public static NodeProject Locate(string relative)
    {
        foreach (var start in new[] { System.IO.Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, relative);
                if (File.Exists(Path.Combine(candidate, "package.json")))
                {
                    return new NodeProject(candidate);
                }
            }
        }

        throw new BenchSetupException($"{relative}/package.json not found above {System.IO.Directory.GetCurrentDirectory()} or {AppContext.BaseDirectory}; run loom from the repository.");
    }

    /// <summary>Runs <c>npm ci</c> unless <c>node_modules</c> is already as new as the lockfile.</summary>
    public async Task EnsureInstalledAsync(TextWriter log, CancellationToken ct)
    {
        var lockfile = Path.Combine(Directory, "package-lock.json");
        var installed = Path.Combine(Directory, "node_modules", ".package-lock.json");
        if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(lockfile))
        {
            return;
        }

        await log.WriteLineAsync($"Installing {Path.GetFileName(Directory)}'s packages (npm ci) ...");
        var start = new ProcessStartInfo("npm") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "ci", "--no-audit", "--no-fund", "--loglevel=error" })
        {
            start.ArgumentList.Add(arg);
        }

        using var npm = StartOrExplain(start, "npm");
        var output = npm.StandardOutput.ReadToEndAsync(ct);
        var errors = npm.StandardError.ReadToEndAsync(ct);
        await npm.WaitForExitAsync(ct);
        if (npm.ExitCode != 0)
        {
            throw new BenchSetupException($"npm ci in {Directory} failed ({npm.ExitCode}): {await errors}{await output}");
        }
    }

    /// <summary>
    /// Starts <c>node</c> with <paramref name="script"/> of this project and <paramref name="args"/>; standard output
    /// and error are redirected for the caller to read.
    /// </summary>
    public Process StartNode(string script, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Directory, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(Directory, script));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return StartOrExplain(start, "node");
    }

    /// <summary>
    /// Runs a load generator, <paramref name="script"/> with <paramref name="args"/>, to the end: its standard error goes
    /// to <paramref name="log"/>, and its last standard output line (camelCase JSON) is the result. Throws
    /// <see cref="BenchSetupException"/> naming <paramref name="target"/> when it fails or prints nothing.
    /// </summary>
    public async Task<T> RunForResultAsync<T>(string script, IEnumerable<string> args, string target, TextWriter log, CancellationToken ct)
        where T : class
    {
        using var process = StartNode(script, args);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.WriteLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var output = await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            var last = output.TrimEnd().Split('\n')[^1];
            if (process.ExitCode != 0 || last.Length == 0)
            {
                throw new BenchSetupException($"the load generator failed against {target} (exit {process.ExitCode}); its messages are above.");
            }

            return JsonSerializer.Deserialize<T>(last, ResultJson)
                ?? throw new BenchSetupException($"the load generator printed no result for {target}.");
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    /// <summary>
    /// Starts a peer server, <paramref name="script"/> with <paramref name="args"/>, and returns it with the first line
    /// it prints once listening (JSON); its standard error goes to <paramref name="log"/> marked <c>[peer]</c>. The
    /// caller stops it.
    /// </summary>
    public async Task<(Process Process, JsonElement Ready)> StartPeerAsync(string script, IEnumerable<string> args, TextWriter log, CancellationToken ct)
    {
        var process = StartNode(script, args);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log.WriteLine($"[peer] {e.Data}");
            }
        };
        process.BeginErrorReadLine();
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(30));
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                ?? throw new BenchSetupException($"the peer ({script}) exited ({(process.HasExited ? process.ExitCode : -1)}) before listening.");
            using var ready = JsonDocument.Parse(line);
            return (process, ready.RootElement.Clone());
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
            throw;
        }
    }

    private static readonly JsonSerializerOptions ResultJson = new(JsonSerializerDefaults.Web);

    private static Process StartOrExplain(ProcessStartInfo start, string tool)
    {
        try
        {
            return Process.Start(start) ?? throw new BenchSetupException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new BenchSetupException($"{tool} could not be started ({e.Message}); loom bench chat needs Node.js 20 or later on the PATH.");
        }
    }
}
