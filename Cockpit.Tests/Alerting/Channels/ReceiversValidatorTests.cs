using Cockpit.Alerting;
using Cockpit.Alerting.Channels;

namespace Cockpit.Tests.Alerting.Channels;

public sealed class ReceiversValidatorTests
{
    private static readonly ReceiversValidator Validator = new();

    [Fact]
    public void Validate_GoodReceiversOfEveryKind_Success()
    {
        var options = new AlertingOptions
        {
            Receivers =
            [
                new() { Name = "hook", Kind = ReceiverKind.Webhook, Url = "http://relay.internal:9000/hook" },
                new() { Name = "wecom", Kind = ReceiverKind.WeCom, Url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k" },
                new() { Name = "ding", Kind = ReceiverKind.DingTalk, Url = "https://oapi.dingtalk.com/robot/send?access_token=t", Secret = "SEC", MessageType = "actionCard" },
                new() { Name = "lark", Kind = ReceiverKind.Feishu, Url = "https://open.feishu.cn/open-apis/bot/v2/hook/h", Language = "en" },
                new() { Name = "mail", Kind = ReceiverKind.Email, SmtpHost = "smtp.internal", From = "cockpit@example.com", To = ["a@example.com"] },
            ],
        };

        Assert.True(Validator.Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_BadReceivers_EveryProblemNamedWithoutTheUrl()
    {
        var options = new AlertingOptions
        {
            Receivers =
            [
                new() { Name = "ops", Kind = ReceiverKind.WeCom, Url = "qyapi.weixin.qq.com/send?key=secret-key" },
                new() { Name = "OPS", Kind = ReceiverKind.DingTalk, Url = "https://oapi.dingtalk.com/robot/send", MessageType = "card", Timeout = TimeSpan.Zero },
                new() { Name = "", Kind = ReceiverKind.Email, SmtpPort = 0, From = "nobody", To = ["x@example.com", "not an address"], RatePerMinute = -1 },
                new() { Name = "mail2", Kind = ReceiverKind.Email, SmtpHost = "smtp", From = "a@example.com", Language = "zh" },
                new() { Name = "odd", Kind = (ReceiverKind)42 },
            ],
        };

        var result = Validator.Validate(null, options);

        Assert.Equal(
            [
                "Cockpit:Alerting:Receivers:0:Url must be an absolute http(s) URL for a WeCom receiver.",
                "Cockpit:Alerting:Receivers:1:Name 'OPS' is used by another receiver too.",
                "Cockpit:Alerting:Receivers:1:Timeout must be positive.",
                "Cockpit:Alerting:Receivers:1:MessageType must be markdown or actionCard.",
                "Cockpit:Alerting:Receivers:2:Name is required (routes refer to receivers by name).",
                "Cockpit:Alerting:Receivers:2:RatePerMinute must not be negative (0 is the kind's default).",
                "Cockpit:Alerting:Receivers:2:SmtpHost is required for an Email receiver.",
                "Cockpit:Alerting:Receivers:2:SmtpPort must be between 1 and 65535.",
                "Cockpit:Alerting:Receivers:2:From must be an email address.",
                "Cockpit:Alerting:Receivers:2:To has 'not an address', which is not an email address.",
                "Cockpit:Alerting:Receivers:3:Language must be zh-CN or en (or unset for Cockpit:Alerting:Language).",
                "Cockpit:Alerting:Receivers:3:To needs at least one address.",
                "Cockpit:Alerting:Receivers:4:Kind must be Webhook, WeCom, DingTalk, Feishu or Email.",
            ],
            result.Failures);
        Assert.DoesNotContain("secret-key", result.FailureMessage, StringComparison.Ordinal);
    }
}
