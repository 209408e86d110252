using Microsoft.Data.Sqlite;

namespace Worldloom.Platform.Tests.Cli;

[Trait("Category", "Cli")]
public sealed class CliTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "loom-cli-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task AdminCreate_ThenAuditVerify_IsOk()
    {
        var created = await LoomCli.RunAsync("a long admin password", "admin", "create", "--email", "Root@Example.com", "--password-stdin", "--data", _data);
        Assert.True(created.ExitCode == 0, created.Stderr);
        Assert.Contains("root@example.com", created.Stdout);

        var verify = await LoomCli.RunAsync(null, "audit", "verify", "--data", _data);

        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.Contains("OK: 1 entries", verify.Stdout);
    }

    [Fact]
    public async Task AuditVerify_TamperedRow_ExitsOneNamingSeq()
    {
        await LoomCli.RunAsync("a long admin password", "admin", "create", "--email", "a@example.com", "--password-stdin", "--data", _data);
        await LoomCli.RunAsync("a long admin password", "admin", "create", "--email", "b@example.com", "--password-stdin", "--data", _data);
        await LoomCli.RunAsync("a long admin password", "admin", "create", "--email", "c@example.com", "--password-stdin", "--data", _data);
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(_data, "loom.db")};Pooling=false"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "UPDATE audit_entries SET \"Ip\" = '6.6.6.6' WHERE \"Seq\" = 2";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var verify = await LoomCli.RunAsync(null, "audit", "verify", "--data", _data);

        Assert.Equal(1, verify.ExitCode);
        Assert.Contains("seq 2", verify.Stderr);
    }

    [Fact]
    public async Task AuditExport_WritesOneJsonLinePerEntry()
    {
        await LoomCli.RunAsync("a long admin password", "admin", "create", "--email", "a@example.com", "--password-stdin", "--data", _data);
        var file = Path.Combine(_data, "audit.jsonl");

        var export = await LoomCli.RunAsync(null, "audit", "export", "--out", file, "--data", _data);

        Assert.True(export.ExitCode == 0, export.Stderr);
        var line = Assert.Single(await File.ReadAllLinesAsync(file));
        Assert.Contains("\"action\":\"auth.register\"", line);
    }

    [Fact]
    public async Task BlobsSweep_DryRunCounts_ThenTheSweepDeletesOnlyTheOldOrphan_AndIsAudited()
    {
        var old = Blob("left by a cancelled job", DateTime.UtcNow.AddDays(-2));
        var fresh = Blob("just stored", DateTime.UtcNow);

        var dry = await LoomCli.RunAsync(null, "blobs", "sweep", "--dry-run", "--data", _data);

        Assert.True(dry.ExitCode == 0, dry.Stderr);
        Assert.Contains("2 stored, 0 named by rows, 1 unreferenced", dry.Stdout);
        Assert.Contains("dry run: nothing deleted", dry.Stdout);
        Assert.True(File.Exists(old));

        var sweep = await LoomCli.RunAsync(null, "blobs", "sweep", "--data", _data);

        Assert.True(sweep.ExitCode == 0, sweep.Stderr);
        Assert.Contains($"deleted 1 ({"left by a cancelled job".Length} bytes)", sweep.Stdout);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
        var verify = await LoomCli.RunAsync(null, "audit", "verify", "--data", _data);
        Assert.Contains("OK: 1 entries", verify.Stdout);
    }

    [Fact]
    public async Task BlobsSweep_UnknownOption_ExitsNonZeroNamingIt()
    {
        var run = await LoomCli.RunAsync(null, "blobs", "sweep", "--dry", "--data", _data);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--dry", run.Stderr);
    }

    /// <summary>Writes a blob where the filesystem store keeps it, last put at <paramref name="lastPut"/>.</summary>
    private string Blob(string text, DateTime lastPut)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var path = Path.Combine(_data, "blobs", sha[..2], sha[2..4], sha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        File.SetLastWriteTimeUtc(path, lastPut);
        return path;
    }

    [Theory]
    [InlineData("short", "password")]
    [InlineData("", "password")]
    public async Task AdminCreate_BadPassword_ExitsTwoAndCreatesNothing(string password, string field)
    {
        var run = await LoomCli.RunAsync(password, "admin", "create", "--email", "a@example.com", "--password-stdin", "--data", _data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(field, run.Stderr);
        Assert.False(File.Exists(Path.Combine(_data, "loom.db")));
    }

    [Fact]
    public async Task AdminCreate_BadEmail_ExitsTwo()
    {
        var run = await LoomCli.RunAsync("a long admin password", "admin", "create", "--email", "not an email", "--password-stdin", "--data", _data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("email", run.Stderr);
    }

    [Fact]
    public async Task AdminCreate_WithoutPasswordStdin_Refused()
    {
        var run = await LoomCli.RunAsync(null, "admin", "create", "--email", "a@example.com", "--data", _data);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--password-stdin", run.Stderr);
    }

    [Fact]
    public async Task AdminCreate_DuplicateEmail_ExitsOne()
    {
        await LoomCli.RunAsync("a long admin password", "admin", "create", "--email", "a@example.com", "--password-stdin", "--data", _data);

        var again = await LoomCli.RunAsync("a long admin password", "admin", "create", "--email", "A@example.com", "--password-stdin", "--data", _data);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Stderr);
    }

    [Fact]
    public async Task KeysRotate_AddsACurrentKey()
    {
        var rotate = await LoomCli.RunAsync(null, "keys", "rotate", "--data", _data);
        var list = await LoomCli.RunAsync(null, "keys", "list", "--data", _data);

        Assert.True(rotate.ExitCode == 0, rotate.Stdout + rotate.Stderr);
        Assert.True(list.ExitCode == 0, list.Stdout + list.Stderr);
        var lines = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 2, $"keys list printed:\n{list.Stdout}\nstderr:\n{list.Stderr}");
        var kid = rotate.Stdout.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.True(lines[^1].StartsWith(kid, StringComparison.Ordinal), $"rotate printed '{rotate.Stdout}', list printed:\n{list.Stdout}");
    }

    [Fact]
    public async Task JobsShow_UnknownId_ExitsOne()
    {
        var run = await LoomCli.RunAsync(null, "jobs", "show", Guid.NewGuid().ToString(), "--data", _data);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("no job", run.Stderr);
    }

    [Fact]
    public async Task UnknownCommand_ExitsNonZero()
    {
        var run = await LoomCli.RunAsync(null, "frobnicate");

        Assert.NotEqual(0, run.ExitCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }
}
