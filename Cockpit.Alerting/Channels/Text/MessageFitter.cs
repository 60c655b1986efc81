namespace Cockpit.Alerting.Channels.Text;

/// <summary>
/// Fits a message into a platform's size limit by whole alerts: the largest number of alerts whose rendering (with its
/// "…and N more" line when some are left out) stays within the limit. Whole alerts only, so a cut never falls inside a
/// character or an escape sequence.
/// </summary>
internal static class MessageFitter
{
    /// <summary>The rendering with the most alerts that fits (at least the one with none), and how many it holds.</summary>
    /// <param name="total">Alerts in the notification.</param>
    /// <param name="limit">The most bytes the platform takes.</param>
    /// <param name="render">Renders the message with the first n alerts; returns it and the size the platform counts.</param>
    public static (T Message, int Included) Fit<T>(int total, int limit, Func<int, (T Message, int Size)> render)
    {
        ArgumentNullException.ThrowIfNull(render);
        var all = render(total);
        if (all.Size <= limit || total == 0)
        {
            return (all.Message, total);
        }

        // Size grows with n below total (the "more" line only gets shorter digits), so a binary search finds the largest fit.
        var (low, high) = (0, total - 1);
        var best = render(0).Message;
        var bestCount = 0;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var attempt = render(middle);
            if (attempt.Size <= limit)
            {
                (best, bestCount, low) = (attempt.Message, middle, middle + 1);
            }
            else
            {
                high = middle - 1;
            }
        }

        return (best, bestCount);
    }
}
