using System.Globalization;
using System.Text;
using Cockpit.Ingest.Model;

namespace Cockpit.Bench.Ingest;

/// <summary>Realistic line-protocol bodies: business metrics per district, business type and cell, 2 fields a line.</summary>
public static class BenchPayloads
{
    private static readonly string[] BusinessTypes = ["new_line", "broadband_install", "plan_change", "repair"];

    /// <summary>
    /// <paramref name="lines"/> lines cycling over <paramref name="series"/> series; every full cycle is one second
    /// later, starting at 2026-11-01 00:00 UTC plus <paramref name="firstLine"/>'s place in that sequence, so that
    /// consecutive bodies carry new points in time order.
    /// </summary>
    public static string BusinessLines(int lines, long firstLine, int series)
    {
        var start = UnixTime.ToNanos(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var text = new StringBuilder(lines * 110);
        for (long i = firstLine; i < firstLine + lines; i++)
        {
            var s = (int)(i % series);
            var second = i / series;
            var region = Region.Guangzhou[s % Region.Guangzhou.Count].Id;
            var type = BusinessTypes[s / Region.Guangzhou.Count % BusinessTypes.Length];
            var outlet = s / (Region.Guangzhou.Count * BusinessTypes.Length);
            var attempts = 20 + (i * 7 % 13);
            var rate = 90 + (i * 31 % 100 / 10.0);
            text.Append(CultureInfo.InvariantCulture,
                $"business,region={region},business_type={type},outlet=o{outlet:D3} attempts={attempts}i,success_rate={rate:0.0} {start + (second * 1_000_000_000)}\n");
        }

        return text.ToString();
    }
}
