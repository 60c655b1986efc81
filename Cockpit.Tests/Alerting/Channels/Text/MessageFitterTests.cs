using Cockpit.Alerting.Channels.Text;

namespace Cockpit.Tests.Alerting.Channels.Text;

public sealed class MessageFitterTests
{
    // n alerts of 10 bytes after a 5-byte heading, plus a 7-byte "more" line when some are left out.
    private static (string, int) Render(int n, int total) => ($"{n}", 5 + (10 * n) + (n < total ? 7 : 0));

    [Theory]
    [InlineData(10, 105, 10)]
    [InlineData(10, 104, 9)]
    [InlineData(10, 102, 9)]
    [InlineData(10, 101, 8)]
    [InlineData(10, 12, 0)]
    [InlineData(10, 3, 0)]
    [InlineData(0, 3, 0)]
    public void Fit_Limit_MostAlertsThatFit(int total, int limit, int expected)
    {
        var (message, included) = MessageFitter.Fit(total, limit, n => Render(n, total));

        Assert.Equal(expected, included);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), message);
    }
}
