namespace Cockpit.Ingest.Mqtt;

/// <summary>The MQTT rules for topic filters (MQTT 5.0, section 4.7).</summary>
internal static class MqttTopicFilter
{
    /// <summary>
    /// True when <paramref name="filter"/> is a filter a broker accepts: not empty, no NUL, <c>+</c> only as a whole
    /// level, <c>#</c> only as the whole last level. Checked at start-up so a typo stops Cockpit with the key named
    /// instead of surfacing later as a refused subscription in the log.
    /// </summary>
    public static bool IsValid(string? filter)
    {
        if (string.IsNullOrEmpty(filter) || filter.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        var levels = filter.Split('/');
        for (var i = 0; i < levels.Length; i++)
        {
            var level = levels[i];
            if (level.Length > 1 && (level.Contains('+', StringComparison.Ordinal) || level.Contains('#', StringComparison.Ordinal)))
            {
                return false;
            }

            if (level == "#" && i != levels.Length - 1)
            {
                return false;
            }
        }

        return true;
    }
}
