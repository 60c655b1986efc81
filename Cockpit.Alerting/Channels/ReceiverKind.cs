namespace Cockpit.Alerting.Channels;

/// <summary>The kinds of receiver Cockpit can notify.</summary>
public enum ReceiverKind
{
    /// <summary>Any HTTP endpoint that takes Alertmanager's webhook JSON (version 4).</summary>
    Webhook,

    /// <summary>A WeCom (企业微信) group robot, markdown messages.</summary>
    WeCom,

    /// <summary>A DingTalk (钉钉) group robot, markdown or actionCard, optionally signed.</summary>
    DingTalk,

    /// <summary>A Feishu/Lark (飞书) custom bot, interactive cards, optionally signed.</summary>
    Feishu,

    /// <summary>Email over SMTP.</summary>
    Email,
}
