using Cockpit.Ingest.Write;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Ingest.Json;

public sealed class JsonPointDecoderTests : IDisposable
{
    private readonly Writers _writers = new();

    [Fact]
    public void Decode_Array_YieldsOnePointPerNumericField()
    {
        const string payload = """
            [
              { "measurement": "business", "tags": { "region": "tianhe", "business_type": "repair" },
                "fields": { "attempts": 12, "success_rate": 91.5, "ok": true, "note": "text is skipped" },
                "time": 1795512600 },
              { "measurement": "complaints", "tags": { "region": "haizhu" }, "fields": { "count": 3 },
                "time": "2026-11-23T08:00:00+08:00" }
            ]
            """;

        var (result, points) = _writers.Decode(payload, PayloadFormat.Json, TimePrecision.Seconds);

        Assert.Null(result.FirstError);
        Assert.Equal(2, result.LinesAccepted);
        Assert.Equal(["attempts", "success_rate", "ok", "count"], points.Select(p => p.Field));
        Assert.Equal([12d, 91.5, 1, 3], points.Select(p => p.Value));
        Assert.Equal(1795512600_000_000_000, points[0].TimestampNs);
        Assert.Equal(Cockpit.Ingest.Model.UnixTime.ToNanos(Points.Monday), points[3].TimestampNs);
        Assert.Equal("business,business_type=repair,region=tianhe", points[0].Series.Canonical);
    }

    [Fact]
    public void Decode_NdjsonWithBadLines_KeepsTheGoodOnesAndNamesTheFirstBadLine()
    {
        const string payload = """
            {"measurement":"cpu","fields":{"v":1},"time":10}

            {"measurement":"cpu","fields":{"v":"x"},"tags":{"host":["a"]},"time":20}
            {"measurement":"cpu","fields":{"v":3}}
            {"measurement":"cpu","fields":{"v":4},"time":40
            {"measurement":"cpu","fields":{"v":5},"timestamp":50}
            """;

        var (result, points) = _writers.Decode(payload, PayloadFormat.Json);

        Assert.Equal(2, result.LinesAccepted);
        Assert.Equal(3, result.LinesRejected);
        Assert.Equal(3, result.FirstError!.Line);
        Assert.Contains("tag 'host' must be a string", result.FirstError.Message, StringComparison.Ordinal);
        Assert.Equal([1d, 3], points.Select(p => p.Value));
    }

    public static TheoryData<string, string> BadObjects => new()
    {
        { """{"fields":{"v":1}}""", "missing measurement" },
        { """{"measurement":"","fields":{"v":1}}""", "measurement must be a non-empty string" },
        { """{"measurement":"cpu"}""", "missing fields" },
        { """{"measurement":"cpu","fields":{}}""", "missing fields" },
        { """{"measurement":"cpu","fields":{"v":[1]}}""", "field 'v' must be a number or a boolean" },
        { """{"measurement":"cpu","fields":{"v":1e999}}""", "out of the range of a 64-bit float" },
        { """{"measurement":"cpu","fields":{"v":1},"time":1.5}""", "not an integer number" },
        { """{"measurement":"cpu","fields":{"v":1},"time":"yesterday"}""", "not an RFC 3339 date-time" },
        { """{"measurement":"cpu","fields":{"v":1},"time":"2099-01-01T00:00:00Z"}""", "ahead of the server's clock" },
        { """{"measurement":"cpu","tags":{"a":""},"fields":{"v":1}}""", "tag 'a' has no value" },
        { """{"measurement":"cpu","fields":{"v":1},"extra":1}""", "unknown property 'extra'" },
        { """[1]""", "expected an object" },
        { """[{"measurement":"cpu",""", "invalid JSON" },
    };

    [Theory]
    [MemberData(nameof(BadObjects))]
    public void Decode_BadObject_IsRejectedWithItsReason(string payload, string expected)
    {
        var (result, points) = _writers.Decode(payload, PayloadFormat.Json);

        Assert.Empty(points);
        Assert.Equal(1, result.LinesRejected);
        Assert.Contains(expected, result.FirstError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ArrayWithBadObject_NamesItsPosition()
    {
        var (result, points) = _writers.Decode("""[{"measurement":"cpu","fields":{"v":1}},{"measurement":"cpu"},{"measurement":"cpu","fields":{"v":3}}]""", PayloadFormat.Json);

        Assert.Equal(2, result.FirstError!.Line);
        Assert.Equal("object 2: missing fields: give at least one numeric or boolean field", result.FirstError.ToString());
        Assert.Equal([1d, 3], points.Select(p => p.Value));
    }

    public void Dispose() => _writers.Dispose();
}
