using System.Globalization;
using System.Reactive.Concurrency;
using System.Reactive.Subjects;
using Bunit;
using Cockpit.Alerting;
using Cockpit.Alerting.Lifecycle;
using Cockpit.Alerting.Silences;
using Cockpit.Detection;
using Cockpit.Detection.Pipeline;
using Cockpit.Detection.Rules;
using Cockpit.Detection.Rules.Catalog;
using Cockpit.Ingest.Configuration;
using Cockpit.Ingest.Model;
using Cockpit.Ingest.Storage;
using Cockpit.Ingest.Storage.Embedded;
using Cockpit.Tests.Alerting.Lifecycle;
using Cockpit.Tests.Testing;
using Cockpit.Web.Components.Controls.Alerts;
using Cockpit.Web.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cockpit.Tests.Web.Inbox;

/// <summary>
/// What the inbox's components need, on a real alert book (<see cref="AlertBookHarness"/>) and a real embedded metric
/// store in a temp folder: commands, messages (English resources), store reads with the complaint-surge rule, and a
/// score feed the test pushes band values into.
/// </summary>
public sealed class InboxServices : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public InboxServices(AlertBookHarness harness, IAlertBook? book = null)
    {
        Harness = harness;
        Book = book ?? harness.Book;
        Store = new DuckDbMetricStore(
            Options.Create(new CockpitOptions { DataDir = _dir.Path }),
            Options.Create(new StoreOptions()),
            new FakeTimeProvider(Points.Monday.AddHours(6)),
            NullLogger<DuckDbMetricStore>.Instance);
    }

    public AlertBookHarness Harness { get; }

    public IAlertBook Book { get; }

    public DuckDbMetricStore Store { get; }

    /// <summary>Band values pushed here reach open alert pages as the engine's scores would.</summary>
    public Subject<ScoredValue> Scores { get; } = new();

    /// <summary>The complaint-surge rule as the demo configures it: complaints.count per region per minute, summed.</summary>
    public static DetectionOptions Detection => new()
    {
        Rules =
        [
            new DetectionRuleOptions { Name = "complaint-surge", Measurement = MetricNames.Complaints, Field = MetricNames.CountField, GroupBy = ["region"], Bucket = TimeSpan.FromMinutes(1), Aggregate = BucketAggregate.Sum },
            new DetectionRuleOptions { Name = "source-silent", Measurement = "*", GroupBy = ["region"], Detector = DetectorKind.NoData },
        ],
    };

    /// <summary>Registers everything on <paramref name="context"/>, English UI culture (the previous one is back after dispose).</summary>
    public void AddTo(BunitContext context, AlertingOptions? alerting = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en");
        var services = context.Services;
        services.AddSingleton(Book);
        services.AddSingleton<ISilenceBook>(Harness.Silences);
        services.AddSingleton<IScheduler>(Harness.Scheduler);
        services.AddSingleton<IMetricStore>(Store);
        services.AddSingleton(Options.Create(Detection));
        services.AddSingleton<IRuleCatalog>(MemoryRuleStore.Catalog(Detection));
        services.AddSingleton(Options.Create(alerting ?? new AlertingOptions()));
        services.AddSingleton(new AlertScoreFeed(Scores));
        services.AddSingleton<InboxCommands>();
        services.AddSingleton<AlertInsights>();
        services.AddTransient<InboxMessages>();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>Writes complaint counts and makes them visible to queries.</summary>
    public async Task WriteAsync(params MetricPoint[] points)
    {
        Store.Append(points);
        await Store.FlushAsync(CancellationToken.None);
    }

    /// <summary>
    /// Tianhe complaints per minute from 23:00 to 00:30: every channel × category at 1/min, until at 00:00 hotline ·
    /// broadband jumps to 9/min and app · broadband to 3/min (80 % and 20 % of the rise). Haizhu stays flat.
    /// </summary>
    public async Task WriteTianheSurgeAsync()
    {
        var points = new List<MetricPoint>();
        for (var minute = -60; minute < 30; minute++)
        {
            var at = Points.Monday.AddMinutes(minute);
            foreach (var channel in new[] { "hotline", "app" })
            {
                foreach (var category in new[] { "broadband", "mobile" })
                {
                    var value = minute >= 0 && category == "broadband" ? (channel == "hotline" ? 9 : 3) : 1;
                    points.Add(Points.At(Points.Complaints("tianhe", channel, category), MetricNames.CountField, value, at));
                    points.Add(Points.At(Points.Complaints("haizhu", channel, category), MetricNames.CountField, 5, at));
                }
            }
        }

        await WriteAsync([.. points]);
    }

    public async ValueTask DisposeAsync()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
        await Store.DisposeAsync();
        Scores.Dispose();
        _dir.Dispose();
    }
}
