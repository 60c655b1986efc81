using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cockpit.Ingest.Storage.Influx;

/// <summary>
/// InfluxDB's v1 HTTP API, which 1.x speaks natively and 2.x/3.x through their v1 compatibility: <c>/write</c> with
/// gzip'd line protocol at nanosecond precision, <c>/query</c> with InfluxQL (POSTed as a form, so that neither the
/// statement nor a credential shows in an access log), <c>/ping</c>. A token goes as <c>Authorization: Token …</c>, a
/// user name and password as Basic authentication, which 1.x accepts like its <c>u</c>/<c>p</c> parameters.
/// Timeouts run on the real clock: they bound real sockets, not Cockpit's logic.
/// </summary>
internal sealed partial class InfluxDbV1Api
{
    private const int MaxErrorLength = 1_000;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly string _httpClientName;
    private readonly InfluxDbStoreOptions _options;
    private readonly Uri _writeUri;
    private readonly Uri _queryUri;
    private readonly Uri _pingUri;
    private readonly AuthenticationHeaderValue? _authorization;

    public InfluxDbV1Api(IHttpClientFactory httpClientFactory, string httpClientName, InfluxDbStoreOptions options)
    {
        var url = options.Url ?? throw new InvalidOperationException("Cockpit:Store:InfluxDb:Url is required.");
        _httpClientFactory = httpClientFactory;
        _httpClientName = httpClientName;
        _options = options;

        // Relative paths resolve under the base address, also when InfluxDB sits behind a path prefix.
        var baseUri = url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        DisplayUrl = new UriBuilder(baseUri) { UserName = "", Password = "" }.Uri.AbsoluteUri;
        var write = "write?db=" + Uri.EscapeDataString(options.Database) + "&precision=ns";
        if (!string.IsNullOrEmpty(options.RetentionPolicy))
        {
            write += "&rp=" + Uri.EscapeDataString(options.RetentionPolicy);
        }

        _writeUri = new Uri(baseUri, write);
        _queryUri = new Uri(baseUri, "query");
        _pingUri = new Uri(baseUri, "ping");
        if (!string.IsNullOrEmpty(options.Token))
        {
            _authorization = new AuthenticationHeaderValue("Token", options.Token);
            Authentication = "token";
        }
        else if (!string.IsNullOrEmpty(options.Username))
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            _authorization = new AuthenticationHeaderValue("Basic", credentials);
            Authentication = $"user {options.Username}";
        }
        else
        {
            Authentication = "none";
        }
    }

    /// <summary>The base address, safe to log.</summary>
    public string DisplayUrl { get; }

    /// <summary>How requests authenticate, safe to log (never the secret).</summary>
    public string Authentication { get; }

    /// <summary>
    /// Sends one batch. Never throws for what InfluxDB or the network did: the result says whether to retry. 5xx, 429,
    /// 408, timeouts and connection errors are worth a retry; so are 401/403 (credentials) and 404 (database missing),
    /// which an operator fixes without the data being at fault — dropping it meanwhile would lose it for nothing.
    /// Other 4xx mean the data is bad (1.x answers 400 to a partial write, e.g. a field type conflict): retrying
    /// cannot help.
    /// </summary>
    public async Task<InfluxDbWriteResult> WriteAsync(ReadOnlyMemory<byte> lineProtocol, int lines, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri) { Content = Gzip(lineProtocol.Span) };
        request.Headers.Authorization = _authorization;
        try
        {
            using var response = await CreateClient().SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return InfluxDbWriteResult.Written(lines, status);
            }

            var error = await ReadErrorAsync(response, timeout.Token).ConfigureAwait(false);
            if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout
                or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            {
                return InfluxDbWriteResult.Failed(status, $"{status} {error}", response.Headers.RetryAfter?.Delta);
            }

            // A partial write names how many lines it dropped; the others are stored.
            var dropped = DroppedPattern().Match(error) is { Success: true } match && int.TryParse(match.Groups[1].ValueSpan, out var count)
                ? Math.Min(count, lines)
                : lines;
            return InfluxDbWriteResult.Rejected(lines, dropped, status, error);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return InfluxDbWriteResult.Failed(0, $"no answer within {_options.RequestTimeout}");
        }
        catch (HttpRequestException ex)
        {
            return InfluxDbWriteResult.Failed(0, ex.Message);
        }
    }

    /// <summary>Runs InfluxQL (several statements separated by <c>;</c>) and returns each statement's series.</summary>
    public async Task<List<List<InfluxSeries>>> QueryAsync(string influxQl, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.QueryTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Post, _queryUri)
        {
            Content = new FormUrlEncodedContent(
            [
                new("db", _options.Database),
                new("q", influxQl),
                new("epoch", "ns"),
            ]),
        };
        request.Headers.Authorization = _authorization;
        try
        {
            using var response = await CreateClient().SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var error = await ReadErrorAsync(response, timeout.Token).ConfigureAwait(false);
                throw new InfluxDbQueryException($"InfluxDB answered {(int)response.StatusCode}: {error}");
            }

            var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                using var document = await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token).ConfigureAwait(false);
                return InfluxQueryResponse.Parse(document);
            }
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"InfluxDB at {DisplayUrl} did not answer a query within {_options.QueryTimeout}.", ex);
        }
    }

    /// <summary>InfluxDB's version when it answers <c>/ping</c>, otherwise null.</summary>
    public async Task<string?> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        using var request = new HttpRequestMessage(HttpMethod.Get, _pingUri);
        request.Headers.Authorization = _authorization;
        try
        {
            using var response = await CreateClient().SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? response.Headers.TryGetValues("X-Influxdb-Version", out var versions) ? string.Join(' ', versions) : "unknown"
                : null;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }

    private HttpClient CreateClient()
    {
        var client = _httpClientFactory.CreateClient(_httpClientName);

        // Each request carries its own deadline (RequestTimeout or QueryTimeout).
        client.Timeout = Timeout.InfiniteTimeSpan;
        return client;
    }

    private static ByteArrayContent Gzip(ReadOnlySpan<byte> lineProtocol)
    {
        var output = new MemoryStream((lineProtocol.Length / 4) + 64);
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(lineProtocol);
        }

        var content = new ByteArrayContent(output.GetBuffer(), 0, (int)output.Length);
        content.Headers.ContentEncoding.Add("gzip");
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        return content;
    }

    // InfluxDB's JSON {"error": "..."}; anything else (a proxy's page) as text, shortened.
    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("error", out var error) && error.GetString() is { } message)
            {
                text = message;
            }
        }
        catch (JsonException)
        {
        }

        text = text.Trim();
        if (text.Length == 0)
        {
            text = response.ReasonPhrase ?? response.StatusCode.ToString();
        }

        return text.Length <= MaxErrorLength ? text : text[..MaxErrorLength] + "…";
    }

    [GeneratedRegex(@"dropped=(\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex DroppedPattern();
}
