using System.Diagnostics;

namespace Worldloom.Platform.Tests.Cli;

/// <summary>Runs the real <c>loom</c> CLI (loom.dll, copied beside the tests) as a separate process.</summary>
public static class LoomCli
{
    public sealed record Run(int ExitCode, string Stdout, string Stderr);

    public static async Task<Run> RunAsync(string? stdin, params string[] args)
    {
        // Each run builds the app without starting it; a free silo port keeps it clear of anything listening.
        var info = Cluster.LoomProcess.StartInfo(
            args,
            new Dictionary<string, string>
            {
                ["Loom__Cluster__SiloPort"] = Support.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Loom__Cluster__GatewayPort"] = Support.FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            redirectInput: true);
        using var process = Process.Start(info)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }

        process.StandardInput.Close();
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
