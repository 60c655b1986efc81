using System.Security.Claims;
using Cockpit.Alerting.Model;
using Cockpit.Tests.Testing;
using Cockpit.Tests.Web.Alerts;
using Cockpit.Web.Inbox;
using Microsoft.Extensions.Logging;

namespace Cockpit.Tests.Web.Inbox;

public sealed class InboxCommandsTests : IDisposable
{
    private readonly AlertPagesScenario _s = new AlertPagesScenario().Build();
    private readonly LogCapture _log = new();
    private readonly InboxCommands _commands;

    public InboxCommandsTests() =>
        _commands = new InboxCommands(_s.H.Book, _s.H.Silences, _s.H.Scheduler, new LoggerFactory([_log]).CreateLogger<InboxCommands>());

    public void Dispose() => _s.Dispose();

    private static ClaimsPrincipal User(string? name, params string[] roles)
    {
        if (name is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static SilenceDraft Draft() => new() { Duration = "1h", Comment = "maintenance", Matchers = "region=\"tianhe\"" };

    private static string Describe(SilenceDraftError e) => e.Problem + ":" + e.Detail;

    [Theory]
    [InlineData(null)]
    [InlineData("viewer")]
    [InlineData("analyst")]
    public void CraftedOperate_WithoutTheRole_RefusedAndNothingChanges(string? role)
    {
        var user = role is null ? User(null) : User("zhao.min", role);
        var silences = _s.H.Silences.List().Count;

        Assert.Equal(InboxOutcome.Forbidden, _commands.Acknowledge(user, _s.TianheOutage).Outcome);
        Assert.Equal(InboxOutcome.Forbidden, _commands.Resolve(user, _s.TianheOutage).Outcome);
        Assert.Equal(InboxOutcome.Forbidden, _commands.Silence(user, _s.TianheOutage, Draft(), Describe).Outcome);

        Assert.Equal(AlertStatus.Firing, _s.H.Book.Find(_s.TianheOutage)!.Status);
        Assert.Equal(silences, _s.H.Silences.List().Count);
        Assert.Contains("[3560]", _log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("viewer")]
    public void CraftedNote_WithoutTheRole_Refused(string? role)
    {
        var user = role is null ? User(null) : User("zhao.min", role);

        Assert.Equal(InboxOutcome.Forbidden, _commands.AddNote(user, _s.TianheOutage, "hi").Outcome);
        Assert.Empty(_s.H.Book.Notes(_s.TianheOutage));
    }

    [Fact]
    public void RoleWithoutAName_Refused()
    {
        var nameless = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, "oncall")], "test"));

        Assert.Equal(InboxOutcome.Forbidden, _commands.Acknowledge(nameless, _s.TianheOutage).Outcome);
    }

    [Fact]
    public void OnCall_Acknowledge_RecordedUnderTheirName()
    {
        var result = _commands.Acknowledge(User("li.wei", "oncall"), _s.TianheOutage);

        Assert.Equal(InboxOutcome.Done, result.Outcome);
        Assert.Equal("li.wei", result.Alert!.AcknowledgedBy);
        Assert.Equal("li.wei", _s.H.Book.History(_s.TianheOutage)[^1].Actor);
    }

    [Fact]
    public void Acknowledge_Pending_ConflictWithTheBooksReason()
    {
        var result = _commands.Acknowledge(User("li.wei", "oncall"), _s.HaizhuLatency);

        Assert.Equal(InboxOutcome.Conflict, result.Outcome);
        Assert.Equal(["The alert is pending: it has not fired yet, so there is nothing to acknowledge."], result.Errors);
    }

    [Fact]
    public void Acknowledge_UnknownId_NotFound()
    {
        Assert.Equal(InboxOutcome.NotFound, _commands.Acknowledge(User("li.wei", "admin"), 999_999).Outcome);
    }

    [Fact]
    public void Analyst_Note_Stored()
    {
        var result = _commands.AddNote(User("sun.li", "analyst"), _s.YuexiuSurge, "seen");

        Assert.Equal(InboxOutcome.Done, result.Outcome);
        Assert.Equal("sun.li", Assert.Single(_s.H.Book.Notes(_s.YuexiuSurge)).Author);
    }

    [Fact]
    public void Silence_FromNowForTheDuration_ByTheUser()
    {
        var result = _commands.Silence(User("li.wei", "oncall"), _s.TianheOutage, Draft(), Describe);

        Assert.Equal(InboxOutcome.Done, result.Outcome);
        Assert.Equal(_s.H.Now + TimeSpan.FromHours(1), result.Silence!.EndsAt);
        Assert.Equal("li.wei", result.Silence.CreatedBy);
        Assert.Contains(result.Silence.Id, result.Alert!.SilencedBy);
        Assert.Contains("[3562]", _log.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Silence_BadDraft_InvalidWithEveryProblem()
    {
        var draft = new SilenceDraft { Duration = SilenceDraft.Custom, CustomDuration = "-5m", Comment = " ", Matchers = "" };

        var result = _commands.Silence(User("li.wei", "oncall"), _s.TianheOutage, draft, Describe);

        Assert.Equal(InboxOutcome.Invalid, result.Outcome);
        Assert.Equal(["BadDuration:-5m", "NoComment:", "NoMatcher:"], result.Errors);
    }
}
