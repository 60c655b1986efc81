using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Cockpit.Web.Api;

/// <summary>
/// Reads a request body as a JSON object, answering what was wrong (400, 413) instead of failing the request: the
/// endpoints then read the properties they know one by one and can name every problem.
/// </summary>
internal static class JsonBody
{
    /// <summary>Largest body accepted: a note is at most 4000 characters, a silence a handful of matchers.</summary>
    public const long MaxBytes = 64 * 1024;

    /// <summary>The body's root object, or the error answer to send instead.</summary>
    public static async Task<(JsonElement Body, IResult? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (default, TooLarge());
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBytes;
        }

        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, default, cancellationToken);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (default, Results.BadRequest(new ApiError($"The body must be a JSON object, not {Describe(document.RootElement.ValueKind)}.")));
            }

            return (document.RootElement.Clone(), null);
        }
        catch (JsonException e)
        {
            return (default, Results.BadRequest(new ApiError($"The body is not valid JSON: {e.Message}")));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (default, TooLarge());
        }
    }

    /// <summary>Names a JSON value's kind for people: "a string", "an array", "null".</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static IResult TooLarge() =>
        Results.Json(new ApiError($"The body is larger than {MaxBytes} bytes."), statusCode: StatusCodes.Status413PayloadTooLarge);
}
