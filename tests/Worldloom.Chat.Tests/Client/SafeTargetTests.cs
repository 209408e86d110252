using Worldloom.Chat.Client.Files;

namespace Worldloom.Chat.Tests.Client;

/// <summary>Where downloads land: inside the chosen folder, under a plain name, never over another file.</summary>
public sealed class SafeTargetTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("loom-safe-").FullName;

    [Theory]
    [InlineData("../../etc/passwd", ".._.._etc_passwd")]
    [InlineData("..", "download")]
    [InlineData(".", "download")]
    [InlineData("", "download")]
    [InlineData("/abs/path.txt", "_abs_path.txt")]
    [InlineData("C:\\Windows\\evil.dll", "C__Windows_evil.dll")]
    [InlineData("name\u202Etxt.exe", "name_txt.exe")]
    [InlineData("tab\tand\nline", "tab_and_line")]
    [InlineData("trailing. ", "trailing")]
    [InlineData("map.png", "map.png")]
    public void Names_BecomePlainFileNames(string name, string expected) => Assert.Equal(expected, SafeTarget.FileName(name));

    [Fact]
    public void Create_StaysInTheFolder_AndNeverOverwrites()
    {
        File.WriteAllText(Path.Combine(_folder, "map.png"), "mine");
        var (first, firstPath) = SafeTarget.Create(_folder, "map.png");
        first.Dispose();
        var (second, secondPath) = SafeTarget.Create(_folder, "map.png");
        second.Dispose();
        Assert.Equal(Path.Combine(_folder, "map (1).png"), firstPath);
        Assert.Equal(Path.Combine(_folder, "map (2).png"), secondPath);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(_folder, "map.png")));

        var (escape, escapePath) = SafeTarget.Create(_folder, "../outside.txt");
        escape.Dispose();
        Assert.Equal(_folder, Path.GetDirectoryName(escapePath));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_folder)!, "outside.txt")));

        Assert.Throws<DirectoryNotFoundException>(() => SafeTarget.Create(Path.Combine(_folder, "missing"), "x"));
    }

    [Fact]
    public void AttachmentKeys_RoundTrip_AndASealedKeyMustNameItsFile()
    {
        var secret = FileSecret.Create();
        var text = AttachmentKey.Text(secret);
        Assert.Equal(54, text.Length);
        var back = AttachmentKey.Secret(text);
        Assert.Equal(secret.Key.ToArray(), back.Key.ToArray());
        Assert.Equal(secret.NoncePrefix.ToArray(), back.NoncePrefix.ToArray());
        Assert.Throws<FormatException>(() => AttachmentKey.Secret(text[..^4]));
        Assert.Throws<FormatException>(() => AttachmentKey.Secret("not base64 at all!"));

        var file = Guid.CreateVersion7();
        var sealable = AttachmentKey.Sealable(file, text);
        Assert.Equal($"loom-file-key-v1 {file:D} {text}", sealable);
        Assert.Equal(text, AttachmentKey.FromOpened(sealable, file));
        Assert.Null(AttachmentKey.FromOpened(sealable, Guid.CreateVersion7()));
        Assert.Null(AttachmentKey.FromOpened($"loom-file-key-v1 {file:N} {text}", file));
        Assert.Null(AttachmentKey.FromOpened("hello " + text, file));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
