using System.Diagnostics;

namespace Worldloom.Forge.Tests.Cli;

/// <summary>
/// Runs the real CLI as the platform tests do: <c>dotnet loom.dll ARGS</c> from the test output folder (the project
/// references Worldloom.Cli, which puts loom.dll there), with the runner's own Worldloom settings removed.
/// </summary>
public static class Loom
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
    }

    public static async Task<Run> RunAsync(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "loom.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var inherited in new[] { "LOOM_DB", "LOOM_DATA", "LOOM_CLUSTER" })
        {
            info.Environment.Remove(inherited);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"loom {string.Join(' ', args)} did not finish");
        }

        return new Run(process.ExitCode, await stdout, await stderr);
    }
}
