using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cockpit.Alerting.Channels.DingTalk;

/// <summary>
/// DingTalk's robot signature ("加签"): HMAC-SHA256 keyed with the secret over <c>timestamp + "\n" + secret</c>,
/// Base64, sent URL-encoded as <c>&amp;timestamp=…&amp;sign=…</c> with the timestamp in Unix milliseconds. DingTalk
/// rejects a timestamp more than an hour off its clock.
/// </summary>
internal static class DingTalkSignature
{
    /// <summary>The Base64 signature (not yet URL-encoded).</summary>
    public static string Sign(string secret, long timestampMs)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var data = timestampMs.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(data)));
    }

    /// <summary>The robot URL with <c>timestamp</c> and <c>sign</c> appended to its query.</summary>
    public static Uri Signed(Uri url, string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(url);
        var timestamp = now.ToUnixTimeMilliseconds();
        var address = url.AbsoluteUri;
        var separator = address.EndsWith('?') || address.EndsWith('&') ? "" : address.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return new Uri(address + separator + "timestamp=" + timestamp.ToString(CultureInfo.InvariantCulture)
            + "&sign=" + Uri.EscapeDataString(Sign(secret, timestamp)));
    }
}
