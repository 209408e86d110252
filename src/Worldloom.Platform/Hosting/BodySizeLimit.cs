using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Worldloom.Platform.Hosting;

/// <summary>
/// Enforces <see cref="PlatformOptions.MaxBodyBytes"/>: a declared length over the limit is refused with 413 before
/// anything reads it; chunked bodies are cut off by the server's own limit, which is set to the same value. An endpoint
/// that carries <see cref="IRequestSizeLimitMetadata"/> (Chat's file chunks) gets its own limit instead.
/// </summary>
public static class BodySizeLimit
{
    /// <summary>Adds the check to the pipeline.</summary>
    public static IApplicationBuilder UseBodySizeLimit(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var max = http.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? http.RequestServices.GetRequiredService<IOptions<PlatformOptions>>().Value.MaxBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = max;
        }

        if (http.Request.ContentLength > max)
        {
            throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
        }

        await next(http);
    });
}
