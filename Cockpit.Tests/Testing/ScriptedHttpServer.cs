using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using System.Text;

namespace Cockpit.Tests.Testing;

/// <summary>
/// A real HTTP server on 127.0.0.1 and a free port that answers <c>/write</c> requests from a script (e.g. 500 then
/// 204, or 400 with InfluxDB's error body) and records every request, so that what a client really sends (headers,
/// gzip'd bodies, query strings) and how it reacts to each answer can be checked. Other paths (<c>/ping</c>) get 204.
/// Once the script is used up every write gets <see cref="Default"/>. With <see cref="ScriptedPath"/> set to null the
/// script answers requests to any path (a webhook or a chat robot's address).
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Answer> _script;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public ScriptedHttpServer(params Answer[] script)
    {
        _script = new ConcurrentQueue<Answer>(script);
        Address = new Uri($"http://127.0.0.1:{FreeTcpPort.Next()}/");
        _listener.Prefixes.Add(Address.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(RunAsync);
    }

    public Uri Address { get; }

    /// <summary>What every write gets once the script is used up.</summary>
    public Answer Default { get; set; } = new(204);

    /// <summary>The path the script answers (<c>/write</c> unless set); null: every path.</summary>
    public string? ScriptedPath { get; set; } = "/write";

    /// <summary>Every request so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>The <c>/write</c> requests so far.</summary>
    public IReadOnlyList<RecordedRequest> Writes => [.. _requests.Where(r => r.Path == "/write")];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
            // The listener throws on its way out; nothing is left to answer.
        }

        _listener.Close();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var context = await _listener.GetContextAsync();
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var request = new RecordedRequest(
                context.Request.HttpMethod,
                context.Request.Url!.AbsolutePath,
                context.Request.Url.Query,
                context.Request.Headers.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => context.Request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                body.ToArray());
            _requests.Enqueue(request);
            var answer = ScriptedPath is null || request.Path == ScriptedPath ? (_script.TryDequeue(out var next) ? next : Default) : new Answer(204);
            if (answer.Hang)
            {
                // Never answers: the client's own timeout must end the request.
                await Task.Delay(Timeout.Infinite, _stop.Token);
            }

            context.Response.StatusCode = answer.Status;
            if (answer.RetryAfterSeconds is { } seconds)
            {
                context.Response.AddHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else if (answer.RetryAfterDate is { } date)
            {
                context.Response.AddHeader("Retry-After", date.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (answer.Location is { } location)
            {
                context.Response.AddHeader("Location", location);
            }

            if (answer.Body is { } text)
            {
                var bytes = Encoding.UTF8.GetBytes(text);
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
            context.Response.Abort();
        }
    }

    /// <summary>
    /// One scripted answer; <see cref="Hang"/> never answers; Retry-After as seconds or, failing that, as a date;
    /// <see cref="Location"/> for a redirect.
    /// </summary>
    public sealed record Answer(int Status, string? Body = null, int? RetryAfterSeconds = null, bool Hang = false, DateTimeOffset? RetryAfterDate = null, string? Location = null)
    {
        public static Answer Error(int status, string error) => new(status, $"{{\"error\":\"{error.Replace("\"", "\\\"", StringComparison.Ordinal)}\"}}");
    }

    /// <summary>A request as it arrived.</summary>
    public sealed record RecordedRequest(string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
    {
        /// <summary>The body as text, gunzipped when it says it is gzip'd.</summary>
        public string Text
        {
            get
            {
                if (!Headers.TryGetValue("Content-Encoding", out var encoding) || encoding != "gzip")
                {
                    return Encoding.UTF8.GetString(Body);
                }

                using var gzip = new GZipStream(new MemoryStream(Body), CompressionMode.Decompress);
                using var reader = new StreamReader(gzip, Encoding.UTF8);
                return reader.ReadToEnd();
            }
        }
    }
}
