using System.Globalization;
using System.Text;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Write;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.LineProtocol;

/// <summary>
/// Randomised checks (fixed seeds, so failures reproduce): the decoder never throws on any bytes, and a bad line
/// never costs the valid lines around it.
/// </summary>
public sealed class LineProtocolDecoderPropertyTests
{
    private static readonly byte[] Grammar = " ,=\\\"\n#it.-e0123456789abc"u8.ToArray();

    private const string Junk = "abcXYZ019 ,=\\.-+eEituf#\t\r天";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decode_RandomBytes_NeverThrowsAndCountsEveryLineOnce(int seed)
    {
        var random = new Random(seed);
        using var writers = new Writers();
        for (var i = 0; i < 2000; i++)
        {
            var payload = new byte[random.Next(0, 200)];
            random.NextBytes(payload);
            // Bias towards the bytes the grammar cares about, so the parser's branches are all reached.
            for (var j = 0; j < payload.Length; j++)
            {
                if (random.Next(3) > 0)
                {
                    payload[j] = Grammar[random.Next(Grammar.Length)];
                }
            }

            var points = new List<MetricPoint>();
            var result = writers.Writer.Decode(payload, new WriteRequest("fuzz", PayloadFormat.LineProtocol), points);

            var lines = payload.Count(b => b == '\n') + 1;
            Assert.True(result.LinesAccepted + result.LinesRejected <= lines);
            Assert.All(points, p => Assert.True(double.IsFinite(p.Value)));
            Assert.Equal(result.LinesRejected > 0, result.FirstError is not null);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Decode_ValidLinesAmongBadOnes_EveryValidLineIsDecodedInOrder(int seed)
    {
        var random = new Random(seed);
        using var writers = new Writers();
        for (var i = 0; i < 300; i++)
        {
            var expected = new List<(string Series, string Field, double Value, long Time)>();
            var payload = new StringBuilder();
            var lineCount = random.Next(1, 30);
            for (var line = 0; line < lineCount; line++)
            {
                if (random.Next(3) == 0)
                {
                    payload.Append(JunkLine(random)).Append('\n');
                    continue;
                }

                var (text, points) = ValidLine(random);
                expected.AddRange(points);
                payload.Append(text).Append(random.Next(4) == 0 ? "\r\n" : "\n");
            }

            var decoded = new List<MetricPoint>();
            var result = writers.Writer.Decode(Encoding.UTF8.GetBytes(payload.ToString()), new WriteRequest("fuzz", PayloadFormat.LineProtocol), decoded);

            // Junk may happen to be valid, so the valid lines' points must appear in order among the decoded ones.
            var next = 0;
            foreach (var point in decoded)
            {
                if (next < expected.Count && point.Series.Canonical == expected[next].Series && point.Field == expected[next].Field
                    && point.Value.Equals(expected[next].Value) && point.TimestampNs == expected[next].Time)
                {
                    next++;
                }
            }

            Assert.True(next == expected.Count, $"payload:\n{payload}\nfound {next} of {expected.Count} expected points; first error: {result.FirstError}");
        }
    }

    private static string JunkLine(Random random)
    {
        var chars = new char[random.Next(1, 40)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = Junk[random.Next(Junk.Length)];
        }

        return new string(chars);
    }

    private static (string Line, List<(string, string, double, long)> Points) ValidLine(Random random)
    {
        var measurement = Pick(random, "complaints", "business", "net work", "a,b", "天河");
        var tags = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = random.Next(0, 3); i > 0; i--)
        {
            tags[Pick(random, "region", "channel", "k=ey", "c ell")] = Pick(random, "tianhe", "hot line", "a=b", "x,y", "C:\\dir");
        }

        var canonical = Escape(measurement, equals: false) + string.Concat(tags.Select(t => "," + Escape(t.Key, true) + "=" + Escape(t.Value, true)));
        var time = random.NextInt64(0, Writers.NowNs);
        var fields = new List<string>();
        var points = new List<(string, string, double, long)>();
        var fieldNames = new[] { "count", "success_rate", "f i,e=ld" }.OrderBy(_ => random.Next()).Take(random.Next(1, 4));
        foreach (var name in fieldNames)
        {
            switch (random.Next(4))
            {
                case 0:
                    var integer = random.NextInt64(-1_000_000, 1_000_000);
                    fields.Add($"{Escape(name, true)}={integer.ToString(CultureInfo.InvariantCulture)}i");
                    points.Add((canonical, name, integer, time));
                    break;
                case 1:
                    var value = Math.Round((random.NextDouble() - 0.5) * 1e6, random.Next(0, 6));
                    fields.Add($"{Escape(name, true)}={value.ToString("R", CultureInfo.InvariantCulture)}");
                    points.Add((canonical, name, value, time));
                    break;
                case 2:
                    var flag = random.Next(2) == 0;
                    fields.Add($"{Escape(name, true)}={(flag ? "true" : "F")}");
                    points.Add((canonical, name, flag ? 1 : 0, time));
                    break;
                default:
                    fields.Add($"{Escape(name, true)}=\"text, with \\\"quotes\\\" and = signs\"");
                    break;
            }
        }

        var rawTags = string.Concat(tags.Reverse().Select(t => "," + Escape(t.Key, true) + "=" + Escape(t.Value, true)));
        return ($"{Escape(measurement, false)}{rawTags} {string.Join(',', fields)} {time.ToString(CultureInfo.InvariantCulture)}", points);
    }

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    private static string Escape(string text, bool equals) =>
        text.Replace(",", "\\,", StringComparison.Ordinal).Replace(" ", "\\ ", StringComparison.Ordinal)
            .Replace("=", equals ? "\\=" : "=", StringComparison.Ordinal);
}
