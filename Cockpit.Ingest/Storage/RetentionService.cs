using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cockpit.Ingest.Storage;

/// <summary>Applies the store's retention every <see cref="RetentionOptions.CheckInterval"/>, first right after start.</summary>
internal sealed partial class RetentionService(
    IMetricStore store, IOptions<StoreOptions> options, TimeProvider timeProvider, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Retention.CheckInterval, timeProvider);
        do
        {
            try
            {
                await store.ApplyRetentionAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRetentionFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(EventId = 1110, Level = LogLevel.Error, Message = "Applying retention failed; it is tried again at the next interval")]
    private partial void LogRetentionFailed(Exception exception);
}
