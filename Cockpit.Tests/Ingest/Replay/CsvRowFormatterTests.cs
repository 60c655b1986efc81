using System.Buffers;
using System.Text;
using Cockpit.Ingest.Replay;

namespace Cockpit.Tests.Ingest.Replay;

public sealed class CsvRowFormatterTests
{
    private static CsvRowFormatter Formatter(string header, CsvMappingOptions? mapping = null) =>
        CsvRowFormatter.Create(mapping ?? new CsvMappingOptions { Measurement = "nab" }, Encoding.UTF8.GetBytes(header));

    private static (bool Ok, string Text, string? Error) Format(CsvRowFormatter formatter, string row)
    {
        var output = new ArrayBufferWriter<byte>();
        var ok = formatter.TryFormat(Encoding.UTF8.GetBytes(row), output, out var error);
        return (ok, Encoding.UTF8.GetString(output.WrittenSpan), error);
    }

    [Fact]
    public void TryFormat_NabRow_LineProtocolWithUtcNanoseconds()
    {
        // realAWSCloudwatch/ec2_cpu_utilization_24ae8d.csv, line 2; 2014-02-14 14:30:00 UTC = 1392388200 s.
        var formatter = Formatter("timestamp,value", new CsvMappingOptions { Measurement = "nab", Tags = { ["file"] = "ec2_cpu_utilization_24ae8d" } });

        var (ok, text, _) = Format(formatter, "2014-02-14 14:30:00,0.132");

        Assert.True(ok);
        Assert.Equal("nab,file=ec2_cpu_utilization_24ae8d value=0.132 1392388200000000000", text);
    }

    [Fact]
    public void TryFormat_NamesWithSpacesCommasEquals_EscapedAsLineProtocolSays()
    {
        var mapping = new CsvMappingOptions
        {
            Measurement = "cpu load,avg",
            Tags = { ["host name"] = "web 01,eu=west" },
            Fields = { ["value"] = "load avg=1m" },
        };

        var (ok, text, _) = Format(Formatter("timestamp,value", mapping), "2014-02-14 14:30:00,1");

        Assert.True(ok);
        Assert.Equal(@"cpu\ load\,avg,host\ name=web\ 01\,eu\=west load\ avg\=1m=1 1392388200000000000", text);
    }

    [Fact]
    public void TryFormat_NoFieldMapping_EveryOtherColumnIsAFieldOfItsName()
    {
        var (ok, text, _) = Format(Formatter("value,Timestamp,other"), "1.5, 2014-02-14T14:30:00Z ,-2e3");

        Assert.True(ok);
        Assert.Equal("nab value=1.5,other=-2000 1392388200000000000", text);
    }

    [Fact]
    public void TryFormat_FieldMapping_OnlyMappedColumnsRenamed()
    {
        var mapping = new CsvMappingOptions { Measurement = "m", Fields = { ["VALUE"] = "cpu" } };

        var (_, text, _) = Format(Formatter("timestamp,value,ignored", mapping), "2014-02-14 14:30:00,3,4");

        Assert.Equal("m cpu=3 1392388200000000000", text);
    }

    [Theory]
    [InlineData(CsvTimestampFormat.UnixSeconds, "1392388200", 1392388200000000000)]
    [InlineData(CsvTimestampFormat.UnixSeconds, "1392388200.25", 1392388200250000000)]
    [InlineData(CsvTimestampFormat.UnixMilliseconds, "1392388200123", 1392388200123000000)]
    [InlineData(CsvTimestampFormat.UnixMicroseconds, "1392388200123456", 1392388200123456000)]
    [InlineData(CsvTimestampFormat.UnixNanoseconds, "1392388200123456789", 1392388200123456789)]
    [InlineData(CsvTimestampFormat.Iso, "2014-02-14T22:30:00+08:00", 1392388200000000000)]
    [InlineData(CsvTimestampFormat.Iso, "2014-02-14 14:30:00.5", 1392388200500000000)]
    public void TryFormat_TimestampFormats_UnixNanoseconds(CsvTimestampFormat format, string timestamp, long expectedNs)
    {
        var formatter = Formatter("t,v", new CsvMappingOptions { Measurement = "m", TimestampColumn = "t", TimestampFormat = format });

        var (ok, text, error) = Format(formatter, $"{timestamp},1");

        Assert.True(ok, error);
        Assert.EndsWith($" {expectedNs}", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2014-02-14 14:30:00,abc", "'abc' in column 'value' is not a number")]
    [InlineData("2014-02-14 14:30:00,1 2", "'1 2' in column 'value' is not a number")]
    [InlineData("yesterday,1", "'yesterday' in column 'timestamp' is not a ISO 8601")]
    [InlineData(",1", "no value in the timestamp column 'timestamp'")]
    [InlineData("2014-02-14 14:30:00,", "no value in any value column")]
    [InlineData("2014-02-14 14:30:00", "no value in any value column")]
    public void TryFormat_BadRow_FalseWithReason(string row, string reason)
    {
        var (ok, _, error) = Format(Formatter("timestamp,value"), row);

        Assert.False(ok);
        Assert.StartsWith(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryFormat_NaN_PassedOnForTheDecoderToRefuse()
    {
        var (ok, text, _) = Format(Formatter("timestamp,value"), "2014-02-14 14:30:00,NaN");

        Assert.True(ok);
        Assert.Equal("nab value=NaN 1392388200000000000", text);
    }

    [Fact]
    public void TryFormat_QuotedCells_QuotesDroppedCommasInsideKept()
    {
        var (ok, text, _) = Format(Formatter("\"timestamp\",\"a,b\",c"), "\"2014-02-14 14:30:00\",\"7\",8");

        Assert.True(ok);
        Assert.Equal(@"nab a\,b=7,c=8 1392388200000000000", text);
    }

    [Fact]
    public void TryFormat_EmptyCellInOneOfTwoColumns_OtherFieldStillWritten()
    {
        var (ok, text, _) = Format(Formatter("timestamp,a,b"), "2014-02-14 14:30:00,,2");

        Assert.True(ok);
        Assert.Equal("nab b=2 1392388200000000000", text);
    }

    [Fact]
    public void Create_NoTimestampColumn_InvalidDataNamingTheColumns()
    {
        var error = Assert.Throws<InvalidDataException>(() => Formatter("time,value"));

        Assert.Contains("'timestamp'", error.Message, StringComparison.Ordinal);
        Assert.Contains("time, value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_MappedColumnMissing_InvalidData()
    {
        var mapping = new CsvMappingOptions { Measurement = "m", Fields = { ["cpu"] = "cpu" } };

        var error = Assert.Throws<InvalidDataException>(() => Formatter("timestamp,value", mapping));

        Assert.Contains("'cpu'", error.Message, StringComparison.Ordinal);
    }
}
