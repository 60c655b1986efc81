using System.Globalization;
using Cockpit.Ingest.Log;
using Cockpit.Ingest.Write;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Cockpit.Ingest.Http;

/// <summary>
/// Serves HTTP writes: token check (401), body limit (413), decode with partial-write semantics (400 naming the first
/// bad line, the good lines stored), backpressure (429 with <c>Retry-After</c>, nothing stored), and exactly 204 on
/// success, as InfluxDB clients expect.
/// </summary>
public sealed partial class IngestHttpHandler(
    IngestWriter writer,
    IngestAuthenticator authenticator,
    IOptions<IngestOptions> options,
    TimeProvider timeProvider,
    ILogger<IngestHttpHandler> logger)
{
    /// <summary>The InfluxDB version Cockpit answers as; clients read it from <c>/ping</c> to pick their protocol.</summary>
    public const string InfluxVersion = "1.8.10";

    private readonly IngestOptions _options = options.Value;
    private long _requests;
    private long _unauthorized;
    private long _tooLarge;
    private long _throttled;
    private long _partial;
    private long _linesAccepted;
    private long _pointsAccepted;
    private long _linesRejected;
    private long _lastWriteTicks;
    private volatile WriteProblem? _lastError;

    /// <summary>HTTP writes received.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>Writes refused with 401.</summary>
    public long Unauthorized => Interlocked.Read(ref _unauthorized);

    /// <summary>Writes refused with 413.</summary>
    public long TooLarge => Interlocked.Read(ref _tooLarge);

    /// <summary>Writes refused with 429/503 because the queue was full or the server stopping.</summary>
    public long Throttled => Interlocked.Read(ref _throttled);

    /// <summary>Writes answered 400 (some or all lines rejected).</summary>
    public long Partial => Interlocked.Read(ref _partial);

    /// <summary>Lines (or JSON objects) queued from HTTP writes (MQTT and replay count their own).</summary>
    public long LinesAccepted => Interlocked.Read(ref _linesAccepted);

    /// <summary>Field points queued from HTTP writes.</summary>
    public long PointsAccepted => Interlocked.Read(ref _pointsAccepted);

    /// <summary>Lines of HTTP writes rejected as malformed or invalid.</summary>
    public long LinesRejected => Interlocked.Read(ref _linesRejected);

    /// <summary>When an HTTP write last queued points; null before the first.</summary>
    public DateTimeOffset? LastWriteAt => Interlocked.Read(ref _lastWriteTicks) is var ticks and > 0 ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    /// <summary>
    /// The last write answered with an error — who sent it (token name, or remote address when no token was valid), the
    /// status and the message — or null when there was none.
    /// </summary>
    public string? LastError => _lastError?.Text;

    /// <summary>When <see cref="LastError"/> happened.</summary>
    public DateTimeOffset? LastErrorAt => _lastError?.At;

    /// <summary>Handles one write.</summary>
    public async Task WriteAsync(HttpContext context, PayloadFormat format, IngestApiFlavor flavor)
    {
        Interlocked.Increment(ref _requests);
        var request = context.Request;
        var source = authenticator.Authenticate(request, out var failure);
        if (source is null)
        {
            Interlocked.Increment(ref _unauthorized);
            LogUnauthorized(context.Connection.RemoteIpAddress?.ToString() ?? "?", request.Path);
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"Cockpit ingest\"";
            await Error(context, context.Connection.RemoteIpAddress?.ToString() ?? "?", StatusCodes.Status401Unauthorized, "unauthorized", failure).ConfigureAwait(false);
            return;
        }

        var precisionText = request.Query["precision"].ToString();
        if (!PrecisionNames.TryParse(precisionText, flavor, out var precision))
        {
            await Error(context, source, StatusCodes.Status400BadRequest, "invalid",
                $"invalid precision '{precisionText}': use {PrecisionNames.Accepted(flavor)}").ConfigureAwait(false);
            return;
        }

        using var body = await RequestBodyReader.ReadAsync(request, _options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        if (body.Status != RequestBodyStatus.Ok)
        {
            await BodyError(context, source, body.Status).ConfigureAwait(false);
            return;
        }

        WriteResult result;
        try
        {
            result = await writer.TryWriteAsync(body.Memory, new WriteRequest(source, format, precision), context.RequestAborted).ConfigureAwait(false);
        }
        catch (LogClosedException)
        {
            Interlocked.Increment(ref _throttled);
            SetRetryAfter(context);
            await Error(context, source, StatusCodes.Status503ServiceUnavailable, "unavailable",
                "Cockpit is shutting down and accepts no more writes; nothing of this request was stored").ConfigureAwait(false);
            return;
        }
        catch (IOException ex)
        {
            LogLogFailed(ex, source);
            SetRetryAfter(context);
            await Error(context, source, StatusCodes.Status503ServiceUnavailable, "unavailable",
                "Cockpit could not make this write durable (its ingest log failed to write to disk); nothing of this request was acknowledged").ConfigureAwait(false);
            return;
        }

        if (result.TooLarge)
        {
            Interlocked.Increment(ref _tooLarge);
            await Error(context, source, StatusCodes.Status413PayloadTooLarge, "request too large",
                $"the {result.LinesRefused} valid lines of this request are more than one write to the ingest log can hold (Cockpit:Log:SegmentBytes); nothing was stored: send smaller batches").ConfigureAwait(false);
            return;
        }

        Interlocked.Add(ref _linesRejected, result.LinesRejected);
        if (!result.QueueFull)
        {
            Interlocked.Add(ref _linesAccepted, result.LinesAccepted);
            Interlocked.Add(ref _pointsAccepted, result.PointsAccepted);
            if (result.PointsAccepted > 0)
            {
                Interlocked.Exchange(ref _lastWriteTicks, timeProvider.GetUtcNow().UtcTicks);
            }
        }

        if (result.QueueFull)
        {
            Interlocked.Increment(ref _throttled);
            LogQueueFull(source, result.LinesRefused);
            SetRetryAfter(context);
            await Error(context, source, StatusCodes.Status429TooManyRequests, "too many requests",
                $"the ingest log is full (its consumers are behind); nothing of this request was stored: retry after {RetryAfterSeconds} s").ConfigureAwait(false);
            return;
        }

        if (result.FirstError is { } first)
        {
            Interlocked.Increment(ref _partial);
            LogPartialWrite(source, result.LinesRejected, first.ToString());
            var stored = result.LinesAccepted switch
            {
                0 => "nothing was stored",
                1 => "the other one was stored",
                _ => $"the other {result.LinesAccepted} were stored",
            };
            var noun = first.Unit == "object" ? "objects" : "lines";
            await Error(context, source, StatusCodes.Status400BadRequest, "invalid",
                $"partial write: {first} ({result.LinesRejected} of {result.LinesRejected + result.LinesAccepted} {noun} rejected; {stored})",
                first.Line, result.LinesAccepted, result.LinesRejected).ConfigureAwait(false);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary><c>GET|HEAD /ping</c>: 204 with the version headers InfluxDB clients check (200 with JSON when verbose).</summary>
    public static IResult Ping(HttpContext context)
    {
        context.Response.Headers["X-Influxdb-Version"] = InfluxVersion;
        context.Response.Headers["X-Influxdb-Build"] = "OSS";
        return context.Request.Query["verbose"] == "true" ? Results.Ok(new { version = InfluxVersion }) : Results.NoContent();
    }

    /// <summary><c>GET /health</c>, the readiness check of InfluxDB 2.x clients.</summary>
    public static IResult Health() =>
        Results.Ok(new { name = "cockpit", message = "ready for writes", status = "pass", version = InfluxVersion });

    private int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(_options.RetryAfter.TotalSeconds));

    private void SetRetryAfter(HttpContext context) =>
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);

    private Task BodyError(HttpContext context, string source, RequestBodyStatus status)
    {
        switch (status)
        {
            case RequestBodyStatus.TooLarge:
                Interlocked.Increment(ref _tooLarge);
                return Error(context, source, StatusCodes.Status413PayloadTooLarge, "request too large",
                    $"the request body is larger than {_options.MaxBodyBytes} bytes (Cockpit:Ingest:MaxBodyBytes, counted after gzip decompression); send smaller batches");
            case RequestBodyStatus.TooSlow:
                LogBodyTooSlow(source);
                return Error(context, source, StatusCodes.Status408RequestTimeout, "request timeout",
                    "the body arrived slower than the server's minimum data rate and was cut off; nothing was stored");
            case RequestBodyStatus.BadGzip:
                return Error(context, source, StatusCodes.Status400BadRequest, "invalid", "the body is not valid gzip although Content-Encoding says gzip (or it was cut off: its gzip trailer is missing); nothing was stored");
            default:
                return Error(context, source, StatusCodes.Status415UnsupportedMediaType, "unsupported media type",
                    $"unsupported Content-Encoding '{context.Request.Headers[HeaderNames.ContentEncoding]}': send gzip or no encoding");
        }
    }

    // Answers with InfluxDB's error body and keeps it as the last problem, with who sent the write (the token's name,
    // or the remote address when no token was valid) so that an admin can tell which source to look at.
    private Task Error(HttpContext context, string who, int status, string code, string message, int? line = null, int? accepted = null, int? rejected = null)
    {
        _lastError = new WriteProblem(string.Create(CultureInfo.InvariantCulture, $"{who}: {status} {message}"), timeProvider.GetUtcNow());
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new IngestErrorBody(message, code, line, accepted, rejected), context.RequestAborted);
    }

    // Text and time swapped as one reference, so a reader never pairs one error's text with another's time.
    private sealed record WriteProblem(string Text, DateTimeOffset At);

    [LoggerMessage(EventId = 1010, Level = LogLevel.Debug, Message = "Write refused: no valid token from {Remote} on {Path}")]
    private partial void LogUnauthorized(string remote, string path);

    [LoggerMessage(EventId = 1011, Level = LogLevel.Debug, Message = "Write from {Source} refused: ingest log full ({Lines} valid lines)")]
    private partial void LogQueueFull(string source, int lines);

    [LoggerMessage(EventId = 1014, Level = LogLevel.Information, Message = "Write from {Source} cut off: its body came slower than the minimum data rate")]
    private partial void LogBodyTooSlow(string source);

    [LoggerMessage(EventId = 1013, Level = LogLevel.Error, Message = "Write from {Source} not acknowledged: the ingest log failed")]
    private partial void LogLogFailed(Exception exception, string source);

    [LoggerMessage(EventId = 1012, Level = LogLevel.Debug, Message = "Write from {Source}: {Rejected} lines rejected, first: {FirstError}")]
    private partial void LogPartialWrite(string source, int rejected, string firstError);
}
