using System.ComponentModel;
using System.Diagnostics;

namespace Worldloom.Forge.Export.Tests.Tiled;

/// <summary>
/// Runs Tiled's own renderer, <c>tmxrasterizer</c> (Debian package <c>tiled</c>), headless on a map file. A missing
/// tool, a non-zero exit or a run past the timeout fails the test with what the tool printed.
/// </summary>
internal static class TmxRasterizer
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Renders <paramref name="map"/> to <paramref name="png"/> at <paramref name="tileSize"/> pixels per tile; Qt's
    /// runtime files go to <paramref name="runtimeDirectory"/>, which must be private to the user (mode 0700).
    /// </summary>
    public static void Render(string map, string png, int tileSize, string runtimeDirectory)
    {
        var start = new ProcessStartInfo("tmxrasterizer")
        {
            ArgumentList = { "--tilesize", tileSize.ToString(System.Globalization.CultureInfo.InvariantCulture), map, png },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Qt needs a display unless told to draw off screen; the runtime directory only keeps its warnings quiet.
        start.Environment["QT_QPA_PLATFORM"] = "offscreen";
        start.Environment["XDG_RUNTIME_DIR"] = runtimeDirectory;
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("tmxrasterizer did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"tmxrasterizer is not installed (Debian package 'tiled'; ./test installs it): {e.Message}");
            return;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"tmxrasterizer {map} ran past {Timeout.TotalSeconds} s; stderr: {stderr.Result}");
            }

            Assert.True(
                process.ExitCode == 0,
                $"tmxrasterizer {map} exited with {process.ExitCode}; stdout: {stdout.Result} stderr: {stderr.Result}");
            Assert.True(File.Exists(png), $"tmxrasterizer {map} exited 0 but wrote no {png}; stderr: {stderr.Result}");
        }
    }
}
