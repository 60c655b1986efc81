using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Mqtt;

/// <summary>
/// Checks what data annotations cannot: the relations between <see cref="MqttOptions"/> values and the topic filter
/// syntax. Only when the adapter is enabled: settings of a switched-off adapter must not stop Cockpit.
/// </summary>
internal sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Skip;
        }

        var builder = new ValidateOptionsResultBuilder();
        const string Section = MqttOptions.SectionName;
        if (string.IsNullOrWhiteSpace(options.Host))
        {
            builder.AddError("needs the broker's host name or address.", $"{Section}:{nameof(MqttOptions.Host)}");
        }

        if (options.Topics.Count == 0)
        {
            builder.AddError("needs at least one topic filter, e.g. cockpit/#.", $"{Section}:{nameof(MqttOptions.Topics)}");
        }

        for (var i = 0; i < options.Topics.Count; i++)
        {
            if (!MqttTopicFilter.IsValid(options.Topics[i]))
            {
                builder.AddError(
                    $"'{options.Topics[i]}' is not a valid topic filter ('+' and '#' must be whole levels, '#' only the last).",
                    $"{Section}:{nameof(MqttOptions.Topics)}:{i}");
            }
        }

        if (string.IsNullOrWhiteSpace(options.ClientId))
        {
            builder.AddError("needs a stable client id: it names the session that keeps messages while Cockpit is away.", $"{Section}:{nameof(MqttOptions.ClientId)}");
        }

        if (!string.IsNullOrEmpty(options.Password) && string.IsNullOrEmpty(options.Username))
        {
            builder.AddError("is set without a user name.", $"{Section}:{nameof(MqttOptions.Password)}");
        }

        if (options.MaxBackoff < options.MinBackoff)
        {
            builder.AddError(
                $"({options.MaxBackoff}) is shorter than {nameof(MqttOptions.MinBackoff)} ({options.MinBackoff}).",
                $"{Section}:{nameof(MqttOptions.MaxBackoff)}");
        }

        return builder.Build();
    }
}
