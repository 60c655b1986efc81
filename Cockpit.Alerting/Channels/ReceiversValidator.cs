using System.Globalization;
using System.Net.Mail;
using Cockpit.Alerting.Channels.DingTalk;
using Cockpit.Alerting.Channels.Http;
using Cockpit.Alerting.Channels.Text;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Channels;

/// <summary>
/// Checks <c>Cockpit:Alerting:Receivers</c> at start-up, naming what is wrong, so that a typo in a robot URL or an email
/// address stops the app instead of failing the first alert of the night. Errors never repeat a URL: robot URLs carry
/// their access token.
/// </summary>
internal sealed class ReceiversValidator : IValidateOptions<AlertingOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Receivers.Count; i++)
        {
            var receiver = options.Receivers[i];
            var at = "Cockpit:Alerting:Receivers:" + i.ToString(CultureInfo.InvariantCulture);
            if (string.IsNullOrWhiteSpace(receiver.Name))
            {
                errors.Add($"{at}:Name is required (routes refer to receivers by name).");
            }
            else if (!names.Add(receiver.Name))
            {
                errors.Add($"{at}:Name '{receiver.Name}' is used by another receiver too.");
            }

            if (!Enum.IsDefined(receiver.Kind))
            {
                errors.Add($"{at}:Kind must be Webhook, WeCom, DingTalk, Feishu or Email.");
                continue;
            }

            if (receiver.Timeout <= TimeSpan.Zero)
            {
                errors.Add($"{at}:Timeout must be positive.");
            }

            if (!string.IsNullOrEmpty(receiver.Language) && !MessageWords.IsKnown(receiver.Language))
            {
                errors.Add($"{at}:Language must be {MessageWords.Chinese} or {MessageWords.English} (or unset for Cockpit:Alerting:Language).");
            }

            if (receiver.RatePerMinute < 0)
            {
                errors.Add($"{at}:RatePerMinute must not be negative (0 is the kind's default).");
            }

            if (receiver.Kind == ReceiverKind.Email)
            {
                ValidateEmail(receiver, at, errors);
            }
            else if (ChannelHttp.ParseUrl(receiver.Url) is null)
            {
                errors.Add($"{at}:Url must be an absolute http(s) URL for a {receiver.Kind} receiver.");
            }

            if (receiver.Kind == ReceiverKind.DingTalk
                && !string.Equals(receiver.MessageType, "markdown", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(receiver.MessageType, DingTalkChannel.ActionCard, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{at}:MessageType must be markdown or actionCard.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateEmail(ReceiverOptions receiver, string at, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(receiver.SmtpHost))
        {
            errors.Add($"{at}:SmtpHost is required for an Email receiver.");
        }

        if (receiver.SmtpPort is <= 0 or > 65535)
        {
            errors.Add($"{at}:SmtpPort must be between 1 and 65535.");
        }

        if (!MailAddress.TryCreate(receiver.From, out _))
        {
            errors.Add($"{at}:From must be an email address.");
        }

        if (receiver.To.Count == 0)
        {
            errors.Add($"{at}:To needs at least one address.");
        }

        foreach (var to in receiver.To.Where(t => !MailAddress.TryCreate(t, out _)))
        {
            errors.Add($"{at}:To has '{to}', which is not an email address.");
        }
    }
}
