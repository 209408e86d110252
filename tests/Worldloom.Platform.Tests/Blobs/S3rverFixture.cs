using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Minio;

namespace Worldloom.Platform.Tests.Blobs;

/// <summary>
/// A real S3 endpoint for the tests: s3rver (npm, pinned in <c>tests/s3rver/package-lock.json</c>) on a free loopback
/// port with a temp data dir, installed with <c>npm ci</c> when missing. Without node, npm or s3rver the fixture throws,
/// so the S3 tests fail rather than skip.
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    /// <summary>s3rver accepts exactly this access key and secret.</summary>
    public const string Credential = "S3RVER";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "loom-s3rver-" + Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;

    public string Endpoint { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var packageDir = Path.Combine(RepositoryRoot(), "tests", "s3rver");
        if (!File.Exists(Path.Combine(packageDir, "node_modules", "s3rver", "bin", "s3rver.js")))
        {
            await RunToEndAsync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], packageDir, TimeSpan.FromMinutes(5));
        }

        Directory.CreateDirectory(_dataDir);
        var port = FreePort();
        Endpoint = $"http://127.0.0.1:{port}";
        // serve.js: s3rver with its list answers in S3's XML namespace (see there).
        _process = Start("node", [Path.Combine(packageDir, "serve.js"), _dataDir, port.ToString(), "127.0.0.1"], packageDir);
        await WaitUntilAnsweringAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// The keys of the objects in <paramref name="bucket"/>, read from s3rver's data dir: what is stored, past any
    /// S3 request.
    /// </summary>
    public IReadOnlyList<string> ObjectKeys(string bucket)
    {
        const string suffix = "._S3rver_object";
        var root = Path.Combine(_dataDir, bucket);
        return Directory.Exists(root)
            ? Directory.EnumerateFiles(root, "*" + suffix, SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f)[..^suffix.Length].Replace(Path.DirectorySeparatorChar, '/'))
                .ToList()
            : [];
    }

    /// <summary>A MinIO client for looking at the server directly, past the store.</summary>
    public IMinioClient Client() => new MinioClient()
        .WithEndpoint(new Uri(Endpoint).Authority)
        .WithSSL(false)
        .WithRegion("us-east-1")
        .WithCredentials(Credential, Credential)
        .Build();

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process?.Dispose();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }

        return Task.CompletedTask;
    }

    private async Task WaitUntilAnsweringAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode} before answering:\n{Output()}");
            }

            try
            {
                // Any HTTP answer (an unsigned request gets 403) means the server is up.
                using var _ = await http.GetAsync(Endpoint);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
            catch (TaskCanceledException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private Process Start(string file, string[] args, string workingDir)
    {
        var info = new ProcessStartInfo(file, args)
        {
            WorkingDirectory = workingDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{file}' is needed for the S3 blob store tests and could not be started: {e.Message}", e);
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task RunToEndAsync(string file, string[] args, string workingDir, TimeSpan timeout)
    {
        using var process = Start(file, args, workingDir);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} ran past {timeout}:\n{Output()}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed with code {process.ExitCode}:\n{Output()}");
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Worldloom.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Worldloom.slnx above {AppContext.BaseDirectory}.");
    }
}
