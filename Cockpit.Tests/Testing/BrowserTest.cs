namespace Cockpit.Tests.Testing;

/// <summary>
/// A browser test's two servers: Cockpit on Kestrel (a real host on a free port, data in a temp folder) and Debian's
/// Chromium, started before each test and stopped after it.
/// </summary>
public abstract class BrowserTest(CockpitWebFactory factory) : IAsyncLifetime
{
    private ChromiumBrowser? _chromium;

    /// <summary>The host under test (its services, API clients, session cookies).</summary>
    protected CockpitWebFactory Factory { get; } = factory;

    /// <summary>Where Cockpit listens.</summary>
    protected Uri Address { get; private set; } = default!;

    /// <summary>The browser.</summary>
    protected ChromiumBrowser Chromium => _chromium ?? throw new InvalidOperationException("Chromium starts in InitializeAsync.");

    public virtual async Task InitializeAsync()
    {
        Address = Factory.StartOnKestrel();
        _chromium = await ChromiumBrowser.LaunchAsync();
    }

    public virtual async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }

        Factory.Dispose();
        GC.SuppressFinalize(this);
    }
}
