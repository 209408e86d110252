using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Worldloom.Chat.Client.Files;
using Worldloom.Platform.Tests.Support;

namespace Worldloom.Chat.Tests.Files;

/// <summary>Shared steps of the file tests: clients that count their requests, raw uploads, random content.</summary>
public static class FileKit
{
    public const int SmallChunk = 64 * 1024;

    /// <summary>A client for <paramref name="user"/> through <paramref name="counter"/>, so a test can see what was sent.</summary>
    public static HttpClient Counted(LoomHost host, TestUser user, RequestCounter counter)
    {
        var server = (TestServer)host.Services.GetRequiredService<IServer>();
        counter.InnerHandler = server.CreateHandler();
        var client = new HttpClient(counter) { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        return client;
    }

    public static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        System.Security.Cryptography.RandomNumberGenerator.Fill(bytes);
        return bytes;
    }

    public static Task<HttpResponseMessage> CreateAsync(TestUser user, Guid room, object body) =>
        user.Client.PostAsJsonAsync($"/api/chat/rooms/{room}/files", body);

    public static Task<HttpResponseMessage> PutAsync(TestUser user, Guid file, int n, byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return user.Client.PutAsync($"/api/chat/files/{file}/chunks/{n}", content);
    }

    /// <summary>An upload of <paramref name="size"/> bytes in 64 KiB chunks, created through the C# client.</summary>
    public static Task<FileDescriptor> CreateWithClientAsync(TestUser user, Guid room, long size, string name = "notes.bin") =>
        new FileUpload(user.Client).CreateAsync(room, name, size, "application/octet-stream", SmallChunk);

    /// <summary>Chunk <paramref name="index"/> of <paramref name="content"/>, sealed as the client would.</summary>
    public static byte[] Sealed(FileDescriptor file, byte[] content, int index) =>
        ChunkCipher.Seal(file.Secret(), index, file.Chunks, content.AsSpan(index * file.ChunkSize, ChunkLayout.PlainLength(file.Size, file.ChunkSize, index)));
}

/// <summary>Counts the requests passing through, by method and path.</summary>
public sealed class RequestCounter : DelegatingHandler
{
    private readonly List<string> _requests = [];

    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
        }

        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>Records progress reports as they happen (Progress&lt;T&gt; would post them later).</summary>
public sealed class ProgressLog : IProgress<long>
{
    public List<long> Reports { get; } = [];

    public void Report(long value) => Reports.Add(value);
}

/// <summary>A source that dies after <paramref name="limit"/> bytes, as a client crashing mid-upload would.</summary>
public sealed class DyingStream(byte[] content, int limit) : MemoryStream(content)
{
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Position >= limit)
        {
            throw new IOException("the client crashed");
        }

        return base.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - Position)], cancellationToken);
    }
}
