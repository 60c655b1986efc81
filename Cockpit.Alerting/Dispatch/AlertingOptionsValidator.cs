using Cockpit.Alerting.Channels.Text;
using Cockpit.Alerting.Silences;
using Microsoft.Extensions.Options;

namespace Cockpit.Alerting.Dispatch;

/// <summary>
/// Checks routes, escalation levels, grouping timers and delivery settings at start-up, naming the route and the bad
/// value, so a typo in a matcher or a receiver name stops Cockpit instead of silently sending nothing. The receivers
/// themselves (names, URLs, SMTP settings) are the channels' <c>ReceiversValidator</c>'s.
/// </summary>
internal sealed class AlertingOptionsValidator : IValidateOptions<AlertingOptions>
{
    private const string Section = AlertingOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, AlertingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        var receivers = ReceiverNames(options);
        ValidateRoutes(options, receivers, builder);
        ValidateTimers(options, builder);
        if (!MessageWords.IsKnown(options.Language))
        {
            builder.AddError($"must be {MessageWords.Chinese} or {MessageWords.English}.", $"{Section}:{nameof(AlertingOptions.Language)}");
        }

        return builder.Build();
    }

    /// <summary>The receivers routes may name; the receivers themselves are checked by the channels' validator.</summary>
    private static HashSet<string> ReceiverNames(AlertingOptions options) =>
        [.. options.Receivers.Select(r => r.Name).Where(n => !string.IsNullOrWhiteSpace(n))];

    private static void ValidateRoutes(AlertingOptions options, HashSet<string> receivers, ValidateOptionsResultBuilder builder)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            var at = $"{Section}:{nameof(AlertingOptions.Routes)}:{i}";
            if (string.IsNullOrWhiteSpace(route.Name))
            {
                builder.AddError("a route needs a name (it appears in history and group keys).", $"{at}:{nameof(RouteOptions.Name)}");
            }
            else if (!names.Add(route.Name))
            {
                builder.AddError($"'{route.Name}' is used by more than one route.", $"{at}:{nameof(RouteOptions.Name)}");
            }

            for (var m = 0; m < route.Matchers.Count; m++)
            {
                if (!LabelMatcherParser.TryParse(route.Matchers[m], out _, out var error))
                {
                    builder.AddError($"route '{route.Name}' has a bad matcher: {error}", $"{at}:{nameof(RouteOptions.Matchers)}:{m}");
                }
            }

            CheckReceivers(route.Name, route.Receivers, receivers, $"{at}:{nameof(RouteOptions.Receivers)}", builder);
            CheckPositive(route.GroupInterval, $"route '{route.Name}'", $"{at}:{nameof(RouteOptions.GroupInterval)}", builder);
            CheckPositive(route.RepeatInterval, $"route '{route.Name}'", $"{at}:{nameof(RouteOptions.RepeatInterval)}", builder);
            if (route.GroupWait is { } wait && wait < TimeSpan.Zero)
            {
                builder.AddError($"route '{route.Name}' needs zero or more.", $"{at}:{nameof(RouteOptions.GroupWait)}");
            }

            var previous = TimeSpan.Zero;
            for (var e = 0; e < route.Escalation.Count; e++)
            {
                var level = route.Escalation[e];
                var levelAt = $"{at}:{nameof(RouteOptions.Escalation)}:{e}";
                if (level.After <= TimeSpan.Zero || level.After < previous)
                {
                    builder.AddError(
                        $"route '{route.Name}' level {e + 1} comes after {level.After}; levels need positive times, in order (the level above: {previous}).",
                        $"{levelAt}:{nameof(EscalationOptions.After)}");
                }

                previous = level.After;
                if (level.Receivers.Count == 0)
                {
                    builder.AddError($"route '{route.Name}' level {e + 1} names no receiver to escalate to.", $"{levelAt}:{nameof(EscalationOptions.Receivers)}");
                }

                CheckReceivers(route.Name, level.Receivers, receivers, $"{levelAt}:{nameof(EscalationOptions.Receivers)}", builder);
            }
        }
    }

    private static void CheckReceivers(string route, List<string> names, HashSet<string> receivers, string at, ValidateOptionsResultBuilder builder)
    {
        for (var r = 0; r < names.Count; r++)
        {
            if (!receivers.Contains(names[r]))
            {
                builder.AddError($"route '{route}' names receiver '{names[r]}', which is not configured.", $"{at}:{r}");
            }
        }
    }

    private static void ValidateTimers(AlertingOptions options, ValidateOptionsResultBuilder builder)
    {
        var grouping = $"{Section}:{nameof(AlertingOptions.Grouping)}";
        if (options.Grouping.GroupWait < TimeSpan.Zero)
        {
            builder.AddError("needs zero or more.", $"{grouping}:{nameof(GroupingOptions.GroupWait)}");
        }

        CheckPositive(options.Grouping.GroupInterval, "", $"{grouping}:{nameof(GroupingOptions.GroupInterval)}", builder);
        CheckPositive(options.Grouping.RepeatInterval, "", $"{grouping}:{nameof(GroupingOptions.RepeatInterval)}", builder);
        var delivery = $"{Section}:{nameof(AlertingOptions.Delivery)}";
        CheckPositive(options.Delivery.MinBackoff, "", $"{delivery}:{nameof(DeliveryOptions.MinBackoff)}", builder);
        CheckPositive(options.Delivery.GiveUpAfter, "", $"{delivery}:{nameof(DeliveryOptions.GiveUpAfter)}", builder);
        CheckPositive(options.Delivery.PollInterval, "", $"{delivery}:{nameof(DeliveryOptions.PollInterval)}", builder);
        if (options.Delivery.MaxBackoff < options.Delivery.MinBackoff)
        {
            builder.AddError(
                $"{options.Delivery.MaxBackoff} is shorter than {nameof(DeliveryOptions.MinBackoff)} ({options.Delivery.MinBackoff}).",
                $"{delivery}:{nameof(DeliveryOptions.MaxBackoff)}");
        }
    }

    private static void CheckPositive(TimeSpan? value, string of, string at, ValidateOptionsResultBuilder builder)
    {
        if (value is { } span && span <= TimeSpan.Zero)
        {
            builder.AddError($"{of} needs a positive value.".TrimStart(), at);
        }
    }
}
