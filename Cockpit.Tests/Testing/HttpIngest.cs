using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cockpit.Ingest.Model;

namespace Cockpit.Tests.Testing;

/// <summary>
/// Points sent to a running Cockpit's <c>/write</c> as a probe or Telegraf sends them: line protocol with an ingest
/// token. Series are written through <see cref="SeriesKey.Canonical"/>, so tag values with spaces, commas and
/// <c>=</c> are escaped as line protocol requires.
/// </summary>
public static class HttpIngest
{
    /// <summary>The ingest token <see cref="WithTestIngestToken"/> configures (it replaces the demo token).</summary>
    public const string Token = "test-ingest-secret-0123456789";

    /// <summary>Configures <see cref="Token"/> as the host's only ingest token.</summary>
    public static CockpitWebFactory WithTestIngestToken(this CockpitWebFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.With("Cockpit:Ingest:Tokens:0:Name", "test-ingest").With("Cockpit:Ingest:Tokens:0:Secret", Token);
    }

    /// <summary>One line: <c>measurement,tags field=value time</c> (nanoseconds).</summary>
    public static string Line(string measurement, IEnumerable<(string Key, string Value)> tags, string field, double value, DateTimeOffset time) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{SeriesKey.Create(measurement, tags.Select(t => KeyValuePair.Create(t.Key, t.Value))).Canonical} {field}={value:R} {UnixTime.ToNanos(time)}");

    /// <summary>Posts <paramref name="lines"/> to <c>/write</c> with <see cref="Token"/> and asserts they were accepted (204).</summary>
    public static async Task WriteAsync(Uri address, IEnumerable<string> lines)
    {
        using var client = new HttpClient { BaseAddress = address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", Token);
        using var response = await client.PostAsync("write?precision=ns", new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "text/plain"));
        Assert.True(response.StatusCode == HttpStatusCode.NoContent, $"/write answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
