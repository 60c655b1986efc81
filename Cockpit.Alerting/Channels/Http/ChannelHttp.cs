using System.Net.Http.Headers;

namespace Cockpit.Alerting.Channels.Http;

/// <summary>
/// Posts a channel's JSON payload once, within the receiver's timeout, and reports what came back without throwing for
/// anything the network or the server did. Robot URLs carry their access token, so URLs never go into errors or logs.
/// Timeouts run on the real clock: they bound real sockets, not Cockpit's logic.
/// </summary>
internal sealed class ChannelHttp
{
    /// <summary>The name of the <see cref="HttpClient"/> the channels ask <see cref="IHttpClientFactory"/> for.</summary>
    public const string ClientName = "Cockpit.Alerting.Channels";

    /// <summary>The header that carries <see cref="Notifications.Notification.Id"/>, so a receiver can drop a duplicate.</summary>
    public const string NotificationIdHeader = "X-Cockpit-Notification-Id";

    private const int MaxAnswerChars = 4_000;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;

    public ChannelHttp(IHttpClientFactory httpClientFactory, TimeProvider time)
    {
        _httpClientFactory = httpClientFactory;
        _time = time;
    }

    /// <summary>The clock that signatures and Retry-After dates are read against.</summary>
    public TimeProvider Time => _time;

    /// <summary>The receiver's URL when it is an absolute http(s) URL, else null.</summary>
    public static Uri? ParseUrl(string? url) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : null;

    /// <summary>POSTs <paramref name="json"/> as <c>application/json</c>; cancellation by the caller still throws.</summary>
    public async Task<HttpAnswer> PostJsonAsync(Uri url, byte[] json, long notificationId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        request.Headers.Add(NotificationIdHeader, notificationId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var response = await _httpClientFactory.CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseContentRead, deadline.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
            return new HttpAnswer((int)response.StatusCode, body.Length > MaxAnswerChars ? body[..MaxAnswerChars] : body, RetryAfter(response), null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HttpAnswer(0, "", null, $"no answer within {timeout}");
        }
        catch (HttpRequestException e)
        {
            return new HttpAnswer(0, "", null, e.HttpRequestError == HttpRequestError.Unknown ? e.Message : $"{e.HttpRequestError}: {e.Message}");
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
