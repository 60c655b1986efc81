namespace Cockpit.Alerting.Channels;

/// <summary>One receiver: where notifications go (<c>Cockpit:Alerting:Receivers:n</c>).</summary>
public sealed class ReceiverOptions
{
    /// <summary>Unique name that routes refer to.</summary>
    public string Name { get; set; } = "";

    public ReceiverKind Kind { get; set; } = ReceiverKind.Webhook;

    /// <summary>The HTTP endpoint (webhook, robot URL with its access token). Unused for email.</summary>
    public string Url { get; set; } = "";

    /// <summary>DingTalk/Feishu signing secret; when set, every message is signed.</summary>
    public string? Secret { get; set; }

    /// <summary>DingTalk only: <c>markdown</c> (default) or <c>actionCard</c> (with a button to the alert).</summary>
    public string MessageType { get; set; } = "markdown";

    /// <summary>Messages per minute this receiver accepts; 0 for the kind's default (WeCom and DingTalk 20, Feishu 100, others unlimited).</summary>
    public int RatePerMinute { get; set; }

    /// <summary>How long one HTTP or SMTP attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Email: SMTP server host.</summary>
    public string SmtpHost { get; set; } = "";

    /// <summary>Email: SMTP port (25, 587 with STARTTLS, …).</summary>
    public int SmtpPort { get; set; } = 25;

    /// <summary>Email: use STARTTLS/SSL.</summary>
    public bool SmtpTls { get; set; }

    /// <summary>Email: user name, if the server wants a login.</summary>
    public string? SmtpUser { get; set; }

    /// <summary>Email: password for <see cref="SmtpUser"/>.</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>Email: sender address.</summary>
    public string From { get; set; } = "";

    /// <summary>The language of this receiver's messages (<c>zh-CN</c> or <c>en</c>); null or empty: <c>Cockpit:Alerting:Language</c>.</summary>
    public string? Language { get; set; }

    /// <summary>Email: recipients.</summary>
    public List<string> To { get; set; } = [];
}
