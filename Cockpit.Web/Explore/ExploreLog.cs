namespace Cockpit.Web.Explore;

/// <summary>What explore logs (event ids 3520–3539).</summary>
internal static partial class ExploreLog
{
    [LoggerMessage(EventId = 3520, Level = LogLevel.Warning, Message = "An explore query for {Measurement}.{Field} failed")]
    public static partial void QueryFailed(ILogger logger, string measurement, string field, Exception exception);

    [LoggerMessage(EventId = 3521, Level = LogLevel.Information, Message = "Explore CSV of {Measurement}.{Field} exported by {User}: {Lines} lines, {Rows} rows")]
    public static partial void CsvExported(ILogger logger, string measurement, string field, string user, int lines, int rows);

    [LoggerMessage(EventId = 3522, Level = LogLevel.Warning, Message = "Loading the explore choices (series and tag values) failed")]
    public static partial void CatalogFailed(ILogger logger, Exception exception);
}
