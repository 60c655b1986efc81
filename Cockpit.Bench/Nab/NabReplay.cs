using System.Globalization;
using System.Reactive.Concurrency;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Replay;
using Cockpit.Ingest.Series;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Options;

namespace Cockpit.Bench.Nab;

/// <summary>
/// Streams a NAB data file through the production replay, in virtual time, into a detector: the CSV replay reader
/// (every row decoded by the <see cref="IngestWriter"/>, as ingest does), paced at recorded speed by
/// <see cref="ReplayPacer"/> on a <see cref="HistoricalScheduler"/> that starts at the file's first timestamp and
/// runs to the end. NAB matches scores to rows by position, so every row must come out as exactly one point, in
/// order: a rejected, dropped, split or reordered row fails the run with the file and line.
/// </summary>
public sealed class NabReplay : IDisposable
{
    private const string Source = "nab";
    private const string Measurement = "nab";
    private const string SeriesTag = "file";

    private readonly IngestWriter _writer;

    public NabReplay()
    {
        var ingest = Options.Create(new IngestOptions());
        // The writer only decodes here (nothing is queued); its clock goes unread because every row has a timestamp
        // and the replay does not check future skew.
        _writer = IngestWriter.ForDecoding(new SeriesRegistry(ingest), ingest, TimeProvider.System);
    }

    /// <summary>The scores <paramref name="detector"/> gives the rows of <paramref name="file"/>, one per row in order.</summary>
    /// <exception cref="InvalidDataException">A row did not become exactly one point in order, or a score is outside [0, 1].</exception>
    public double[] Score(NabDataFile file, INabDetector detector)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(detector);
        var reader = new ReplayFileReader(ReplayOptionsFor(file), _writer, Source);
        reader.LineRejected += (_, error) => throw new InvalidDataException(
            $"{file.Path}:{error.Line}: the production CSV replay rejected the row ({error.Message}); NAB matches results to rows by position, so every row must be read.");

        var rows = file.Rows;
        var scores = new double[rows.Count];
        var next = 0;
        Exception? failure = null;
        var completed = false;
        var scheduler = new HistoricalScheduler(rows.Count > 0 ? rows[0].Time : DateTimeOffset.UnixEpoch);
        using var series = detector.Start(scheduler);
        using (new ReplayPacer(ReplaySpeed.RealTime).Pace(reader.ReadFile, scheduler).Subscribe(
            batch =>
            {
                foreach (var point in batch.Points)
                {
                    var row = next < rows.Count ? rows[next] : throw new InvalidDataException(
                        $"{file.Path}: the replay produced more points than the file has rows ({rows.Count}).");
                    Check(file, row, point);
                    scores[next++] = Checked(file, row, detector, series.Score(point));
                }
            },
            ex => failure = ex,
            () => completed = true))
        {
            scheduler.Start();
        }

        if (failure is not null)
        {
            throw new InvalidDataException(failure.Message, failure);
        }

        if (!completed || next != rows.Count)
        {
            throw new InvalidDataException($"{file.Path}: the replay produced {next} points for {rows.Count} rows{(completed ? "" : " and did not finish")}.");
        }

        return scores;
    }

    public void Dispose()
    {
    }

    private static ReplayFileOptions ReplayOptionsFor(NabDataFile file) => new()
    {
        Path = file.Path,
        Format = ReplayFormat.Csv,
        Csv = new CsvMappingOptions
        {
            Measurement = Measurement,
            Tags = { [SeriesTag] = file.SeriesName },
            TimestampColumn = NabDataFile.TimestampColumn,
            TimestampFormat = CsvTimestampFormat.Iso,
            Fields = { [NabDataFile.ValueColumn] = NabDataFile.ValueColumn },
        },
    };

    private static void Check(NabDataFile file, NabRow row, MetricPoint point)
    {
        var value = double.TryParse(row.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed : double.NaN;
        if (point.TimestampNs != UnixTime.ToNanos(row.Time) || point.Value != value)
        {
            throw new InvalidDataException(
                $"{file.Path}:{row.Line}: the replay produced ({point.Time:yyyy-MM-dd HH:mm:ss.FFFFFFF}, {point.Value.ToString("R", CultureInfo.InvariantCulture)}) " +
                $"where the row is ({row.Timestamp}, {row.Value}): a row was dropped, split or reordered.");
        }
    }

    private static double Checked(NabDataFile file, NabRow row, INabDetector detector, double score) =>
        score is >= 0 and <= 1
            ? score
            : throw new InvalidDataException($"{file.Path}:{row.Line}: detector {detector.Name} scored {score}; NAB scores must lie in [0, 1].");
}
