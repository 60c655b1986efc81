using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Cockpit.Ingest.Http;

/// <summary>
/// Reads a write's body into a pooled buffer, gunzipping it when <c>Content-Encoding: gzip</c>, and stops as soon as
/// it passes the limit — counted after decompression, so a small gzip bomb cannot take the memory either.
/// </summary>
internal static class RequestBodyReader
{
    private const int FirstBufferBytes = 64 * 1024;

    // One read of the right size when the length is known (a gzip body is guessed at 4x); the limit caps the guess.
    private static int InitialSize(long? contentLength, bool compressed, long maxBytes)
    {
        var guess = contentLength is > 0 ? (compressed ? contentLength.Value * 4 : contentLength.Value + 1) : FirstBufferBytes;
        return (int)Math.Clamp(guess, 1024, Math.Min(maxBytes + 1, Array.MaxLength));
    }

    public static async Task<RequestBody> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return RequestBody.Failed(RequestBodyStatus.TooLarge);
        }

        var sizeFeature = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = maxBytes;
        }

        var gzip = request.Headers.ContentEncoding.ToString();
        var compressed = gzip.Contains("gzip", StringComparison.OrdinalIgnoreCase);
        if (!compressed && gzip.Length > 0 && !gzip.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return RequestBody.Failed(RequestBodyStatus.UnsupportedEncoding);
        }

        var raw = compressed ? new TailKeepingStream(request.Body) : null;
        var stream = raw is not null ? new GZipStream(raw, CompressionMode.Decompress, leaveOpen: true) : request.Body;
        var buffer = ArrayPool<byte>.Shared.Rent(InitialSize(request.ContentLength, compressed, maxBytes));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return RequestBody.Failed(RequestBodyStatus.TooLarge);
                    }

                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, Array.MaxLength));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    // A body cut off mid-stream ends without an error from GZipStream; its last bytes are then not
                    // the trailer of what was decompressed (influxd answers "unexpected EOF" here).
                    if (raw is not null && raw.TrailerLength != (uint)length)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        return RequestBody.Failed(RequestBodyStatus.BadGzip);
                    }

                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    return RequestBody.Failed(RequestBodyStatus.TooLarge);
                }
            }

            return new RequestBody(RequestBodyStatus.Ok, buffer, length);
        }
        catch (InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return RequestBody.Failed(RequestBodyStatus.BadGzip);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return RequestBody.Failed(RequestBodyStatus.TooLarge);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status408RequestTimeout)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return RequestBody.Failed(RequestBodyStatus.TooSlow);
        }
        finally
        {
            if (compressed)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
