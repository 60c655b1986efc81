using System.Text;
using Cockpit.Ingest.Model;
using Cockpit.Tests.Testing;

namespace Cockpit.Tests.Grafana;

public sealed class LineProtocolLinesTests
{
    [Fact]
    public void Append_FieldsOfOneSeriesAndTime_OneLineOfFloats()
    {
        var series = SeriesKey.Create(MetricNames.Business, (MetricNames.RegionTag, "tianhe"), (MetricNames.BusinessTypeTag, "new_line"));
        var text = new StringBuilder();

        LineProtocolLines.Append(text,
        [
            Points.At(series, MetricNames.AttemptsField, 12, Points.Monday),
            Points.At(series, MetricNames.SuccessRateField, 91.5, Points.Monday),
            Points.Count("liwan", 3, Points.Monday),
        ]);

        Assert.Equal(
            "business,business_type=new_line,region=tianhe attempts=12,success_rate=91.5 1795392000000000000\n" +
            "complaints,category=broadband,channel=hotline,region=liwan count=3 1795392000000000000\n",
            text.ToString());
    }
}
