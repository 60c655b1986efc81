using System.Globalization;
using System.Text;
using Cockpit.Ingest.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using ExplorePage = Cockpit.Web.Components.Pages.Explore;

namespace Cockpit.Web.Explore;

/// <summary>
/// <c>GET /explore.csv?&lt;the explore page's query string&gt;</c>: the lines of that view as CSV (<see cref="ExploreCsv"/>),
/// for the roles of <see cref="ExploreAccess"/>. A query the page would refuse answers 400 with the same messages as
/// plain text.
/// </summary>
public static class ExploreCsvEndpoint
{
    /// <summary>Maps the CSV export.</summary>
    public static IEndpointRouteBuilder MapCockpitExplore(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/" + ExploreUrl.CsvPath, ExportAsync)
            .RequireAuthorization(new AuthorizeAttribute { Roles = ExploreAccess.Roles })
            .WithName("ExploreCsv");
        return endpoints;
    }

    private static async Task ExportAsync(HttpContext context, IMetricStore store, TimeProvider time, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        var state = ExploreUrl.Parse(context.Request.QueryString.Value, out var problems);
        var catalog = await ExploreCatalog.LoadAsync(store, cancellationToken);
        state = catalog.Complete(state);
        if (problems.Count == 0)
        {
            problems = catalog.Check(state);
        }

        if (problems.Count > 0)
        {
            // The page's resources when localization is registered; the keys otherwise.
            var localizer = context.RequestServices.GetService<IStringLocalizer<ExplorePage>>();
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                string.Join("\n", problems.Select(p => localizer is null ? p.Key + ": " + string.Join(", ", p.Args) : localizer[p.Key, [.. p.Args]].Value)) + "\n",
                cancellationToken);
            return;
        }

        var result = await new ExploreQueryRunner(store).RunAsync(state, time.GetUtcNow(), cancellationToken);
        using var csv = new StringWriter(CultureInfo.InvariantCulture);
        var rows = ExploreCsv.Write(csv, result);
        ExploreLog.CsvExported(loggers.CreateLogger(typeof(ExploreCsvEndpoint)), state.Measurement!, state.Field!, context.User.Identity?.Name ?? "?", result.Lines.Count, rows);

        var name = string.Create(CultureInfo.InvariantCulture, $"cockpit-{state.Measurement}-{state.Field}-{result.From.UtcDateTime:yyyyMMddTHHmm}Z.csv");
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"" + SafeFileName(name) + "\"";
        await context.Response.WriteAsync(csv.ToString(), Encoding.UTF8, cancellationToken);
    }

    // Measurement and field names are data: keep the header's file name to harmless characters.
    private static string SafeFileName(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
