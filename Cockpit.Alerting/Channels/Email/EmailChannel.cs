using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using System.Security.Authentication;
using System.Text;
using Cockpit.Alerting.Channels.Http;
using Cockpit.Alerting.Channels.Text;
using Cockpit.Alerting.Notifications;

namespace Cockpit.Alerting.Channels.Email;

/// <summary>
/// Email over SMTP with <see cref="SmtpClient"/>: subject like <c>[FIRING:2] complaint-surge 天河</c>, a
/// multipart/alternative body (plain text and HTML, see <see cref="EmailBody"/>), and the notification id in an
/// <c>X-Cockpit-Notification-Id</c> header. <see cref="ReceiverOptions.SmtpTls"/> means STARTTLS (SmtpClient does not
/// speak implicit TLS on port 465). SMTP 4xx replies, a lost connection and the timeout are worth another attempt; 5xx
/// replies (mailbox unknown, authentication refused, …) and bad settings are not. When the server took the message for
/// some recipients and refused others, the attempt fails rather than retries, so that nobody gets it twice.
/// </summary>
internal sealed class EmailChannel : INotificationChannel
{
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(5);

    public ReceiverKind Kind => ReceiverKind.Email;

    /// <summary>
    /// The message for a notification (the caller disposes it). Its Message-ID comes from the notification's id and
    /// queue time, so a retried attempt is the same message to mail clients and archives, while a new database that
    /// counts ids from 1 again does not make a new message look like an old one. (Its Date header is SmtpClient's own:
    /// it overwrites any Date set on the message with its clock.)
    /// </summary>
    public static MailMessage Compose(ReceiverOptions receiver, Notification notification)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(notification);
        var text = NotificationText.From(notification);
        var message = new MailMessage
        {
            From = new MailAddress(receiver.From),
            Subject = text.Title,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
        };
        try
        {
            foreach (var to in receiver.To)
            {
                message.To.Add(new MailAddress(to));
            }

            var id = notification.Id.ToString(CultureInfo.InvariantCulture);
            message.Headers.Add(ChannelHttp.NotificationIdHeader, id);
            var queued = notification.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
            message.Headers.Add("Message-ID", $"<cockpit-notification-{id}.{queued}@{MessageIdDomain(notification.ExternalUrl)}>");
            message.AlternateViews.Add(View(EmailBody.Text(text), MediaTypeNames.Text.Plain));
            message.AlternateViews.Add(View(EmailBody.Html(text), MediaTypeNames.Text.Html));
            return message;
        }
        catch
        {
            message.Dispose();
            throw;
        }
    }

    public async Task<DeliveryOutcome> SendAsync(ReceiverOptions receiver, Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(notification);
        if (string.IsNullOrWhiteSpace(receiver.SmtpHost) || receiver.SmtpPort is <= 0 or > 65535 || receiver.To.Count == 0)
        {
            return DeliveryOutcome.Fail($"Receiver '{receiver.Name}' needs SmtpHost, a valid SmtpPort and at least one To address.");
        }

        MailMessage message;
        try
        {
            message = Compose(receiver, notification);
        }
        catch (FormatException e)
        {
            return DeliveryOutcome.Fail($"Receiver '{receiver.Name}' has a malformed From or To address: {e.Message}");
        }
        catch (ArgumentException e)
        {
            return DeliveryOutcome.Fail($"Receiver '{receiver.Name}' has a missing From or To address: {e.Message}");
        }

        using (message)
        using (var client = Client(receiver))
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            deadline.CancelAfter(receiver.Timeout);
            try
            {
                await client.SendMailAsync(message, deadline.Token).ConfigureAwait(false);
                return DeliveryOutcome.Ok;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return DeliveryOutcome.Retry($"SMTP server {receiver.SmtpHost}:{receiver.SmtpPort} did not finish within {receiver.Timeout}");
            }
            catch (SmtpFailedRecipientsException e)
            {
                return Refused(receiver, [.. e.InnerExceptions]);
            }
            catch (SmtpFailedRecipientException e)
            {
                return Refused(receiver, [e]);
            }
            catch (SmtpException e)
            {
                return Transient(e.StatusCode) ? DeliveryOutcome.Retry(Describe(e)) : DeliveryOutcome.Fail(Describe(e));
            }
            catch (AuthenticationException e)
            {
                return DeliveryOutcome.Fail($"TLS with {receiver.SmtpHost}:{receiver.SmtpPort} failed: {e.Message}");
            }
            catch (IOException e)
            {
                return DeliveryOutcome.Retry($"SMTP connection to {receiver.SmtpHost}:{receiver.SmtpPort} broke: {e.Message}");
            }
            catch (InvalidOperationException e)
            {
                return DeliveryOutcome.Fail($"SMTP settings of '{receiver.Name}' do not work: {e.Message}");
            }
        }
    }

    private static string MessageIdDomain(string externalUrl) =>
        Uri.TryCreate(externalUrl, UriKind.Absolute, out var uri) && uri.IdnHost.Length > 0 ? uri.IdnHost : "cockpit.invalid";

    private static SmtpClient Client(ReceiverOptions receiver)
    {
        var client = new SmtpClient(receiver.SmtpHost.Trim(), receiver.SmtpPort)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = receiver.SmtpTls,
            // A backstop only: the attempt's own deadline (the cancellation token) ends it first and says why.
            Timeout = (int)Math.Clamp((receiver.Timeout + Backstop).TotalMilliseconds, 1, int.MaxValue),
        };
        if (!string.IsNullOrEmpty(receiver.SmtpUser))
        {
            client.Credentials = new NetworkCredential(receiver.SmtpUser, receiver.SmtpPassword);
        }

        return client;
    }

    private static AlternateView View(string content, string mediaType)
    {
        var view = AlternateView.CreateAlternateViewFromString(content, Encoding.UTF8, mediaType);
        view.TransferEncoding = TransferEncoding.Base64;
        return view;
    }

    // When every recipient was refused nobody got it, so a temporary refusal can be retried; after a partial delivery
    // another attempt would send it twice to those who have it.
    private static DeliveryOutcome Refused(ReceiverOptions receiver, IReadOnlyList<SmtpFailedRecipientException> refusals)
    {
        var error = "SMTP refused " + string.Join("; ", refusals.Select(r => $"{r.FailedRecipient?.Trim('<', '>')}: {Describe(r)}"));
        var everyone = refusals.Select(r => r.FailedRecipient).Distinct(StringComparer.OrdinalIgnoreCase).Count() >= receiver.To.Count;
        return everyone && refusals.All(r => Transient(r.StatusCode)) ? DeliveryOutcome.Retry(error) : DeliveryOutcome.Fail(error);
    }

    // GeneralFailure is what SmtpClient reports when the connection could not be made or broke.
    private static bool Transient(SmtpStatusCode code) => code == SmtpStatusCode.GeneralFailure || (int)code is >= 400 and < 500;

    private static string Describe(SmtpException e)
    {
        var code = e.StatusCode == SmtpStatusCode.GeneralFailure ? "" : ((int)e.StatusCode).ToString(CultureInfo.InvariantCulture) + " ";
        var inner = e.InnerException is null ? "" : $" ({e.InnerException.Message})";
        return code + PlainText.Line(e.Message, 300) + inner;
    }
}
