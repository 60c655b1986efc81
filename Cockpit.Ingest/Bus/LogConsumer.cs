using Cockpit.Ingest.Log;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cockpit.Ingest.Bus;

/// <summary>
/// A consumer of the ingest log with its own cursor: it reads every partition from where it resumes, hands each record
/// to <see cref="Consume"/>, and commits how far it got every <see cref="LogOptions.CommitInterval"/> and whenever it
/// has caught up (after <see cref="BeforeCommitAsync"/> made what it consumed durable on its side). It runs on its own
/// thread, so consumers never wait for one another. On stop it reads on to the end of what is durable (within the
/// stop's time), then commits.
/// </summary>
internal abstract partial class LogConsumer(IIngestLog log, TimeProvider time, TimeSpan commitInterval, ILogger logger) : IHostedService
{
    // Records read from one partition before the others get their turn.
    private const int RecordsPerTurn = 64;

    private readonly CancellationTokenSource _stopping = new();
    private Task? _loop;

    /// <summary>The consumer's name: its cursor file and its line in the log's status.</summary>
    protected abstract string Name { get; }

    protected IIngestLog Log => log;

    public virtual Task StartAsync(CancellationToken cancellationToken)
    {
        log.Register(Name);
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public virtual async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Where to resume in each partition (missing: from the oldest record kept).</summary>
    protected virtual IReadOnlyDictionary<int, long> ResumePoints() => log.Committed(Name);

    /// <summary>Handles one record. Must not throw for data reasons (a record it cannot use is logged and passed).</summary>
    protected abstract void Consume(LogRecord record);

    /// <summary>Makes what was consumed so far durable on the consumer's side, before the cursor moves past it.</summary>
    protected virtual Task BeforeCommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Called once the loop has ended (after the final commit).</summary>
    protected virtual void Completed()
    {
    }

    private async Task RunAsync(CancellationToken stopping)
    {
        var resume = ResumePoints();
        var readers = Enumerable.Range(0, log.Partitions)
            .Select(p => log.OpenReader(p, resume.TryGetValue(p, out var next) ? next : 0))
            .ToArray();
        var committed = readers.Select(r => -1L).ToArray();
        var lastCommit = time.GetTimestamp();
        try
        {
            while (true)
            {
                // Seen before the turn: the loop ends only after a whole turn that began once stopping was asked found
                // nothing, so a record that became durable while the last commit ran is still read.
                var stoppingSeen = stopping.IsCancellationRequested;

                // Taken before reading, so an append that lands during the turn (or the commit after it) wakes the
                // wait below at once instead of being missed until the next append or the commit interval.
                var appended = log.WaitForAppendAsync(stopping);
                var read = ReadTurn(readers);
                var due = time.GetElapsedTime(lastCommit) >= commitInterval;
                if (due || read == 0)
                {
                    await CommitAsync(readers, committed).ConfigureAwait(false);
                    lastCommit = time.GetTimestamp();
                }

                if (read > 0)
                {
                    continue;
                }

                if (stoppingSeen)
                {
                    break;
                }

                try
                {
                    await appended.WaitAsync(commitInterval, time, stopping).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    // Nothing new for a while: look again (and commit, if anything is left).
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // Stopping: one more turn reads what is durable, then the loop ends.
                }
            }
        }
        catch (Exception ex)
        {
            LogConsumerFailed(ex, Name);
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }

            Completed();
        }
    }

    private int ReadTurn(ILogReader[] readers)
    {
        var read = 0;
        foreach (var reader in readers)
        {
            for (var i = 0; i < RecordsPerTurn && reader.TryRead(out var record); i++)
            {
                Consume(record);
                read++;
            }
        }

        return read;
    }

    private async Task CommitAsync(ILogReader[] readers, long[] committed)
    {
        if (readers.All(r => r.Position == committed[r.Partition]))
        {
            return;
        }

        await BeforeCommitAsync(CancellationToken.None).ConfigureAwait(false);
        foreach (var reader in readers)
        {
            if (reader.Position != committed[reader.Partition])
            {
                await log.CommitAsync(Name, reader.Partition, reader.Position, CancellationToken.None).ConfigureAwait(false);
                committed[reader.Partition] = reader.Position;
            }
        }
    }

    [LoggerMessage(EventId = 1220, Level = LogLevel.Critical, Message = "The {Consumer} consumer of the ingest log stopped")]
    private partial void LogConsumerFailed(Exception exception, string consumer);
}
