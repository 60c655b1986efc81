using Bunit;
using Bunit.TestDoubles;
using Cockpit.Tests.Testing;
using Cockpit.Tests.Web.Inbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cockpit.Tests.Web.Alerts;

/// <summary>
/// What the alert list and alert detail page tests share: the alert scenario on a real book (counted), the inbox's
/// services, fake sign-in, and a log the pages' failures are captured in.
/// </summary>
public abstract class AlertPageTestContext : BunitContext
{
    private protected readonly AlertPagesScenario _s = new();
    private protected readonly CountingAlertBook _book;
    private protected readonly LogCapture _log = new();
    private protected readonly InboxServices _inbox;

    protected AlertPageTestContext()
    {
        _book = new CountingAlertBook(_s.H.Book);
        _inbox = new InboxServices(_s.H, _book);
        _inbox.AddTo(this);
        Auth = AddAuthorization();
        Services.AddSingleton<ILoggerFactory>(new LoggerFactory([_log]));
        Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
    }

    private protected BunitAuthorizationContext Auth { get; }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        _inbox.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _s.Dispose();
    }
}
