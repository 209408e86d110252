using System.Diagnostics;
using System.Text.Json;
using Worldloom.Forge.Export.Engines;

namespace Worldloom.Forge.Export.Tests.Blender;

/// <summary>
/// Runs the real Blender (Debian's <c>blender</c>, which ./test installs) headless on an exported folder: the export's
/// build_world.py, then the test's check_world.py, whose JSON report it returns. Missing Blender fails the test.
/// </summary>
internal static class BlenderRun
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    public static JsonDocument Check(EngineFiles files)
    {
        var blender = Executable();
        var folder = Directory.CreateTempSubdirectory("worldloom-blender-");
        try
        {
            foreach (var file in files.Files)
            {
                var path = Path.Combine(folder.FullName, file.Path[(files.Engine.Length + 1)..]);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }

            var check = Path.Combine(AppContext.BaseDirectory, "Blender", "check_world.py");
            var start = new ProcessStartInfo(blender)
            {
                WorkingDirectory = folder.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { "-b", "--factory-startup", "--python-exit-code", "1", "--python", Path.Combine(folder.FullName, "build_world.py"), "--python", check })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"blender did not finish within {Timeout.TotalSeconds} s.\nstdout:\n{stdout.Result}\nstderr:\n{stderr.Result}");
            }

            var output = stdout.Result;
            var report = output.Split('\n').FirstOrDefault(line => line.StartsWith("WORLDLOOM_CHECK ", StringComparison.Ordinal));
            Assert.True(process.ExitCode == 0 && report is not null,
                $"blender exited with {process.ExitCode} and {(report is null ? "no" : "a")} report.\nstdout:\n{output}\nstderr:\n{stderr.Result}");
            return JsonDocument.Parse(report!["WORLDLOOM_CHECK ".Length..]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Executable()
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, "blender");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("blender is not installed (Debian package `blender`; ./test installs it): the Blender export cannot be checked.");
        return "";
    }
}
