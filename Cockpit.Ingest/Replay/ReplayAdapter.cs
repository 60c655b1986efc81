using Cockpit.Ingest.Bus;
using Cockpit.Ingest.Write;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Replay;

/// <summary>
/// Replays the files of <c>Cockpit:Replay</c> into the ingest bus, side by side, each paced by its own timestamps.
/// Waits for room on the bus (nothing is dropped). A file that cannot be read is reported in the log and in
/// <see cref="ReplayStatus"/>; the host and the other files carry on.
/// </summary>
internal sealed partial class ReplayAdapter(
    IngestBus bus,
    IngestWriter writer,
    IOptions<ReplayOptions> options,
    ReplayStatus status,
    TimeProvider timeProvider,
    ILogger<ReplayAdapter> logger) : BackgroundService
{
    private const int MaxLoggedRejections = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var readers = settings.Files
            .Select(file => new ReplayFileReader(file, writer, settings.SourceName, settings.Precision))
            .ToList();
        status.Start(readers.Select(r => r.Status).ToList());
        LogStarted(readers.Count, settings.Speed, settings.Loop, settings.ShiftToNow);
        try
        {
            await Task.WhenAll(readers.Select(reader => Task.Run(() => ReplayAsync(reader, settings, stoppingToken), CancellationToken.None)))
                .ConfigureAwait(false);
        }
        finally
        {
            status.Stop();
        }
    }

    private async Task ReplayAsync(ReplayFileReader reader, ReplayOptions settings, CancellationToken stoppingToken)
    {
        var file = reader.Status;
        reader.LineRejected += (_, error) =>
        {
            // Counted always, logged only at first: a file full of bad lines (or looping over one) must not flood the log.
            if (file.LinesRejected <= MaxLoggedRejections)
            {
                LogLineRejected(error.File, error.Line, error.Message);
            }
            else if (file.LinesRejected == MaxLoggedRejections + 1)
            {
                LogRejectionsSuppressed(error.File, MaxLoggedRejections);
            }
        };
        var pacer = new ReplayPacer(settings.Speed, settings.Loop, settings.ShiftToNow);
        try
        {
            await pacer.RunAsync(reader.ReadFile, (batch, ct) => PublishAsync(batch, file, ct), timeProvider, stoppingToken)
                .ConfigureAwait(false);
            file.Complete();
            LogFileDone(file.Path, file.LinesRead, file.PointsPublished, file.LinesRejected);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            file.Fail(ex.Message);
            LogFileFailed(file.Path, ex.Message);
        }
        catch (Exception ex)
        {
            // Whatever goes wrong with one file must not stop the host or the other files.
            file.Fail(ex.Message);
            LogFileCrashed(ex, file.Path);
        }
    }

    private async ValueTask PublishAsync(ReplayBatch batch, ReplayFileStatus file, CancellationToken cancellationToken)
    {
        // A batch bigger than a log record goes in ordered halves; same-time pieces in order keep the meaning.
        await bus.PublishInPiecesAsync(batch.Points, cancellationToken).ConfigureAwait(false);
        file.AddPointsPublished(batch.Points.Length);
    }

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Replay started: {Files} file(s), speed {Speed}, loop {Loop}, shift to now {ShiftToNow}")]
    private partial void LogStarted(int files, ReplaySpeed speed, bool loop, bool shiftToNow);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Information, Message = "Replay of {File} done: {Lines} lines read, {Points} points published, {Rejected} lines rejected")]
    private partial void LogFileDone(string file, long lines, long points, long rejected);

    [LoggerMessage(EventId = 1212, Level = LogLevel.Warning, Message = "Replay {File}:{Line}: line rejected: {Reason}")]
    private partial void LogLineRejected(string file, long line, string reason);

    [LoggerMessage(EventId = 1215, Level = LogLevel.Warning, Message = "Replay {File}: more than {Count} lines rejected; further ones are counted in the replay status but not logged")]
    private partial void LogRejectionsSuppressed(string file, int count);

    [LoggerMessage(EventId = 1213, Level = LogLevel.Error, Message = "Replay of {File} failed: {Reason}")]
    private partial void LogFileFailed(string file, string reason);

    [LoggerMessage(EventId = 1214, Level = LogLevel.Error, Message = "Replay of {File} failed unexpectedly")]
    private partial void LogFileCrashed(Exception exception, string file);
}
