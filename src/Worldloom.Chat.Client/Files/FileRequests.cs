using System.Net;

namespace Worldloom.Chat.Client.Files;

/// <summary>
/// Sends one file request with retries: network failures, 408, 429 and 5xx are tried again (a chunk PUT is idempotent,
/// so a retry after a lost answer is safe); any other refusal is final and raised with the server's problem text.
/// </summary>
internal sealed class FileRequests(HttpClient http, int attempts, TimeSpan backoff)
{
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request(), HttpCompletionOption.ResponseHeadersRead, ct);
            }
            catch (HttpRequestException) when (attempt < attempts)
            {
                await Task.Delay(backoff * attempt, ct);
                continue;
            }
            catch (HttpRequestException e)
            {
                throw new FileTransferException($"The server could not be reached after {attempts} attempts.", e);
            }

            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            var status = (int)response.StatusCode;
            var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            var text = await response.Content.ReadAsStringAsync(ct);
            response.Dispose();
            if (transient && attempt < attempts)
            {
                await Task.Delay(backoff * attempt, ct);
                continue;
            }

            throw new FileTransferException(status, $"The server answered {status}: {text}");
        }
    }
}
