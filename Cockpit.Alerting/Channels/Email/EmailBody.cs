using System.Net;
using System.Text;
using Cockpit.Alerting.Channels.Text;
using Cockpit.Detection.Alerts;

namespace Cockpit.Alerting.Channels.Email;

/// <summary>
/// The two parts of a notification email: plain text, and HTML in which everything from alerts is HTML-encoded and
/// only Cockpit's own http(s) links become anchors. Both list every alert with its link and end with the group's link.
/// Lines end in CRLF, the canonical form of text in MIME.
/// </summary>
internal static class EmailBody
{
    public static string Text(NotificationText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = new StringBuilder();
        body.Append(text.Title).Append('\n');
        if (text.Audience is not null)
        {
            body.Append(text.Audience).Append('\n');
        }

        foreach (var alert in text.Alerts)
        {
            body.Append('\n').Append(alert.SeverityName).Append(' ').Append(alert.Rule).Append(' ').Append(alert.State).Append('\n');
            foreach (var line in alert.Details())
            {
                body.Append(line).Append('\n');
            }

            if (alert.Link is not null)
            {
                body.Append(alert.Words.ViewInCockpit).Append(": ").Append(alert.Link).Append('\n');
            }
        }

        if (text.GroupLink is not null)
        {
            body.Append('\n').Append(text.Words.ViewAllInCockpit).Append(": ").Append(text.GroupLink).Append('\n');
        }

        return body.ToString().ReplaceLineEndings("\r\n");
    }

    public static string Html(NotificationText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var body = new StringBuilder();
        body.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(Encode(text.Title)).Append("</title></head>\n<body>\n");
        body.Append("<h2>").Append(Encode(text.Title)).Append("</h2>\n");
        if (text.Audience is not null)
        {
            body.Append("<p>").Append(Encode(text.Audience)).Append("</p>\n");
        }

        foreach (var alert in text.Alerts)
        {
            body.Append("<p><strong style=\"color:").Append(Colour(alert)).Append("\">").Append(alert.SeverityName).Append("</strong> <strong>")
                .Append(Encode(alert.Rule)).Append("</strong> ").Append(alert.State);
            foreach (var line in alert.Details())
            {
                body.Append("<br>\n").Append(Encode(line));
            }

            if (alert.Link is not null)
            {
                body.Append("<br>\n").Append(Anchor(alert.Words.ViewInCockpit, alert.Link));
            }

            body.Append("</p>\n");
        }

        if (text.GroupLink is not null)
        {
            body.Append("<p>").Append(Anchor(text.Words.ViewAllInCockpit, text.GroupLink)).Append("</p>\n");
        }

        return body.Append("</body></html>\n").ToString().ReplaceLineEndings("\r\n");
    }

    private static string Anchor(string label, string url) => "<a href=\"" + Encode(url) + "\">" + Encode(label) + "</a>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Colour(AlertText alert) => !alert.Firing ? "#2e7d32" : alert.Severity switch
    {
        AlertSeverity.Critical => "#c62828",
        AlertSeverity.Warning => "#ef6c00",
        _ => "#1565c0",
    };
}
