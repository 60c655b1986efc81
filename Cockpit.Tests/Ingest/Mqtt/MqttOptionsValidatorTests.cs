using Cockpit.Ingest.Mqtt;

namespace Cockpit.Tests.Ingest.Mqtt;

public sealed class MqttOptionsValidatorTests
{
    private static MqttOptions Enabled() => new() { Enabled = true, Topics = ["cockpit/#"] };

    private static string Validate(MqttOptions options) =>
        new MqttOptionsValidator().Validate(null, options).FailureMessage ?? "";

    [Fact]
    public void Validate_DefaultsWithATopic_Succeeds()
    {
        Assert.True(new MqttOptionsValidator().Validate(null, Enabled()).Succeeded);
    }

    [Fact]
    public void Validate_Disabled_SkipsEvenInvalidSettings()
    {
        var options = new MqttOptions { Enabled = false, Host = "", MinBackoff = TimeSpan.FromMinutes(5) };

        Assert.True(new MqttOptionsValidator().Validate(null, options).Skipped);
    }

    [Fact]
    public void Validate_NoTopics_FailsNamingTopics()
    {
        var options = Enabled();
        options.Topics.Clear();

        Assert.Contains("Cockpit:Mqtt:Topics", Validate(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedTopic_FailsNamingItsIndex()
    {
        var options = Enabled();
        options.Topics.Add("cockpit/#/x");

        var message = Validate(options);

        Assert.Contains("Cockpit:Mqtt:Topics:1", message, StringComparison.Ordinal);
        Assert.Contains("cockpit/#/x", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MaxBackoffBelowMin_FailsNamingMaxBackoff()
    {
        var options = Enabled();
        options.MinBackoff = TimeSpan.FromSeconds(10);
        options.MaxBackoff = TimeSpan.FromSeconds(5);

        Assert.Contains("Cockpit:Mqtt:MaxBackoff", Validate(options), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PasswordWithoutUsername_FailsNamingPassword()
    {
        var options = Enabled();
        options.Password = "secret";

        var message = Validate(options);

        Assert.Contains("Cockpit:Mqtt:Password", message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "cockpit", "Cockpit:Mqtt:Host")]
    [InlineData("broker", " ", "Cockpit:Mqtt:ClientId")]
    public void Validate_MissingHostOrClientId_FailsNamingIt(string host, string clientId, string key)
    {
        var options = Enabled();
        options.Host = host;
        options.ClientId = clientId;

        Assert.Contains(key, Validate(options), StringComparison.Ordinal);
    }
}
