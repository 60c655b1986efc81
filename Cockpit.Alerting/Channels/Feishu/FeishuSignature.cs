using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cockpit.Alerting.Channels.Feishu;

/// <summary>
/// Feishu's custom bot signature ("签名校验"): HMAC-SHA256 keyed with <c>timestamp + "\n" + secret</c> over an empty
/// message (Feishu uses the string as the key, unlike DingTalk), Base64, sent in the body with the timestamp in Unix
/// seconds as a string. Feishu rejects a timestamp more than an hour off its clock.
/// </summary>
internal static class FeishuSignature
{
    public static string Sign(string secret, long timestampSeconds)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var key = timestampSeconds.ToString(CultureInfo.InvariantCulture) + "\n" + secret;
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Array.Empty<byte>()));
    }
}
