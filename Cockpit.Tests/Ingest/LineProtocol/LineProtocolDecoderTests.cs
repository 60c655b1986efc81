using Cockpit.Ingest.Write;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.LineProtocol;

public sealed class LineProtocolDecoderTests : IDisposable
{
    private readonly Writers _writers = new();

    public static TheoryData<string, string, string, double, long> ValidLines => new()
    {
        // line, expected series (canonical), field, value, timestamp (ns)
        { "cpu,host=a value=1 10", "cpu,host=a", "value", 1, 10 },
        { "cpu value=1.5", "cpu", "value", 1.5, Writers.NowNs },
        { "cpu,b=2,a=1 value=-0.25 10", "cpu,a=1,b=2", "value", -0.25, 10 },
        { "cpu value=1e3 10", "cpu", "value", 1000, 10 },
        { "cpu value=1.5E-3 10", "cpu", "value", 0.0015, 10 },
        { "cpu value=-2e+2 10", "cpu", "value", -200, 10 },
        { "cpu value=.5 10", "cpu", "value", 0.5, 10 },
        { "cpu value=5. 10", "cpu", "value", 5, 10 },
        { "cpu value=12345678901234567890 10", "cpu", "value", 12345678901234567890d, 10 },
        { "cpu value=0.1234567890123456789 10", "cpu", "value", 0.1234567890123456789, 10 },
        { "cpu value=7i 10", "cpu", "value", 7, 10 },
        { "cpu value=-9223372036854775808i 10", "cpu", "value", -9223372036854775808d, 10 },
        { "cpu value=18446744073709551615u 10", "cpu", "value", 18446744073709551615d, 10 },
        { "cpu value=t 10", "cpu", "value", 1, 10 },
        { "cpu value=T 10", "cpu", "value", 1, 10 },
        { "cpu value=true 10", "cpu", "value", 1, 10 },
        { "cpu value=True 10", "cpu", "value", 1, 10 },
        { "cpu value=TRUE 10", "cpu", "value", 1, 10 },
        { "cpu value=f 10", "cpu", "value", 0, 10 },
        { "cpu value=F 10", "cpu", "value", 0, 10 },
        { "cpu value=false 10", "cpu", "value", 0, 10 },
        { "cpu value=False 10", "cpu", "value", 0, 10 },
        { "cpu value=FALSE 10", "cpu", "value", 0, 10 },
        { "cpu value=1 -10", "cpu", "value", 1, -10 },
        { "cpu value=1 10   ", "cpu", "value", 1, 10 },
        { "cpu value=1 10\r", "cpu", "value", 1, 10 },
        { "   cpu value=1 10", "cpu", "value", 1, 10 },
        { @"my\ cpu,host\ name=a\,b\=c value=1 10", @"my\ cpu,host\ name=a\,b\=c", "value", 1, 10 },
        { @"cpu\,x value=1 10", @"cpu\,x", "value", 1, 10 },
        { "cp=u value=1 10", "cp=u", "value", 1, 10 },
        { @"cpu f\ i\,e\=ld=1 10", "cpu", "f i,e=ld", 1, 10 },
        { @"cpu s=""a \""quoted\"" \\ str, with=stuff"",value=3 10", "cpu", "value", 3, 10 },
        { "cpu s=\"multi\nline\",value=3 10", "cpu", "value", 3, 10 },
        { "天河,区=越秀 投诉=3i 10", "天河,区=越秀", "投诉", 3, 10 },
        { @"cpu,path=C:\dir value=1 10", @"cpu,path=C:\dir", "value", 1, 10 },
    };

    [Theory]
    [MemberData(nameof(ValidLines))]
    public void Decode_ValidLine_YieldsPoint(string line, string series, string field, double value, long timestamp)
    {
        var (result, points) = _writers.Decode(line);

        Assert.Null(result.FirstError);
        Assert.Equal(1, result.LinesAccepted);
        var point = Assert.Single(points);
        Assert.Equal(series, point.Series.Canonical);
        Assert.Equal(field, point.Field);
        Assert.Equal(value, point.Value);
        Assert.Equal(timestamp, point.TimestampNs);
        Assert.Equal("test", point.Source);
    }

    public static TheoryData<string, string> MalformedLines => new()
    {
        // line, words the error must contain
        { "cpu", "missing fields" },
        { "cpu ", "missing fields" },
        { ",host=a value=1", "missing measurement" },
        { "cpu,host value=1", "tag 'host' has no value" },
        { "cpu,host= value=1", "tag 'host' has no value" },
        { "cpu,=a value=1", "empty tag key" },
        { "cpu,host=a, value=1", "invalid tag ''" },
        { "cpu,a=1,a=2 value=1", "duplicate tag key 'a'" },
        { "cpu,a=b=c value=1", "invalid tag 'a=b=c'" },
        { "cpu value", "invalid field 'value'" },
        { "cpu value=", "missing value for field 'value'" },
        { "cpu value= 10", "missing value for field 'value'" },
        { "cpu =1", "missing field key" },
        { "cpu value=1,", "missing field key" },
        { "cpu value=1,,other=2", "missing field key" },
        { "cpu value=abc", "invalid number 'abc' for field 'value'" },
        { "cpu value=1.2.3", "invalid number '1.2.3'" },
        { "cpu value=1e", "invalid number '1e'" },
        { "cpu value=+1", "invalid number '+1'" },
        { "cpu value=- 10", "invalid number '-'" },
        { "cpu value=NaN", "NaN and infinite values are not accepted" },
        { "cpu value=-Inf", "NaN and infinite values are not accepted" },
        { "cpu value=Infinity", "NaN and infinite values are not accepted" },
        { "cpu value=1e999", "out of the range of a 64-bit float" },
        { "cpu value=1.5i", "invalid integer '1.5i'" },
        { "cpu value=9223372036854775808i", "integer '9223372036854775808i' for field 'value' is out of range" },
        { "cpu value=-1u", "invalid unsigned integer '-1u'" },
        { "cpu value=18446744073709551616u", "out of range" },
        { "cpu value=tru", "invalid boolean 'tru'" },
        { "cpu value=yes", "invalid number 'yes'" },
        { "cpu value=\"open", "unterminated string value for field 'value'" },
        { "cpu value=\"a\"b", "unexpected text after the string value" },
        { "cpu value=1 abc", "invalid timestamp 'abc'" },
        { "cpu value=1 1.5", "invalid timestamp '1.5'" },
        { "cpu value=1 99999999999999999999", "out of range" },
        { "cpu value=1 10 extra", "unexpected text 'extra' after the timestamp" },
    };

    [Theory]
    [MemberData(nameof(MalformedLines))]
    public void Decode_MalformedLine_IsRejectedWithItsReason(string line, string expected)
    {
        var (result, points) = _writers.Decode(line);

        Assert.Empty(points);
        Assert.Equal(0, result.LinesAccepted);
        Assert.Equal(1, result.LinesRejected);
        Assert.NotNull(result.FirstError);
        Assert.Equal(1, result.FirstError.Line);
        Assert.Contains(expected, result.FirstError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_BadLineAmongGoodOnes_KeepsTheGoodOnesAndNamesTheFirstBadLine()
    {
        const string payload = """
            # a comment
            cpu,host=a value=1 10

            cpu,host=b value=oops 10
            cpu,host=c value=3 10
            cpu,host=d value=NaN 10
            cpu,host=e value=5,other=6i 10
            """;

        var (result, points) = _writers.Decode(payload);

        Assert.Equal(3, result.LinesAccepted);
        Assert.Equal(2, result.LinesRejected);
        Assert.Equal(4, result.FirstError!.Line);
        Assert.Equal(["cpu,host=a", "cpu,host=c", "cpu,host=e", "cpu,host=e"], points.Select(p => p.Series.Canonical));
        Assert.Equal([1d, 3, 5, 6], points.Select(p => p.Value));
    }

    [Fact]
    public void Decode_LineNumbers_CountNewlinesInsideStringValues()
    {
        var (result, _) = _writers.Decode("cpu s=\"two\nlines\",v=1 10\ncpu v=bad 10");

        Assert.Equal(3, result.FirstError!.Line);
    }

    [Fact]
    public void Decode_TwoFields_ShareSeriesAndTimestamp()
    {
        var (_, points) = _writers.Decode("business,region=tianhe attempts=10i,success_rate=97.5 1795512600000000000");

        Assert.Equal(2, points.Count);
        Assert.Same(points[0].Series, points[1].Series);
        Assert.All(points, p => Assert.Equal(1795512600000000000, p.TimestampNs));
        Assert.Equal(["attempts", "success_rate"], points.Select(p => p.Field));
    }

    [Fact]
    public void Decode_OnlyStringFields_AcceptsTheLineWithoutPoints()
    {
        var (result, points) = _writers.Decode("events,region=tianhe message=\"maintenance\" 10");

        Assert.Equal(1, result.LinesAccepted);
        Assert.Empty(points);
    }

    [Theory]
    [InlineData(TimePrecision.Nanoseconds, 1L)]
    [InlineData(TimePrecision.Microseconds, 1_000L)]
    [InlineData(TimePrecision.Milliseconds, 1_000_000L)]
    [InlineData(TimePrecision.Seconds, 1_000_000_000L)]
    [InlineData(TimePrecision.Minutes, 60_000_000_000L)]
    [InlineData(TimePrecision.Hours, 3_600_000_000_000L)]
    public void Decode_Precision_ScalesTimestampsToNanoseconds(TimePrecision precision, long nanosPerUnit)
    {
        var (_, points) = _writers.Decode("cpu value=1 7", precision: precision);

        Assert.Equal(7 * nanosPerUnit, Assert.Single(points).TimestampNs);
    }

    [Fact]
    public void Decode_TimestampThatOverflowsInItsPrecision_IsRejected()
    {
        var (result, points) = _writers.Decode("cpu value=1 9223372036854775", precision: TimePrecision.Seconds);

        Assert.Empty(points);
        Assert.Contains("out of range", result.FirstError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TimestampBeyondTheFutureSkew_IsRejectedButNotWhenTheAdapterSaysSo()
    {
        var tooLate = Writers.NowNs + (long)TimeSpan.FromMinutes(11).TotalNanoseconds;
        var fine = Writers.NowNs + (long)TimeSpan.FromMinutes(9).TotalNanoseconds;

        var (result, points) = _writers.Decode($"cpu value=1 {tooLate}\ncpu value=2 {fine}");
        var replay = new List<Cockpit.Ingest.Model.MetricPoint>();
        _writers.Writer.Decode(System.Text.Encoding.UTF8.GetBytes($"cpu value=1 {tooLate}"),
            new WriteRequest("replay", PayloadFormat.LineProtocol) { CheckFutureSkew = false }, replay);

        Assert.Equal(2d, Assert.Single(points).Value);
        Assert.Contains("ahead of the server's clock", result.FirstError!.Message, StringComparison.Ordinal);
        Assert.Single(replay);
    }

    [Fact]
    public void Decode_SameSeriesTwice_ReturnsTheSameInternedKey()
    {
        var (_, points) = _writers.Decode("cpu,host=a value=1 10\ncpu,host=a value=2 20\ncpu,host=a other=3 30");

        Assert.Same(points[0].Series, points[1].Series);
        Assert.Same(points[0].Series, points[2].Series);
        Assert.Same(points[0].Field, points[1].Field);
        Assert.Equal(1, _writers.Registry.Count);
    }

    [Fact]
    public void Decode_SameSeriesWithTagsInAnotherOrder_IsOneSeries()
    {
        var (_, points) = _writers.Decode("cpu,a=1,b=2 value=1 10\ncpu,b=2,a=1 value=2 20");

        Assert.Same(points[0].Series, points[1].Series);
        Assert.Equal(1, _writers.Registry.Count);
    }

    [Fact]
    public void Decode_InvalidUtf8InATagValue_IsRejected()
    {
        byte[] payload = [.. "cpu,host="u8, 0xff, 0xfe, .. " value=1 10\ncpu value=2 10"u8];
        var points = new List<Cockpit.Ingest.Model.MetricPoint>();

        var result = _writers.Writer.Decode(payload, new WriteRequest("test", PayloadFormat.LineProtocol), points);

        Assert.Contains("not valid UTF-8", result.FirstError!.Message, StringComparison.Ordinal);
        Assert.Equal(2d, Assert.Single(points).Value);
    }

    public void Dispose() => _writers.Dispose();
}
