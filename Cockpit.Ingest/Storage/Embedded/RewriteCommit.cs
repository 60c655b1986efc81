using DuckDB.NET.Data;

namespace Cockpit.Ingest.Storage.Embedded;

/// <summary>
/// The part of a commit that makes the last write win: the pending points that may replace stored ones replace every
/// sample with their key (older commits' and this transaction's alike), and the 1-minute and 1-hour rollup rows of
/// their buckets are built again from the samples, inside the commit's transaction, so that no reader ever sees a
/// point counted twice. Only commits that have such points pay for it: in-order ingest never has any.
/// </summary>
internal static class RewriteCommit
{
    /// <summary>Runs inside the open transaction, after the commit's samples and rollup rows are appended.</summary>
    /// <returns>What the memory (point counts, recent-minutes rings) must learn once the transaction commits.</returns>
    public static RewriteOutcome Apply(DuckDBConnection writer, PendingRewrites rewrites)
    {
        var (minNs, maxNs) = (rewrites.MinTimestampNs, rewrites.MaxTimestampNs);
        Execute(writer, DuckDbRewriteSql.CreateTable);
        using (var appender = writer.CreateAppender("temp", "main", DuckDbRewriteSql.Table))
        {
            foreach (var ((seriesId, timestampNs), value) in rewrites)
            {
                appender.CreateRow().AppendValue(seriesId).AppendValue(timestampNs).AppendValue(value).EndRow();
            }
        }

        Execute(writer, DuckDbRewriteSql.TouchedBuckets(Resolution.Minute, minNs, maxNs) + DuckDbRewriteSql.TouchedBuckets(Resolution.Hour, minNs, maxNs));
        var outcome = new RewriteOutcome();
        using (var command = writer.CreateCommand())
        {
            command.CommandText = DuckDbRewriteSql.DeleteReplacedSamples(minNs, maxNs);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                outcome.CountReplaced(reader.GetInt32(0));
            }
        }

        Execute(
            writer,
            DuckDbRewriteSql.InsertSamples + DuckDbRewriteSql.RebuildBuckets(Resolution.Minute, minNs, maxNs) + DuckDbRewriteSql.RebuildBuckets(Resolution.Hour, minNs, maxNs));
        using (var command = writer.CreateCommand())
        {
            command.CommandText = DuckDbRewriteSql.RebuiltMinutes;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                outcome.Minutes.Add(new RollupRow(reader.GetInt32(0), reader.GetInt64(1), new RollupCell
                {
                    Count = reader.GetInt64(2),
                    Sum = reader.GetDouble(3),
                    Min = reader.GetDouble(4),
                    Max = reader.GetDouble(5),
                    Last = reader.GetDouble(6),
                    LastTs = reader.GetInt64(7),
                }));
            }
        }

        Execute(writer, DuckDbRewriteSql.DropTables);
        return outcome;
    }

    private static void Execute(DuckDBConnection writer, string sql)
    {
        using var command = writer.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
