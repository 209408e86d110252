using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Worldloom.Stories.Narration.Tests;

/// <summary>
/// A real HTTP server on 127.0.0.1 (a free port per test) that speaks the two chat APIs the narrator uses: Ollama's
/// <c>POST /api/chat</c> (streamed as NDJSON or whole) and OpenAI's <c>POST /v1/chat/completions</c>. Each request gets
/// the next answer from the test's script; every request body is kept for the test to read.
/// </summary>
internal sealed class StandInLlmServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<int, Answer> _script;
    private int _calls;

    private StandInLlmServer(WebApplication app, Func<int, Answer> script)
    {
        _app = app;
        _script = script;
    }

    /// <summary>What to do with request n (1-based).</summary>
    public sealed record Answer(string Content, int Status = 200, TimeSpan Delay = default, string FinishReason = "stop");

    public ConcurrentQueue<JsonObject> Requests { get; } = new();

    public int Calls => _calls;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<StandInLlmServer> StartAsync(Func<int, Answer> script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new StandInLlmServer(app, script);
        app.MapPost("/api/chat", server.OllamaAsync);
        app.MapPost("/v1/chat/completions", server.OpenAiAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The text of every message of request n (1-based), in order.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages(int call) =>
        [.. Requests.ElementAt(call - 1)["messages"]!.AsArray().Select(m => ((string)m!["role"]!, (string)m["content"]!))];

    private async Task<Answer?> NextAsync(HttpContext context)
    {
        var body = await JsonNode.ParseAsync(context.Request.Body);
        Requests.Enqueue(body!.AsObject());
        var answer = _script(Interlocked.Increment(ref _calls));
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        if (answer.Status != 200)
        {
            context.Response.StatusCode = answer.Status;
            await context.Response.WriteAsJsonAsync(new { error = "the model fell over" });
            return null;
        }

        return answer;
    }

    private async Task OllamaAsync(HttpContext context)
    {
        if (await NextAsync(context) is not { } answer)
        {
            return;
        }

        var request = Requests.Last();
        var done = new JsonObject
        {
            ["model"] = (string?)request["model"],
            ["created_at"] = "2026-12-06T12:00:00Z",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content },
            ["done"] = true,
            ["done_reason"] = answer.FinishReason,
            ["total_duration"] = 1000,
            ["prompt_eval_count"] = 10,
            ["eval_count"] = 20,
        };
        if ((bool?)request["stream"] == true)
        {
            // Streamed as Ollama does: a chunk with the text, then the closing chunk with the counters.
            context.Response.ContentType = "application/x-ndjson";
            var chunk = new JsonObject
            {
                ["model"] = (string?)request["model"],
                ["created_at"] = "2026-12-06T12:00:00Z",
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content },
                ["done"] = false,
            };
            done["message"] = new JsonObject { ["role"] = "assistant", ["content"] = "" };
            await context.Response.WriteAsync(chunk.ToJsonString() + "\n" + done.ToJsonString() + "\n");
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(done.ToJsonString());
    }

    private async Task OpenAiAsync(HttpContext context)
    {
        if (await NextAsync(context) is not { } answer)
        {
            return;
        }

        var request = Requests.Last();
        var response = new JsonObject
        {
            ["id"] = "chatcmpl-" + _calls,
            ["object"] = "chat.completion",
            ["created"] = 1_796_000_000,
            ["model"] = (string?)request["model"],
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = answer.Content },
                ["finish_reason"] = answer.FinishReason,
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 10, ["completion_tokens"] = 20, ["total_tokens"] = 30 },
        };
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
