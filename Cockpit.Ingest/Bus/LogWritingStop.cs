using Cockpit.Ingest.Log;
using Microsoft.Extensions.Hosting;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// Closes the log for writing when the host stops: registered after the log's consumers and before the adapters, it
/// stops after the adapters (which finish their writes) and before the consumers (which then read to the end of what
/// was acknowledged). Writes arriving later (HTTP) are answered 503.
/// </summary>
internal sealed class LogWritingStop(IIngestLog log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        log.CompleteWriting();
        return Task.CompletedTask;
    }
}
